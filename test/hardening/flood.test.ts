import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { join } from 'node:path';

/**
 * Thousands of connections opened and dropped abruptly leave nothing behind: every engine session, socket and
 * room entry is gone, every connection-scoped instance is disposed, and the heap returns near where it started.
 * The flood runs in a child process with --expose-gc (support/flood-child.ts) so that the heap figures are taken
 * after real collections; the assertions are on structure counts, with a loose bound on memory.
 */

interface FloodReport {
  clients: number;
  pollingClients: number;
  drained: boolean;
  seconds: number;
  hasGc: boolean;
  heapBefore: number;
  heapPeak: number;
  heapAfter: number;
  engineClients: number;
  sockets: number;
  rooms: number;
  created: number;
  disposed: number;
}

const CLIENTS = Number(process.env.FLOOD_CLIENTS ?? 2000);

function runFlood(): Promise<FloodReport> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--expose-gc', join(__dirname, 'support', 'flood-child.js')],
      { env: { ...process.env, FLOOD_CLIENTS: String(CLIENTS) }, timeout: 60_000 },
      (err, stdout, stderr) => {
        if (err) reject(new Error(`flood child failed: ${err.message}\n${stderr}`));
        else resolve(JSON.parse(stdout.trim().split('\n').pop()!) as FloodReport);
      },
    );
  });
}

describe('Flood', function () {
  this.timeout(60_000);

  it(`leaves no socket, session, room or scoped instance behind after ${CLIENTS} abrupt disconnects`, async () => {
    const report = await runFlood();
    expect(report.drained, JSON.stringify(report)).to.equal(true);
    expect(report.engineClients).to.equal(0);
    expect(report.sockets).to.equal(0);
    expect(report.rooms).to.equal(0);
    // Every websocket client joined the connection-scoped namespace (warm-up included): all were disposed.
    expect(report.created).to.equal(report.clients + 200);
    expect(report.disposed).to.equal(report.created);
    expect(report.hasGc).to.equal(true);
    // Loose: the peak held thousands of connections; afterwards the heap is back within a few MiB of the start.
    const retained = report.heapAfter - report.heapBefore;
    expect(
      retained,
      `retained ${(retained / 1048576).toFixed(1)} MiB (peak ${(report.heapPeak / 1048576).toFixed(1)} MiB)`,
    ).to.be.below(8 * 1024 * 1024);
  });
});
