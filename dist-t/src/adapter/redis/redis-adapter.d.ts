import { PeerAdapter, type PeerAdapterOptions } from '../peer-adapter';
import type { RedisLink } from './redis-link';
/** Options of {@link RedisAdapter}, with their defaults. */
export type RedisAdapterOptions = PeerAdapterOptions;
/**
 * The Redis adapter: the cluster adapter over Redis pub/sub. Broadcasts and requests go to `${channel}#${nsp}#`,
 * answers to `${channel}-response#${nsp}#${uid}#` (see `wire.ts`); a request waits for as many answers as
 * PUBSUB NUMSUB counts subscribers, minus this process.
 */
export declare class RedisAdapter extends PeerAdapter<RedisLink> {
}
