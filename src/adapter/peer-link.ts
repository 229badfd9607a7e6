/**
 * Called with one message as it arrived on a channel, and, on a medium that keeps its messages in order (a Redis
 * stream), the message's offset there.
 */
export type PeerMessageHandler = (data: Buffer, offset?: string) => void;

/**
 * What a {@link PeerAdapter} needs from the medium that joins the server processes of a cluster: named channels
 * that every process can publish to and subscribe to, and a count of a channel's subscribers. Redis pub/sub is
 * one such medium; so is Node's IPC through a cluster primary, or a Redis stream.
 *
 * One link serves every namespace of a process: adapters `retain` it when created and `release` it when closed,
 * and the last release closes it.
 */
export interface PeerLink {
  /** Identifies this process in cluster messages (each process ignores its own). */
  readonly uid: string;
  /** What the link goes through, for error messages: `Redis`, `the cluster primary`. */
  readonly medium: string;
  /** Counts one more adapter using the link. */
  retain(): void;
  /** Counts one adapter fewer; the last one closes the link. */
  release(): Promise<void>;
  /** Delivers the messages published on `channels`, by any process, to `handler`. */
  subscribe(channels: readonly string[], handler: PeerMessageHandler): Promise<void>;
  unsubscribe(channels: readonly string[]): Promise<void>;
  /** Sends `data` to every subscriber of `channel`; dropped, not queued, while the medium is away. */
  publish(channel: string, data: Buffer): void;
  /** How many processes subscribe to `channel`, this one included; rejects while the medium is away. */
  countSubscribers(channel: string): Promise<number>;
  /** Resolves once the link can publish and its subscriptions are in place. */
  whenReady(): Promise<void>;
}
