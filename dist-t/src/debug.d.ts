/**
 * A tiny debug logger, one namespace per layer (`classio:engine`, `classio:namespace`, ...). Silent unless the
 * `DEBUG` environment variable names the namespace (`DEBUG=classio:*`). Formatting is lazy: arguments are only
 * turned into text when the namespace is enabled, so a disabled logger costs one boolean check.
 */
export interface DebugLogger {
    (format: string, ...args: unknown[]): void;
    readonly enabled: boolean;
}
/** Creates the logger of a namespace; cheap when disabled. */
export declare function createDebug(name: string): DebugLogger;
