"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.NspParam = NspParam;
const metadata_1 = require("./metadata");
/**
 * Injects a parameter of a dynamic namespace's name: with `@Namespace('/tenant/:id')`, a client of `/tenant/acme`
 * gets `'acme'` for `@NspParam('id')`. For a RegExp path the parameters are its named groups. `this.params` holds
 * them all.
 *
 * @example
 * ```ts
 * @Namespace('/tenant/:id')
 * class Tenant extends Namespace {
 *   on_whoami(@NspParam('id') tenant: string) { return tenant; }
 * }
 * ```
 */
function NspParam(name) {
    return (target, key, index) => (0, metadata_1.addParam)(target, key, { index, kind: 'param', name });
}
//# sourceMappingURL=nsp-param.js.map