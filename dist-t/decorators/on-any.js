"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.OnAny = OnAny;
const metadata_1 = require("./metadata");
/**
 * Calls the method with every event of the namespace, `(event, ...args)`, before the event's own handler runs
 * (Socket.IO's `socket.onAny`, declared once for the class). Events nothing handles reach it too. It cannot answer
 * an ack and its return value is ignored; an error it throws goes to the error handler. A class has at most one.
 *
 * @example
 * ```ts
 * class Chat extends Namespace {
 *   @OnAny() audit(event: string, ...args: unknown[]) { log.info({ sid: this.sid, event, args }); }
 * }
 * ```
 */
function OnAny() {
    return (target, key) => {
        (0, metadata_1.recordFor)(target.constructor).catchAll.set(key, 'any');
    };
}
//# sourceMappingURL=on-any.js.map