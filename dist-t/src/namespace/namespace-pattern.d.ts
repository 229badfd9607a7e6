/** The parameters of a matched name, or null when it does not match. */
export type PatternMatch = Readonly<Record<string, string>> | null;
/** A dynamic namespace's test of a name (and the client's auth payload). */
export type NamespaceMatcher = (name: string, auth: Record<string, unknown>) => PatternMatch | Promise<PatternMatch>;
/** A function path: true (or a promise of it) accepts the name. */
export type NamespaceFunction = (name: string, auth: Record<string, unknown>) => boolean | PromiseLike<boolean>;
/** Whether a string path is a pattern (`/tenant/:id`) rather than a literal name. */
export declare function isPatternPath(path: string): boolean;
/**
 * Compiles a dynamic path into a matcher, once, when it is declared: `/tenant/:id` (each `:name` matches one
 * non-empty segment), a RegExp (its named groups are the parameters), or a function of the name and auth payload.
 */
export declare function compileNamespacePattern(path: string | RegExp | NamespaceFunction): NamespaceMatcher;
