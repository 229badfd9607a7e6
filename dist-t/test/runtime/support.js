"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MODES = void 0;
exports.startRuntimeServer = startRuntimeServer;
exports.useRuntimeServer = useRuntimeServer;
exports.register = register;
exports.request = request;
const tsyringe_1 = require("tsyringe");
const io_1 = require("../support/io");
/** The runtime's end-to-end suites run over these transports. */
exports.MODES = io_1.TRANSPORT_MODES.filter((mode) => mode.name !== 'upgrade');
/** A server whose namespaces resolve from a fresh child container (so tests never share registrations). */
async function startRuntimeServer() {
    const container = tsyringe_1.container.createChildContainer();
    const server = await (0, io_1.startServer)({ container });
    return { server, container };
}
/**
 * Gives every test of the enclosing `describe` a fresh runtime server (handed to `onStart`), and closes it and the
 * pool's clients after each test.
 */
function useRuntimeServer(clients, onStart) {
    let server;
    beforeEach(async () => {
        const started = await startRuntimeServer();
        server = started.server;
        onStart(started);
    });
    afterEach(async () => {
        await clients.closeAll();
        await server?.close();
    });
}
/** Registers through the server, as users do. */
function register(server, target) {
    server.register(target);
}
/**
 * Emits with an ack and resolves with the ack's first argument (2 s client-side timeout). `T` is what the test
 * expects the server to answer: nothing checks it, so give it only where the answer is read field by field.
 */
function request(client, event, ...args) {
    return client.timeout(2000).emitWithAck(event, ...args);
}
//# sourceMappingURL=support.js.map