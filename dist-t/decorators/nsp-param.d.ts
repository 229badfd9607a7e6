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
export declare function NspParam(name: string): ParameterDecorator;
