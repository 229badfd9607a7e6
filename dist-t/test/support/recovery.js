"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ConnectionCutter = void 0;
exports.reconnect = reconnect;
const io_1 = require("./io");
/**
 * Cuts a server's TCP connections as a network would, without a close frame or a last HTTP answer: every transport
 * (a websocket, a pending long-poll) dies at once. Track the server first, with {@link trackConnections}.
 */
class ConnectionCutter {
    #sockets = new Set();
    #isCut = false;
    constructor(server) {
        server.httpServer.on('connection', (socket) => {
            // While the network is down, a new connection (a polling client's next request) dies as the others did.
            if (this.#isCut) {
                socket.destroy();
                return;
            }
            this.#sockets.add(socket);
            socket.once('close', () => this.#sockets.delete(socket));
        });
    }
    /**
     * Destroys every open connection, and every new one until {@link restore}; resolves once `client` reports its
     * disconnect.
     */
    async cut(client) {
        const disconnected = (0, io_1.nextEvent)(client, 'disconnect');
        this.#isCut = true;
        for (const socket of this.#sockets)
            socket.destroy();
        const [reason] = await disconnected;
        return reason;
    }
    /** The network is back: new connections get through. */
    restore() {
        this.#isCut = false;
    }
}
exports.ConnectionCutter = ConnectionCutter;
/** Reconnects a client that lost its transport (socket.io-client sends its `pid` and last `offset`). */
async function reconnect(client, cutter) {
    cutter?.restore();
    const connected = new Promise((resolve, reject) => {
        client.once('connect', () => resolve());
        client.once('connect_error', reject);
    });
    client.connect();
    await connected;
}
//# sourceMappingURL=recovery.js.map