import { ConfigurationError } from '../../errors';
import { PeerAdapter, type PeerAdapterOptions } from '../peer-adapter';
import type { AdapterHost } from '../adapter';
import type { RedisLink } from './redis-link';
import { socketIoChannels } from './socket-io-wire';

/** Options of {@link RedisAdapter}, with their defaults. */
export type RedisAdapterOptions = PeerAdapterOptions;

/**
 * The Redis adapter: the cluster adapter over Redis pub/sub. Broadcasts and requests go to `${channel}#${nsp}#`,
 * answers to `${channel}-response#${nsp}#${uid}#` (see `wire.ts`); a request waits for as many answers as
 * PUBSUB NUMSUB counts subscribers, minus this process.
 *
 * classio's broadcast channel is also the one `@socket.io/redis-adapter` listens to under the same prefix, and a
 * Socket.IO 4.8 server crashes on a message of another format there. So, once at startup, it counts the
 * subscribers of Socket.IO's request channel for this namespace: when a Socket.IO cluster is there, the adapter
 * refuses the cluster (it closes itself and serves its local sockets only) and `init` rejects with a
 * {@link ConfigurationError} that says to use `format: 'socket.io'` or another channel.
 */
export class RedisAdapter extends PeerAdapter<RedisLink> {
  readonly #channel: string;
  #checked: Promise<void> | undefined;

  constructor(host: AdapterHost, link: RedisLink, options: RedisAdapterOptions) {
    super(host, link, options);
    this.#channel = options.channel;
  }

  override init(): Promise<void> {
    this.#checked ??= super.init().then(() => this.#refuseSocketIoCluster());
    return this.#checked;
  }

  async #refuseSocketIoCluster(): Promise<void> {
    const channel = socketIoChannels(this.#channel, this.host.name, this.uid).request;
    const servers = await this.link.countSubscribers(channel).catch(() => 0);
    if (servers === 0) return;
    await this.close();
    throw new ConfigurationError(
      `channel '${this.#channel}', namespace '${this.host.name}': ${servers} Socket.IO server(s) of ` +
        `@socket.io/redis-adapter use this prefix, and classio's own format would crash them; this namespace ` +
        `stays out of the cluster. Set format: 'socket.io' to join them, or another channel`,
    );
  }
}
