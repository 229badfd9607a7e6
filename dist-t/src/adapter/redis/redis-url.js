"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.checkRedisUrl = checkRedisUrl;
exports.redactUrl = redactUrl;
exports.loadRedis = loadRedis;
const errors_1 = require("../../errors");
/** Throws a {@link ConfigurationError} unless `url` is a `redis:` or `rediss:` URL. */
function checkRedisUrl(url, optionName) {
    let protocol;
    try {
        protocol = typeof url === 'string' ? new URL(url).protocol : undefined;
    }
    catch {
        protocol = undefined;
    }
    if (protocol !== 'redis:' && protocol !== 'rediss:') {
        throw new errors_1.ConfigurationError(`${optionName} must be a redis:// or rediss:// URL such as 'redis://127.0.0.1:6379/0', got ${JSON.stringify(url)}`);
    }
}
/** Hides the password of a Redis URL before it goes into a log line. */
function redactUrl(url) {
    return url.replace(/\/\/([^@/]*)@/, '//***@');
}
/**
 * Loads ioredis on first use: it is an optional peer dependency, needed only by the Redis adapter and the Emitter, so
 * a project that uses neither need not install it. Without it, the first Redis connection fails with a
 * `ConfigurationError` that says what to install.
 */
function loadRedis() {
    try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load, which a static import cannot be
        return require('ioredis').default;
    }
    catch (err) {
        const isMissing = err.code === 'MODULE_NOT_FOUND' && err.message.includes("'ioredis'");
        if (!isMissing)
            throw err;
        throw new errors_1.ConfigurationError('the Redis adapter and the Emitter need the ioredis package, an optional peer dependency of classio: ' +
            'npm install ioredis', { cause: err });
    }
}
//# sourceMappingURL=redis-url.js.map