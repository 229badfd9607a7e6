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
exports.LOAD_CORE = exports.SERVER_CORE = exports.PEERS = void 0;
exports.refPeer = refPeer;
exports.canPin = canPin;
exports.spawnNode = spawnNode;
exports.waitForExit = waitForExit;
exports.startPeer = startPeer;
const node_child_process_1 = require("node:child_process");
const path = __importStar(require("node:path"));
const ipc_1 = require("./ipc");
const SERVERS = path.join(__dirname, '..', 'servers');
/** Every peer the suites can name. */
exports.PEERS = {
    classio: { name: 'classio', script: path.join(SERVERS, 'classio-server.js'), args: ['app'], isClassio: true },
    'socket.io': { name: 'socket.io', script: path.join(SERVERS, 'socketio-server.js'), args: [], isClassio: false },
    'bare-ws': { name: 'bare-ws', script: path.join(SERVERS, 'bare-ws-server.js'), args: [], isClassio: false },
    'classio-socket-on': {
        name: 'classio-socket-on',
        script: path.join(SERVERS, 'classio-server.js'),
        args: ['socket-on'],
        isClassio: true,
    },
    'classio-plain': {
        name: 'classio-plain',
        script: path.join(SERVERS, 'classio-server.js'),
        args: ['plain'],
        isClassio: true,
    },
    'classio-decorated': {
        name: 'classio-decorated',
        script: path.join(SERVERS, 'classio-server.js'),
        args: ['decorated'],
        isClassio: true,
    },
    'classio-dto': {
        name: 'classio-dto',
        script: path.join(SERVERS, 'classio-server.js'),
        args: ['dto'],
        isClassio: true,
    },
    'classio-msgpack': {
        name: 'classio-msgpack',
        script: path.join(SERVERS, 'classio-server.js'),
        args: ['msgpack'],
        isClassio: true,
    },
    'socket.io-msgpack': {
        name: 'socket.io-msgpack',
        script: path.join(SERVERS, 'socketio-server.js'),
        args: ['msgpack'],
        isClassio: false,
    },
    'classio-metrics': {
        name: 'classio-metrics',
        script: path.join(SERVERS, 'classio-server.js'),
        args: ['metrics'],
        isClassio: true,
    },
    'classio-tracing': {
        name: 'classio-tracing',
        script: path.join(SERVERS, 'classio-server.js'),
        args: ['tracing'],
        isClassio: true,
    },
    'classio-intercepted': {
        name: 'classio-intercepted',
        script: path.join(SERVERS, 'classio-server.js'),
        args: ['intercepted'],
        isClassio: true,
    },
    'classio-throttled': {
        name: 'classio-throttled',
        script: path.join(SERVERS, 'classio-server.js'),
        args: ['throttled'],
        isClassio: true,
    },
    'classio-recovery': {
        name: 'classio-recovery',
        script: path.join(SERVERS, 'classio-server.js'),
        args: ['app-recovery'],
        isClassio: true,
    },
    'socket.io-recovery': {
        name: 'socket.io-recovery',
        script: path.join(SERVERS, 'socketio-server.js'),
        args: ['recovery'],
        isClassio: false,
    },
};
/** The twin of a classio peer that runs the compared ref's compiled server with the same arguments. */
function refPeer(base, compared) {
    const spec = exports.PEERS[base];
    const script = path.join(compared.directory, 'dist', 'test', 'bench', 'servers', path.basename(spec.script));
    return { ...spec, name: `${base}@ref`, script };
}
/** The cores: server on 0, load generator on 1. */
exports.SERVER_CORE = 0;
exports.LOAD_CORE = 1;
let isTasksetAvailable;
/** Whether `taskset` exists and may set affinities here. */
function canPin() {
    if (isTasksetAvailable === undefined) {
        const probe = (0, node_child_process_1.spawnSync)('taskset', ['-c', String(exports.LOAD_CORE), process.execPath, '-e', '0'], { stdio: 'ignore' });
        isTasksetAvailable = probe.status === 0;
    }
    return isTasksetAvailable;
}
/** Spawns `node <nodeArgs>` with an IPC channel, pinned to `core` when pinning is on and possible. */
function spawnNode(core, nodeArgs, shouldPin) {
    const stdio = ['ignore', 'inherit', 'inherit', 'ipc'];
    if (shouldPin && canPin()) {
        return (0, node_child_process_1.spawn)('taskset', ['-c', String(core), process.execPath, ...nodeArgs], { stdio });
    }
    return (0, node_child_process_1.spawn)(process.execPath, [...nodeArgs], { stdio });
}
/** Resolves when the child has exited; kills it (by its own pid) if it has not within `graceMs`. */
function waitForExit(child, graceMs) {
    if (child.exitCode !== null || child.signalCode !== null)
        return Promise.resolve();
    return new Promise((resolve) => {
        const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        child.once('exit', () => {
            clearTimeout(timer);
            resolve();
        });
    });
}
/** Starts a peer server pinned to the server core and waits for its port. */
async function startPeer(spec, options) {
    const child = spawnNode(exports.SERVER_CORE, ['--expose-gc', spec.script, ...spec.args], options.shouldPin);
    const channel = new ipc_1.IpcChannel(child);
    const port = await new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
            child.kill('SIGKILL');
            reject(new Error(`${spec.name} server did not start within 20 s`));
        }, 20_000);
        channel.handle('ready', (body) => {
            clearTimeout(timer);
            resolve(body.port);
        });
        child.once('exit', (code, signal) => {
            clearTimeout(timer);
            reject(new Error(`${spec.name} server exited before listening (code ${code}, signal ${signal})`));
        });
    });
    child.on('exit', () => channel.failPending(new Error(`${spec.name} server exited`)));
    return {
        port,
        channel,
        stop: async () => {
            if (child.connected)
                channel.notify('stop');
            await waitForExit(child, 10_000);
        },
    };
}
//# sourceMappingURL=processes.js.map