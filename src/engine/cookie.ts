import { ConfigurationError } from '../errors';
import { checkOptionNames } from '../option-names';
import { describe } from './compression-options';

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
export type CookieSettings = Readonly<CookieOptions & { name: string }>;

const COOKIE_OPTION_NAMES: readonly string[] = [
  'name',
  'path',
  'domain',
  'httpOnly',
  'secure',
  'sameSite',
  'maxAge',
  'expires',
  'partitioned',
  'priority',
];

/** An RFC 6265 cookie name (an RFC 7230 token). */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** A `Path` or `Domain` value: printable ASCII without `;`. */
const ATTRIBUTE_VALUE = /^[\x20-\x3a\x3c-\x7e]+$/;

/** Resolves and checks the `cookie` option. */
export function resolveCookie(value: unknown): CookieSettings | false {
  if (value === false) return false;
  const label = 'engine option "cookie"';
  if (value !== true && (value === null || typeof value !== 'object' || Array.isArray(value))) {
    throw new ConfigurationError(`${label} must be a boolean or an object, got ${describe(value)}`);
  }
  const options = (value === true ? {} : value) as CookieOptions;
  checkOptionNames(options, COOKIE_OPTION_NAMES, label);
  const cookie: CookieOptions & { name: string } = {
    name: 'io',
    path: '/',
    httpOnly: options.path !== false,
    sameSite: 'lax',
    ...options,
  };
  if (typeof cookie.name !== 'string' || !TOKEN.test(cookie.name)) {
    throw new ConfigurationError(`${label}: "name" must be a cookie name (a token), got ${describe(cookie.name)}`);
  }
  for (const name of ['path', 'domain'] as const) {
    const attribute = cookie[name];
    if (attribute === undefined || (name === 'path' && attribute === false)) continue;
    if (typeof attribute !== 'string' || !ATTRIBUTE_VALUE.test(attribute)) {
      throw new ConfigurationError(
        `${label}: "${name}" must be printable ASCII without ";", got ${describe(attribute)}`,
      );
    }
  }
  for (const name of ['httpOnly', 'secure', 'partitioned'] as const) {
    if (cookie[name] !== undefined && typeof cookie[name] !== 'boolean') {
      throw new ConfigurationError(`${label}: "${name}" must be a boolean, got ${describe(cookie[name])}`);
    }
  }
  if (![true, false, 'lax', 'strict', 'none', undefined].includes(cookie.sameSite)) {
    throw new ConfigurationError(
      `${label}: "sameSite" must be true, false, "lax", "strict" or "none", got ${describe(cookie.sameSite)}`,
    );
  }
  if (cookie.maxAge !== undefined && (typeof cookie.maxAge !== 'number' || !Number.isInteger(cookie.maxAge))) {
    throw new ConfigurationError(`${label}: "maxAge" must be an integer of seconds, got ${describe(cookie.maxAge)}`);
  }
  if (cookie.expires !== undefined && !(cookie.expires instanceof Date && Number.isFinite(cookie.expires.getTime()))) {
    throw new ConfigurationError(`${label}: "expires" must be a valid Date`);
  }
  if (![undefined, 'low', 'medium', 'high'].includes(cookie.priority)) {
    throw new ConfigurationError(
      `${label}: "priority" must be "low", "medium" or "high", got ${describe(cookie.priority)}`,
    );
  }
  return Object.freeze(cookie);
}

const SAME_SITE: Readonly<Record<string, string>> = { true: 'Strict', strict: 'Strict', lax: 'Lax', none: 'None' };
const PRIORITY: Readonly<Record<string, string>> = { low: 'Low', medium: 'Medium', high: 'High' };

/**
 * The `Set-Cookie` value carrying session `id`. The id is URL-safe (the engine's own, or a `generateId` result
 * checked against the same alphabet), so it needs no encoding.
 */
export function serializeCookie(cookie: CookieSettings, id: string): string {
  let header = `${cookie.name}=${id}`;
  if (cookie.maxAge !== undefined) header += `; Max-Age=${cookie.maxAge}`;
  if (cookie.domain !== undefined) header += `; Domain=${cookie.domain}`;
  if (typeof cookie.path === 'string') header += `; Path=${cookie.path}`;
  if (cookie.expires !== undefined) header += `; Expires=${cookie.expires.toUTCString()}`;
  if (cookie.httpOnly === true) header += '; HttpOnly';
  if (cookie.secure === true) header += '; Secure';
  if (cookie.partitioned === true) header += '; Partitioned';
  if (cookie.priority !== undefined) header += `; Priority=${PRIORITY[cookie.priority]}`;
  if (cookie.sameSite !== undefined && cookie.sameSite !== false)
    header += `; SameSite=${SAME_SITE[String(cookie.sameSite)]}`;
  return header;
}
