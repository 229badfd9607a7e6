import { ClassioError } from '../errors';
import type { LogFields } from '../namespace/instrumentation';

/**
 * Structured log records. The `logger` option takes either a pino-style logger (pino, bunyan, winston: anything with
 * `child()`), which receives `logger[level]({ ...fields, code, err }, msg)`, or a plain one (`console`, or an object
 * with `error(message, err)` as before), which receives `logger[level]('[classio] msg', err or fields)`. `logLevel`
 * chooses which records are produced at all; a level the logger has no method for is skipped.
 */

/** The levels, most severe first; `silent` produces nothing. */
export const LOG_LEVELS = ['silent', 'error', 'warn', 'info', 'debug'] as const;

/** How much the server logs. */
export type LogLevel = (typeof LOG_LEVELS)[number];

/** A level a record has. */
export type RecordLevel = Exclude<LogLevel, 'silent'>;

/** A logger classio can write to: a pino-style one, or any object with the methods of the levels it wants. */
export interface Logger {
  /** `(message, err)` for a plain logger; a pino-style one is called `(fields, message)` instead. */
  error(message: string, err?: unknown): void;
  warn?(message: string, detail?: unknown): void;
  info?(message: string, detail?: unknown): void;
  debug?(message: string, detail?: unknown): void;
  /** Present on pino-style loggers: it is what makes classio write records as `(fields, msg)`. */
  child?(...args: never[]): unknown;
}

/** How a level's method is called: pino-style `(fields, msg)` or plain `(message, detail)`. */
type LevelMethod = (first: unknown, second?: unknown) => void;

/** Writes records of `logLevel` and more severe to one logger; never throws. */
export class LogSink {
  readonly #logger: Logger;
  readonly #threshold: number;
  readonly #isStructured: boolean;

  constructor(logger: Logger, level: LogLevel) {
    this.#logger = logger;
    this.#threshold = LOG_LEVELS.indexOf(level);
    this.#isStructured = typeof logger.child === 'function';
  }

  /** Whether records of `level` are written (check before building costly fields). */
  isEnabled(level: RecordLevel): boolean {
    return LOG_LEVELS.indexOf(level) <= this.#threshold;
  }

  /** Writes one record: `fields` say where, `err` what failed (its catalogue code is added as `code`). */
  write(level: RecordLevel, message: string, fields: LogFields = {}, err?: unknown): void {
    if (!this.isEnabled(level)) return;
    // Called with the logger as `this` below (pino's methods need it).
    // eslint-disable-next-line @typescript-eslint/unbound-method
    const method = this.#logger[level] as LevelMethod | undefined;
    if (typeof method !== 'function') return;
    try {
      if (this.#isStructured) {
        const record: Record<string, unknown> = { ...fields };
        if (err !== undefined) {
          record.code = err instanceof ClassioError ? err.code : 'CLASSIO_ERR_HANDLER';
          record.err = err;
        }
        method.call(this.#logger, record, message);
      } else if (err !== undefined || level === 'error') {
        method.call(this.#logger, `[classio] ${message}`, err);
      } else {
        method.call(this.#logger, `[classio] ${message}`, fields);
      }
    } catch {
      // A failing logger must not take the server down.
    }
  }
}
