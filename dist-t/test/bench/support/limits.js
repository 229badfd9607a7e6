"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.raiseDescriptorLimit = raiseDescriptorLimit;
const node_child_process_1 = require("node:child_process");
/**
 * Raises this process's descriptor limit (soft and hard) to `needed` with `prlimit`, so that the server and load
 * processes it spawns afterwards inherit it. Raising the hard limit takes root or CAP_SYS_RESOURCE; without them
 * the run goes on and says that the largest sizes may fail with EMFILE.
 */
function raiseDescriptorLimit(needed, label) {
    try {
        (0, node_child_process_1.execFileSync)('prlimit', ['--pid', String(process.pid), `--nofile=${needed}:${needed}`], { stdio: 'ignore' });
    }
    catch {
        console.error(`[${label}] could not raise the descriptor limit to ${needed} (prlimit, root or CAP_SYS_RESOURCE): ` +
            'the largest runs may fail with EMFILE');
    }
}
//# sourceMappingURL=limits.js.map