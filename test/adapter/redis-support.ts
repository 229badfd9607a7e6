import { randomBytes } from 'node:crypto';
import { createConnection } from 'node:net';

/** The Redis the cluster tests use: `REDIS_URL`, or the local default. */
export const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

/** A channel no other test run uses, so parallel runs on one Redis never see each other's messages. */
export function uniqueChannel(prefix = 'classio-test'): string {
  return `${prefix}-${process.pid}-${randomBytes(4).toString('hex')}`;
}

/** Resolves true when something answers PING at `url` within one second. */
export function isRedisReachable(url = REDIS_URL): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = createConnection({ host: hostname || '127.0.0.1', port: Number(port || 6379) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}

/**
 * For a `before` hook: skips the suite, with the reason on the console, when Redis is unreachable; fails instead
 * when `CLASSIO_REQUIRE_REDIS` is set (CI).
 */
export async function requireRedis(context: Mocha.Context): Promise<void> {
  if (await isRedisReachable()) return;
  const reason = `Redis is not reachable at ${REDIS_URL}`;
  if (process.env.CLASSIO_REQUIRE_REDIS) throw new Error(`${reason} and CLASSIO_REQUIRE_REDIS is set`);
  console.log(`    (skipped: ${reason}; set REDIS_URL, or CLASSIO_REQUIRE_REDIS=1 to make this a failure)`);
  context.skip();
}
