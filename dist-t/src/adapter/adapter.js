"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.encodeFor = encodeFor;
const packet_1 = require("../protocol/packet");
/** Encodes a broadcast's packet once, with the host's parser (the default one when the host names none). */
function encodeFor(host, packet) {
    return host.encode === undefined ? (0, packet_1.encodePacket)(packet) : host.encode(packet);
}
//# sourceMappingURL=adapter.js.map