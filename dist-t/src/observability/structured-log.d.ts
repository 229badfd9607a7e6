import type { LogFields } from '../namespace/instrumentation';
/**
 * Structured log records. The `logger` option takes either a pino-style logger (pino, bunyan, winston: anything with
 * `child()`), which receives `logger[level]({ ...fields, code, err }, msg)`, or a plain one (`console`, or an object
 * with `error(message, err)` as before), which receives `logger[level]('[classio] msg', err or fields)`. `logLevel`
 * chooses which records are produced at all; a level the logger has no method for is skipped.
 */
/** The levels, most severe first; `silent` produces nothing. */
export declare const LOG_LEVELS: readonly ["silent", "error", "warn", "info", "debug"];
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
/** Writes records of `logLevel` and more severe to one logger; never throws. */
export declare class LogSink {
    #private;
    constructor(logger: Logger, level: LogLevel);
    /** Whether records of `level` are written (check before building costly fields). */
    isEnabled(level: RecordLevel): boolean;
    /** Writes one record: `fields` say where, `err` what failed (its catalogue code is added as `code`). */
    write(level: RecordLevel, message: string, fields?: LogFields, err?: unknown): void;
}
