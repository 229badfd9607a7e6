"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const chai_1 = require("chai");
const node_child_process_1 = require("node:child_process");
const node_path_1 = require("node:path");
const CLIENTS = Number(process.env.FLOOD_CLIENTS ?? 2000);
function runFlood() {
    return new Promise((resolve, reject) => {
        (0, node_child_process_1.execFile)(process.execPath, ['--expose-gc', (0, node_path_1.join)(__dirname, 'support', 'flood-child.js')], { env: { ...process.env, FLOOD_CLIENTS: String(CLIENTS) }, timeout: 60_000 }, (err, stdout, stderr) => {
            if (err)
                reject(new Error(`flood child failed: ${err.message}\n${stderr}`));
            else
                resolve(JSON.parse(stdout.trim().split('\n').pop()));
        });
    });
}
describe('Flood', function () {
    this.timeout(60_000);
    it(`leaves no socket, session, room or scoped instance behind after ${CLIENTS} abrupt disconnects`, async () => {
        const report = await runFlood();
        (0, chai_1.expect)(report.drained, JSON.stringify(report)).to.equal(true);
        (0, chai_1.expect)(report.engineClients).to.equal(0);
        (0, chai_1.expect)(report.sockets).to.equal(0);
        (0, chai_1.expect)(report.rooms).to.equal(0);
        // Every websocket client joined the connection-scoped namespace (warm-up included): all were disposed.
        (0, chai_1.expect)(report.created).to.equal(report.clients + 200);
        (0, chai_1.expect)(report.disposed).to.equal(report.created);
        (0, chai_1.expect)(report.hasGc).to.equal(true);
        // Loose: the peak held thousands of connections; afterwards the heap is back within a few MiB of the start.
        const retained = report.heapAfter - report.heapBefore;
        (0, chai_1.expect)(retained, `retained ${(retained / 1048576).toFixed(1)} MiB (peak ${(report.heapPeak / 1048576).toFixed(1)} MiB)`).to.be.below(8 * 1024 * 1024);
    });
});
//# sourceMappingURL=flood.test.js.map