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
const ipc_1 = require("./ipc");
const channel = new ipc_1.IpcChannel(process);
/** CPU time of this process in microseconds. */
function cpuMicros() {
    const usage = process.cpuUsage();
    return usage.user + usage.system;
}
channel.handle('run', async (request) => {
    const exported = (await Promise.resolve(`${request.file}`).then(s => __importStar(require(s))));
    const suite = exported.suites?.find((candidate) => candidate.id === request.id) ?? exported.suite;
    if (suite === undefined)
        throw new Error(`${request.file} exports no suite '${request.id}'`);
    let serverCpuAtStart = 0;
    let clientCpuAtStart = 0;
    let startedAt = 0;
    const cpu = { serverCpu: NaN, clientCpu: NaN };
    const context = {
        port: request.port,
        peer: request.peer,
        options: request.options,
        serverMemory: () => channel.request('server-memory'),
        serverCpuMicros: () => channel.request('server-cpu'),
        beginMeasure: async () => {
            serverCpuAtStart = await channel.request('measure-begin');
            clientCpuAtStart = cpuMicros();
            startedAt = performance.now();
        },
        endMeasure: async () => {
            const clientCpu = cpuMicros() - clientCpuAtStart;
            const serverCpu = (await channel.request('measure-end')) - serverCpuAtStart;
            const elapsedMicros = (performance.now() - startedAt) * 1000;
            cpu.serverCpu = (100 * serverCpu) / elapsedMicros;
            cpu.clientCpu = (100 * clientCpu) / elapsedMicros;
        },
    };
    const metrics = await suite.run(context);
    return { ...metrics, ...cpu };
});
// The runner owns this process: when it goes, so does the load.
process.once('disconnect', () => process.exit(0));
channel.notify('ready');
//# sourceMappingURL=load-worker.js.map