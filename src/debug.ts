/**
 * A tiny debug logger, one namespace per layer (`classio:engine`, `classio:namespace`, ...). Silent unless the
 * `DEBUG` environment variable names the namespace (`DEBUG=classio:*`). Formatting is lazy: arguments are only
 * turned into text when the namespace is enabled, so a disabled logger costs one boolean check.
 */
export interface DebugLogger {
  (format: string, ...args: unknown[]): void;
  readonly enabled: boolean;
}

function isEnabled(name: string): boolean {
  const spec = process.env.DEBUG;
  if (!spec) return false;
  return spec.split(/[\s,]+/).some((pattern) => {
    if (!pattern) return false;
    if (pattern.endsWith('*')) return name.startsWith(pattern.slice(0, -1));
    return name === pattern;
  });
}

/** Creates the logger of a namespace; cheap when disabled. */
export function createDebug(name: string): DebugLogger {
  const enabled = isEnabled(name);
  const log = enabled
    ? (format: string, ...args: unknown[]) => {
        let i = 0;
        const text = format.replace(/%[sdoOj]/g, () => {
          const value = args[i++];
          return typeof value === 'string' ? value : safeStringify(value);
        });
        process.stderr.write(`${new Date().toISOString()} ${name} ${text}\n`);
      }
    : () => {};
  return Object.assign(log, { enabled });
}

function safeStringify(value: unknown): string {
  if (value instanceof Error) return value.stack ?? value.message;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
