import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { reexecOnRequestedNode } from './support/node-version';
import { PEERS, startPeer } from './support/processes';
import { closeClients, connectClients } from './support/raw-client';
import { raiseDescriptorLimit } from './support/limits';
import { readOptions, sleep, type BenchOptions, type PeerName } from './support/suite';

/**
 * `npm run bench:heap`: what one idle connection keeps on the server's heap, object by object. For each peer
 * (BENCH_PEERS, default classio, socket.io and bare-ws), a fresh server writes a heap snapshot after a full GC,
 * BENCH_HEAP_CLIENTS (default 3,000) websocket clients connect to `/test` as in the scale run, and the server writes a
 * second one. The objects of the second that the first lacks are grouped by V8's node type and name (a class name for
 * objects, `array` for hash tables and elements, `string`, ...), and printed as bytes and count per connection, the
 * largest BENCH_HEAP_TOP (25) groups first, with the total: the breakdown of docs/benchmarks.md. Snapshots go to
 * a temporary directory, removed at the end.
 */

const CLIENTS = Number(process.env.BENCH_HEAP_CLIENTS ?? 3000);
const TOP = Number(process.env.BENCH_HEAP_TOP ?? 25);
const DEFAULT_PEERS: readonly PeerName[] = ['classio', 'socket.io', 'bare-ws'];

interface HeapSnapshotFile {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

/** Self size by `type:name` of the nodes of `after` whose id is not in `before`. */
function newObjects(before: string, after: string): Map<string, { count: number; bytes: number }> {
  const ids = new Set<number>();
  const first = JSON.parse(fs.readFileSync(before, 'utf8')) as HeapSnapshotFile;
  const firstFields = first.snapshot.meta.node_fields;
  const firstId = firstFields.indexOf('id');
  for (let i = 0; i < first.nodes.length; i += firstFields.length) ids.add(first.nodes[i + firstId]);

  const second = JSON.parse(fs.readFileSync(after, 'utf8')) as HeapSnapshotFile;
  const fields = second.snapshot.meta.node_fields;
  const types = second.snapshot.meta.node_types[0];
  const [iType, iName, iId, iSize] = ['type', 'name', 'id', 'self_size'].map((field) => fields.indexOf(field));
  const groups = new Map<string, { count: number; bytes: number }>();
  for (let i = 0; i < second.nodes.length; i += fields.length) {
    if (ids.has(second.nodes[i + iId])) continue;
    const type = types[second.nodes[i + iType]];
    // A string's name is its text, a code object's its source: one group per kind, not per value.
    const name = type.includes('string') || type === 'code' ? '' : second.strings[second.nodes[i + iName]].slice(0, 50);
    const key = `${type}${name === '' ? '' : ` ${name}`}`;
    const group = groups.get(key) ?? { count: 0, bytes: 0 };
    group.count++;
    group.bytes += second.nodes[i + iSize];
    groups.set(key, group);
  }
  return groups;
}

async function measure(
  peer: PeerName,
  options: BenchOptions,
  directory: string,
): Promise<Map<string, { count: number; bytes: number }>> {
  const server = await startPeer(PEERS[peer], options);
  const before = path.join(directory, `${peer}-before.heapsnapshot`);
  const after = path.join(directory, `${peer}-after.heapsnapshot`);
  try {
    await server.channel.request('heap-snapshot', { file: before }, 120_000);
    const clients = await connectClients(server.port, CLIENTS, 64);
    await sleep(1);
    await server.channel.request('heap-snapshot', { file: after }, 120_000);
    closeClients(clients);
  } finally {
    await server.stop();
  }
  return newObjects(before, after);
}

function table(peer: PeerName, groups: Map<string, { count: number; bytes: number }>): string {
  const rows = [...groups].sort((a, b) => b[1].bytes - a[1].bytes);
  const total = rows.reduce((sum, [, group]) => sum + group.bytes, 0);
  const lines = [
    `#### ${peer}: ${CLIENTS.toLocaleString('en-US')} idle connections, ${Math.round(total / CLIENTS)} B each`,
    '',
    '| V8 type and name | B per connection | count per connection |',
    '| --- | ---: | ---: |',
  ];
  for (const [key, group] of rows.slice(0, TOP)) {
    lines.push(`| ${key} | ${(group.bytes / CLIENTS).toFixed(1)} | ${(group.count / CLIENTS).toFixed(2)} |`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  reexecOnRequestedNode();
  raiseDescriptorLimit(CLIENTS * 2 + 1000, 'bench:heap');
  const options = readOptions();
  const peers = options.peers ?? DEFAULT_PEERS;
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'classio-heap-'));
  try {
    console.log(`Node ${process.version}, heap snapshots before and after ${CLIENTS} connections.\n`);
    for (const peer of peers) console.log(`${table(peer, await measure(peer, options, directory))}\n`);
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
