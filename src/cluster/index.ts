/**
 * `classio/cluster`: every core of one machine, without Redis. In the workers of a Node `cluster`, the adapter
 * `createClusterAdapter()` joins their classio servers into one cluster through the primary, which relays for them
 * (`setupPrimary()`); `listenSticky()` in the primary and `acceptSticky()` in the workers keep each client on one
 * worker, which HTTP long-polling needs. A separate entry, so that a single-process server never loads it.
 */
import cluster from 'node:cluster';
import { ConfigurationError } from '../errors';
import { checkOptionNames } from '../option-names';
import type { Adapter, AdapterFactory, AdapterHost } from '../adapter/adapter';
import { ClusterAdapter } from '../adapter/cluster/cluster-adapter';
import { ClusterLink } from '../adapter/cluster/cluster-link';

export { ClusterAdapter } from '../adapter/cluster/cluster-adapter';
export { ClusterLink } from '../adapter/cluster/cluster-link';
export { ClusterPrimary, setupPrimary } from '../adapter/cluster/cluster-primary';
export { listenSticky, StickyBalancer, type ListenStickyOptions } from './sticky-primary';
export { acceptSticky, StickyWorker } from './sticky-worker';

/** Options of {@link createClusterAdapter}. */
export interface CreateClusterAdapterOptions {
  /** Channel prefix; workers with the same channel form one cluster (several can share a primary). Default `classio`. */
  channel?: string;
  /** How long cluster requests wait for the other workers, in milliseconds. Default 5000. */
  requestsTimeout?: number;
  /** Called once if the primary does not answer (it did not call `setupPrimary()`). Default: one `console.warn`. */
  onError?: (err: Error) => void;
}

const DEFAULTS = {
  channel: 'classio',
  requestsTimeout: 5000,
  onError: undefined as ((err: Error) => void) | undefined,
};

/**
 * Creates the adapter factory of a cluster worker, for the server's `adapter` option. All namespaces of one
 * server share its link (one IPC listener, one uid). Throws a {@link ConfigurationError} outside a cluster worker,
 * or for a bad option.
 *
 * @example
 * const server = new Server({ adapter: createClusterAdapter({ requestsTimeout: 3000 }) });
 * await acceptSticky(server);
 */
export function createClusterAdapter(options: CreateClusterAdapterOptions = {}): AdapterFactory {
  checkOptionNames(options, Object.keys(DEFAULTS), 'createClusterAdapter()');
  const settings = {
    channel: options.channel ?? DEFAULTS.channel,
    requestsTimeout: options.requestsTimeout ?? DEFAULTS.requestsTimeout,
    onError: options.onError ?? DEFAULTS.onError,
  };
  if (typeof settings.channel !== 'string' || settings.channel === '') {
    throw new ConfigurationError(
      `createClusterAdapter(): channel must be a non-empty string, got ${JSON.stringify(settings.channel)}`,
    );
  }
  if (!Number.isFinite(settings.requestsTimeout) || settings.requestsTimeout <= 0) {
    throw new ConfigurationError(
      `createClusterAdapter(): requestsTimeout must be a positive number of milliseconds, got ${settings.requestsTimeout}`,
    );
  }
  if (!cluster.isWorker || process.send === undefined) {
    throw new ConfigurationError(
      'createClusterAdapter() must run in a worker of a Node cluster (cluster.fork()); in one process, use the ' +
        'default in-memory adapter, and across machines the Redis adapter',
    );
  }
  let link: ClusterLink | undefined;
  return (host: AdapterHost): Adapter => {
    if (link === undefined || link.isClosed) {
      link = new ClusterLink({ requestsTimeout: settings.requestsTimeout, onError: settings.onError });
    }
    return new ClusterAdapter(host, link, { channel: settings.channel, requestsTimeout: settings.requestsTimeout });
  };
}
