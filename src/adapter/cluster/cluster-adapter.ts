import { PeerAdapter } from '../peer-adapter';
import type { ClusterLink } from './cluster-link';

/**
 * The cluster adapter of a Node `cluster` worker: the cluster logic of every classio adapter over the IPC channel
 * to the primary, which relays between the workers (`setupPrimary()`). Same channels, wire format, semantics and
 * errors as the Redis adapter; a request waits for as many answers as the primary counts subscribers, minus this
 * worker.
 */
export class ClusterAdapter extends PeerAdapter<ClusterLink> {}
