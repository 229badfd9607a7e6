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
export declare function Sid(): ParameterDecorator;
