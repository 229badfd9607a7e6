"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.openOffender = openOffender;
const raw_hostile_client_1 = require("../../support/raw-hostile-client");
async function openOffender(transport, port, joinNamespace = true) {
    if (transport === 'websocket') {
        const raw = joinNamespace ? await raw_hostile_client_1.RawWebSocket.connect(port) : await raw_hostile_client_1.RawWebSocket.open(port);
        return {
            sid: raw.sid,
            send: (...packets) => {
                for (const packet of packets)
                    raw.send(packet);
                return Promise.resolve(null);
            },
            closed: async () => void (await raw.closed),
            isAlive: () => Promise.resolve(raw.isOpen),
            close: () => raw.close(),
        };
    }
    const raw = joinNamespace ? await raw_hostile_client_1.RawPolling.connect(port) : await raw_hostile_client_1.RawPolling.open(port);
    return {
        sid: raw.sid,
        send: (...packets) => raw.post(packets.map((packet) => (typeof packet === 'string' ? packet : `b${packet.toString('base64')}`)).join('\x1e')),
        closed: async () => void (await raw.pollUntilClosed()),
        isAlive: async () => (await raw.post('6')).status === 200,
        close: () => undefined,
    };
}
//# sourceMappingURL=offender.js.map