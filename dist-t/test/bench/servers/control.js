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
exports.portOf = portOf;
exports.runPeer = runPeer;
const fs = __importStar(require("node:fs"));
const node_inspector_1 = require("node:inspector");
const path = __importStar(require("node:path"));
const ipc_1 = require("../support/ipc");
const gc = globalThis.gc;
/** Collects garbage until RSS and heap settle a little (one pass leaves weak and finalizable objects behind). */
async function sampleMemory() {
    if (gc !== undefined) {
        for (let i = 0; i < 3; i++) {
            gc();
            await new Promise((resolve) => setImmediate(resolve));
        }
    }
    const usage = process.memoryUsage();
    return { rss: usage.rss, heapUsed: usage.heapUsed, isAfterGc: gc !== undefined };
}
/**
 * Profiles the measured window only (not start-up, connects or warm-up), through the inspector of this process.
 * V8 samples on its own thread; 200 µs gives enough samples in a few seconds.
 */
class WindowProfiler {
    constructor() {
        this.session = new node_inspector_1.Session();
        this.session.connect();
    }
    start() {
        return new Promise((resolve, reject) => {
            this.session.post('Profiler.enable', (enableError) => {
                if (enableError)
                    return reject(enableError);
                this.session.post('Profiler.setSamplingInterval', { interval: 200 }, () => {
                    this.session.post('Profiler.start', (startError) => (startError ? reject(startError) : resolve()));
                });
            });
        });
    }
    /** Stops and writes the profile into `directory`; resolves with the file. */
    stop(directory, name) {
        return new Promise((resolve, reject) => {
            this.session.post('Profiler.stop', (error, result) => {
                if (error)
                    return reject(error);
                fs.mkdirSync(directory, { recursive: true });
                const file = path.join(directory, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}.cpuprofile`);
                fs.writeFileSync(file, JSON.stringify(result.profile));
                resolve(file);
            });
        });
    }
}
/** The port an http server listens on. */
function portOf(server) {
    return server.address().port;
}
/**
 * Runs a peer server under the bench runner's control, or alone.
 *
 * Under the runner (an IPC channel exists) the server reports its port, answers `memory` and `cpu` requests, and
 * exits on `stop` or as soon as the runner goes away, so no server outlives a run. Alone it listens on `PORT`
 * (default 0), prints the port and stops on SIGINT/SIGTERM. With BENCH_PROFILE the runner also has it profile the
 * measured window.
 */
async function runPeer(name, start) {
    const port = Number(process.env.PORT ?? 0);
    const peer = await start(port);
    let isStopping = false;
    const stop = async () => {
        if (isStopping)
            return;
        isStopping = true;
        // A close that hangs (a client that never acknowledges) must not keep the process: exit regardless.
        const timer = setTimeout(() => process.exit(0), 3_000);
        timer.unref();
        await peer.close().catch(() => undefined);
        process.exit(0);
    };
    if (process.send === undefined) {
        console.log(`${name} bench peer listening on 127.0.0.1:${peer.port}`);
        process.once('SIGINT', () => void stop());
        process.once('SIGTERM', () => void stop());
        return;
    }
    const channel = new ipc_1.IpcChannel(process);
    let profiler = null;
    channel
        .handle('memory', () => sampleMemory())
        .handle('cpu', () => {
        const usage = process.cpuUsage();
        return usage.user + usage.system;
    })
        .handle('profile-start', () => {
        profiler ??= new WindowProfiler();
        return profiler.start();
    })
        .handle('profile-stop', (body) => {
        if (profiler === null)
            throw new Error('the profiler was not started');
        return profiler.stop(body.directory, name.replace(/\W+/g, '-'));
    })
        .handle('stop', () => {
        setImmediate(() => void stop());
        return true;
    });
    process.once('disconnect', () => void stop());
    channel.notify('ready', { port: peer.port, pid: process.pid });
}
//# sourceMappingURL=control.js.map