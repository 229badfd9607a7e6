import { ConfigurationError } from '../errors';

/** The parameters of a matched name, or null when it does not match. */
export type PatternMatch = Readonly<Record<string, string>> | null;

/** A dynamic namespace's test of a name (and the client's auth payload). */
export type NamespaceMatcher = (name: string, auth: Record<string, unknown>) => PatternMatch | Promise<PatternMatch>;

/** A function path: true (or a promise of it) accepts the name. */
export type NamespaceFunction = (name: string, auth: Record<string, unknown>) => boolean | PromiseLike<boolean>;

const EMPTY: Readonly<Record<string, string>> = Object.freeze({});

/** Whether a string path is a pattern (`/tenant/:id`) rather than a literal name. */
export function isPatternPath(path: string): boolean {
  return /(^|\/):[A-Za-z_$]/.test(path);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function groupsOf(match: RegExpExecArray): Readonly<Record<string, string>> {
  return match.groups === undefined ? EMPTY : Object.freeze({ ...match.groups });
}

/**
 * Compiles a dynamic path into a matcher, once, when it is declared: `/tenant/:id` (each `:name` matches one
 * non-empty segment), a RegExp (its named groups are the parameters), or a function of the name and auth payload.
 */
export function compileNamespacePattern(path: string | RegExp | NamespaceFunction): NamespaceMatcher {
  if (typeof path === 'function') {
    return (name, auth) => {
      const accepted = path(name, auth);
      if (typeof accepted === 'boolean') return accepted ? EMPTY : null;
      return Promise.resolve(accepted).then((value) => (value === true ? EMPTY : null));
    };
  }
  if (path instanceof RegExp) {
    // A global or sticky RegExp keeps state between exec calls: test a copy without those flags.
    const regexp = new RegExp(path.source, path.flags.replace(/[gy]/g, ''));
    return (name) => {
      const match = regexp.exec(name);
      return match === null ? null : groupsOf(match);
    };
  }
  const names: string[] = [];
  const source = path
    .split('/')
    .map((segment) => {
      if (!segment.startsWith(':')) return escapeRegExp(segment);
      const name = segment.slice(1);
      if (!/^[A-Za-z_$][\w$]*$/.test(name) || names.includes(name)) {
        throw new ConfigurationError(`namespace pattern ${path}: invalid or repeated parameter ":${name}"`);
      }
      names.push(name);
      return `(?<${name}>[^/]+)`;
    })
    .join('/');
  const regexp = new RegExp(`^${source}$`);
  return (name) => {
    const match = regexp.exec(name);
    return match === null ? null : groupsOf(match);
  };
}
