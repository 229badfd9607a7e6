"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Session = Session;
const metadata_1 = require("./metadata");
/**
 * Injects the per-connection session object (`socket.data`, Flask's `session`): it starts empty and persists across
 * that connection's events in this namespace.
 *
 * @example
 * ```ts
 * class Chat extends Namespace {
 *   on_login(name: string, @Session() session: { name?: string }) { session.name = name; }
 * }
 * ```
 */
function Session() {
    return (target, key, index) => (0, metadata_1.addParam)(target, key, { index, kind: 'session' });
}
//# sourceMappingURL=session.js.map