"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Sid = Sid;
const metadata_1 = require("./metadata");
/**
 * Injects the current client's session id in this namespace (Flask's `request.sid`).
 *
 * @example
 * ```ts
 * class Chat extends Namespace {
 *   on_whoami(@Sid() sid: string) { return sid; }
 * }
 * ```
 */
function Sid() {
    return (target, key, index) => (0, metadata_1.addParam)(target, key, { index, kind: 'sid' });
}
//# sourceMappingURL=sid.js.map