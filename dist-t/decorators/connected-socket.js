"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ConnectedSocket = ConnectedSocket;
const metadata_1 = require("./metadata");
/**
 * Injects the current `Socket` (the client's connection to this namespace).
 *
 * @example
 * ```ts
 * class Chat extends Namespace {
 *   on_join(room: string, @ConnectedSocket() socket: Socket) { socket.join(room); }
 * }
 * ```
 */
function ConnectedSocket() {
    return (target, key, index) => (0, metadata_1.addParam)(target, key, { index, kind: 'socket' });
}
//# sourceMappingURL=connected-socket.js.map