"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ScratchRedis = exports.REDIS_SERVER_BIN = exports.ClusterNode = exports.NodeCommandError = exports.REDIS_URL = void 0;
exports.uniqueChannel = uniqueChannel;
exports.isRedisReachable = isRedisReachable;
exports.requireRedis = requireRedis;
exports.findFreePort = findFreePort;
const node_child_process_1 = require("node:child_process");
const node_crypto_1 = require("node:crypto");
const node_net_1 = require("node:net");
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
/** The Redis the cluster tests use: `REDIS_URL`, or the local default. */
exports.REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
/** A channel no other test run uses, so parallel runs on one Redis never see each other's messages. */
function uniqueChannel(prefix = 'classio-test') {
    return `${prefix}-${process.pid}-${(0, node_crypto_1.randomBytes)(4).toString('hex')}`;
}
/** Resolves true when something answers PING at `url` within one second. */
function isRedisReachable(url = exports.REDIS_URL) {
    const { hostname, port } = new URL(url);
    return new Promise((resolve) => {
        const socket = (0, node_net_1.createConnection)({ host: hostname || '127.0.0.1', port: Number(port || 6379) });
        const done = (ok) => {
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
async function requireRedis(context) {
    if (await isRedisReachable())
        return;
    const reason = `Redis is not reachable at ${exports.REDIS_URL}`;
    if (process.env.CLASSIO_REQUIRE_REDIS)
        throw new Error(`${reason} and CLASSIO_REQUIRE_REDIS is set`);
    console.log(`    (skipped: ${reason}; set REDIS_URL, or CLASSIO_REQUIRE_REDIS=1 to make this a failure)`);
    context.skip();
}
/** A failed command, re-thrown in the test with the node's error name, code and message. */
class NodeCommandError extends Error {
    constructor(remoteName, code, message) {
        super(message);
        this.remoteName = remoteName;
        this.code = code;
    }
}
exports.NodeCommandError = NodeCommandError;
/**
 * A classio server in a child process (`fixtures/cluster-node.ts`), driven over IPC. Its stderr is kept so that a
 * failing test can show it.
 */
class ClusterNode {
    #child;
    #pending;
    #waiters;
    #nextId;
    #exited;
    constructor(url, channel, script, args) {
        this.events = [];
        this.stderr = '';
        this.port = 0;
        this.#pending = new Map();
        this.#waiters = [];
        this.#nextId = 1;
        this.#child = (0, node_child_process_1.fork)((0, node_path_1.join)(__dirname, 'fixtures', script), [url, channel, ...args], {
            stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
        });
        this.#child.stderr.on('data', (chunk) => (this.stderr += chunk.toString()));
        this.#exited = new Promise((resolve) => this.#child.once('exit', () => resolve()));
        this.#child.on('message', (message) => {
            if (message.id !== undefined) {
                const pending = this.#pending.get(message.id);
                this.#pending.delete(message.id);
                if (message.error)
                    pending?.reject(new NodeCommandError(message.error.name, message.error.code, message.error.message));
                else
                    pending?.resolve(message.value);
                return;
            }
            this.events.push(message);
            for (const waiter of [...this.#waiters]) {
                if (!waiter.match(message))
                    continue;
                this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
                waiter.resolve(message);
            }
        });
    }
    /**
     * Starts a node and resolves once it listens and is subscribed: `fixtures/cluster-node.js` (the pub/sub adapter),
     * or another fixture `script` with extra `args`.
     */
    static async start(url, channel, script = 'cluster-node.js', args = []) {
        const node = new ClusterNode(url, channel, script, args);
        const exited = node.#exited.then(() => {
            throw new Error(`cluster node exited during startup:\n${node.stderr}`);
        });
        const ready = await Promise.race([node.waitFor((e) => e.type === 'ready'), exited]);
        node.port = ready.port;
        return node;
    }
    get pid() {
        return this.#child.pid;
    }
    get url() {
        return `http://127.0.0.1:${this.port}`;
    }
    /** Runs a command in the node and resolves with its result. */
    run(op, params = {}) {
        const id = this.#nextId++;
        return new Promise((resolve, reject) => {
            this.#pending.set(id, { resolve: resolve, reject });
            this.#child.send({ id, op, ...params });
        });
    }
    /** Resolves with the first event (already received or future) that matches. */
    waitFor(match, since = 0) {
        const seen = this.events.slice(since).find(match);
        if (seen)
            return Promise.resolve(seen);
        return new Promise((resolve) => this.#waiters.push({ match, resolve }));
    }
    /** True while the child process runs. */
    get isAlive() {
        return this.#child.exitCode === null && this.#child.signalCode === null;
    }
    /** Closes the server and waits for the process to exit (killing it if it does not within 2 s). */
    async stop() {
        if (!this.isAlive)
            return;
        this.run('close').catch(() => { });
        const timer = setTimeout(() => this.#child.kill('SIGKILL'), 2000);
        await this.#exited;
        clearTimeout(timer);
    }
    /** Kills the process at once (a crashed server). */
    async kill() {
        this.#child.kill('SIGKILL');
        await this.#exited;
    }
}
exports.ClusterNode = ClusterNode;
/** A free TCP port on loopback (bound and released at once). */
function findFreePort() {
    return new Promise((resolve, reject) => {
        const server = (0, node_net_1.createServer)();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const { port } = server.address();
            server.close(() => resolve(port));
        });
    });
}
/** The redis-server binary the outage test starts (never the shared Redis): REDIS_SERVER_BIN, or found on PATH. */
exports.REDIS_SERVER_BIN = process.env.REDIS_SERVER_BIN || findOnPath('redis-server') || '/usr/bin/redis-server';
function findOnPath(name) {
    for (const dir of (process.env.PATH ?? '').split(node_path_1.delimiter)) {
        if (dir !== '' && (0, node_fs_1.existsSync)((0, node_path_1.join)(dir, name)))
            return (0, node_path_1.join)(dir, name);
    }
    return undefined;
}
/** A throw-away redis-server on its own port, without persistence, that a test can stop and start again. */
class ScratchRedis {
    #process = null;
    constructor(port) {
        this.port = port;
    }
    get url() {
        return `redis://127.0.0.1:${this.port}`;
    }
    /** Starts redis-server and resolves once it answers PING. */
    async start() {
        const child = (0, node_child_process_1.spawn)(exports.REDIS_SERVER_BIN, ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'], { stdio: 'ignore' });
        this.#process = child;
        const failed = new Promise((_, reject) => {
            child.once('error', reject);
            child.once('exit', (code) => reject(new Error(`redis-server exited with ${code} on port ${this.port}`)));
        });
        failed.catch(() => { });
        // Polling for the listening socket is part of the setup, not of any assertion.
        for (;;) {
            if (await Promise.race([isRedisReachable(this.url), failed]))
                return;
            await new Promise((resolve) => setTimeout(resolve, 20));
        }
    }
    /** Stops redis-server (SIGTERM; no persistence, so it exits at once) and waits for it to exit. */
    async stop() {
        const child = this.#process;
        this.#process = null;
        if (child === null || child.exitCode !== null)
            return;
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
    }
}
exports.ScratchRedis = ScratchRedis;
//# sourceMappingURL=redis-support.js.map