/**
 * `classio/admin-ui`: the Socket.IO Admin UI for a classio server. Needs `bcryptjs` (an optional peer of classio)
 * for basic authentication.
 */
export { instrument, type AdminUi } from './instrument';
export type { InstrumentOptions, BasicAuthentication } from './options';
export { InMemoryStore, RedisStore, type AdminSessionStore, type RedisStoreClient, type RedisStoreOptions, } from './stores';
export type { SerializedSocket } from './serialize';
export type { ServerStats, AggregatedEvent } from './stats';
export type { Feature } from './actions';
