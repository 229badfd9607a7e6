"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RedisAdapter = void 0;
const peer_adapter_1 = require("../peer-adapter");
/**
 * The Redis adapter: the cluster adapter over Redis pub/sub. Broadcasts and requests go to `${channel}#${nsp}#`,
 * answers to `${channel}-response#${nsp}#${uid}#` (see `wire.ts`); a request waits for as many answers as
 * PUBSUB NUMSUB counts subscribers, minus this process.
 */
class RedisAdapter extends peer_adapter_1.PeerAdapter {
}
exports.RedisAdapter = RedisAdapter;
//# sourceMappingURL=redis-adapter.js.map