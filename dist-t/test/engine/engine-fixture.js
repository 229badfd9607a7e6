"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.startEngine = startEngine;
exports.echo = echo;
const node_http_1 = require("node:http");
const server_1 = require("../../src/engine/server");
const raw_engine_client_1 = require("../support/raw-engine-client");
/** Starts a fixture; every test closes it in `afterEach`. */
async function startEngine(options = {}) {
    const httpServer = (0, node_http_1.createServer)();
    const engine = new server_1.EngineServer(options);
    engine.attach(httpServer);
    await new Promise((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
    return {
        engine,
        httpServer,
        baseUrl: (0, raw_engine_client_1.baseUrlOf)(httpServer),
        nextConnection: () => new Promise((resolve) => engine.once('connection', resolve)),
        async close() {
            await engine.close();
            await new Promise((resolve) => {
                httpServer.close(() => resolve());
                httpServer.closeAllConnections();
            });
        },
    };
}
/** Makes every session echo its messages back. */
function echo(engine) {
    engine.on('connection', (socket) => {
        socket.on('message', (data) => socket.send(data));
    });
}
//# sourceMappingURL=engine-fixture.js.map