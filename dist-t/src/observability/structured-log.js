"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.LogSink = exports.LOG_LEVELS = void 0;
const errors_1 = require("../errors");
/**
 * Structured log records. The `logger` option takes either a pino-style logger (pino, bunyan, winston: anything with
 * `child()`), which receives `logger[level]({ ...fields, code, err }, msg)`, or a plain one (`console`, or an object
 * with `error(message, err)` as before), which receives `logger[level]('[classio] msg', err or fields)`. `logLevel`
 * chooses which records are produced at all; a level the logger has no method for is skipped.
 */
/** The levels, most severe first; `silent` produces nothing. */
exports.LOG_LEVELS = ['silent', 'error', 'warn', 'info', 'debug'];
/** Writes records of `logLevel` and more severe to one logger; never throws. */
class LogSink {
    #logger;
    #threshold;
    #isStructured;
    constructor(logger, level) {
        this.#logger = logger;
        this.#threshold = exports.LOG_LEVELS.indexOf(level);
        this.#isStructured = typeof logger.child === 'function';
    }
    /** Whether records of `level` are written (check before building costly fields). */
    isEnabled(level) {
        return exports.LOG_LEVELS.indexOf(level) <= this.#threshold;
    }
    /** Writes one record: `fields` say where, `err` what failed (its catalogue code is added as `code`). */
    write(level, message, fields = {}, err) {
        if (!this.isEnabled(level))
            return;
        // Called with the logger as `this` below (pino's methods need it).
        // eslint-disable-next-line @typescript-eslint/unbound-method
        const method = this.#logger[level];
        if (typeof method !== 'function')
            return;
        try {
            if (this.#isStructured) {
                const record = { ...fields };
                if (err !== undefined) {
                    record.code = err instanceof errors_1.ClassioError ? err.code : 'CLASSIO_ERR_HANDLER';
                    record.err = err;
                }
                method.call(this.#logger, record, message);
            }
            else if (err !== undefined || level === 'error') {
                method.call(this.#logger, `[classio] ${message}`, err);
            }
            else {
                method.call(this.#logger, `[classio] ${message}`, fields);
            }
        }
        catch {
            // A failing logger must not take the server down.
        }
    }
}
exports.LogSink = LogSink;
//# sourceMappingURL=structured-log.js.map