"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const emitter_1 = require("../../src/emitter");
/**
 * Emitting from a process that is not a server (a worker, a cron job, a CLI), as Flask-SocketIO's
 * `SocketIO(message_queue=...)` does: `node dist/examples/cluster/notify.js "deploy at 17:00" [room]`.
 */
async function main() {
    const [text = 'hello from notify.js', room] = process.argv.slice(2);
    const emitter = new emitter_1.Emitter({
        messageQueue: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
        channel: 'classio-cluster-example',
    });
    const payload = { from: 'notify.js', via: `pid ${process.pid}`, text };
    const servers = room === undefined
        ? await emitter.emit('chat', payload)
        : await emitter.emit('chat', payload, (0, emitter_1.emitOptions)({ room }));
    console.log(`published to ${servers} server process(es)`);
    await emitter.close();
}
main().catch((err) => {
    console.error(err);
    process.exitCode = 1;
});
//# sourceMappingURL=notify.js.map