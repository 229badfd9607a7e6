/**
 * The session cookie (engine.io's `cookie` option): the handshake answer sets a cookie holding the session id, so
 * that a load balancer that sticks by cookie sends the session's later requests to the same server. `true` takes
 * the defaults (`io`, path `/`, HttpOnly, SameSite=Lax); an object is spread over them.
 */
export interface CookieOptions {
    /** The cookie's name. Default `'io'`. */
    name?: string;
    /** `Path`; `false` sends none. Default `'/'`. */
    path?: string | false;
    /** `Domain`. Default: none. */
    domain?: string;
    /** `HttpOnly`. Default `true` (`false` when `path` is `false`, as in engine.io). */
    httpOnly?: boolean;
    /** `Secure`. Default `false`. */
    secure?: boolean;
    /** `SameSite`: `true` is `Strict`. Default `'lax'`. */
    sameSite?: boolean | 'lax' | 'strict' | 'none';
    /** `Max-Age`, in seconds. Default: none (a session cookie). */
    maxAge?: number;
    /** `Expires`. Default: none. */
    expires?: Date;
    /** `Partitioned` (CHIPS). Default `false`. */
    partitioned?: boolean;
    /** `Priority`. Default: none. */
    priority?: 'low' | 'medium' | 'high';
}
/** The cookie after defaults: `name` is always set. */
export type CookieSettings = Readonly<CookieOptions & {
    name: string;
}>;
/** Resolves and checks the `cookie` option. */
export declare function resolveCookie(value: unknown): CookieSettings | false;
/**
 * The `Set-Cookie` value carrying session `id`. The id is URL-safe (the engine's own, or a `generateId` result
 * checked against the same alphabet), so it needs no encoding.
 */
export declare function serializeCookie(cookie: CookieSettings, id: string): string;
