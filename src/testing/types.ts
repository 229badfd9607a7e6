/** The shapes the test client shares with its users. */
import type {
  AckParams,
  ArgsWithoutAck,
  DefaultEventsMap,
  EventNames,
  EventParams,
  EventsMap,
} from '../namespace/typed-events';
import type { Parser } from '../protocol/custom-parser';

/**
 * One event the server sent to this client. With a server-to-client events map `M`, it is one of the map's events
 * (narrowed by `name`), its `args` and `ack` typed as the map declares them (types only: nothing checks what the
 * server sent; with connection state recovery on, a stored packet's offset follows the arguments, as
 * socket.io-client's listeners receive it).
 */
export type ReceivedPacket<M extends EventsMap = DefaultEventsMap, K extends EventNames<M> = EventNames<M>> = {
  readonly [E in K]: {
    /** The event name (`message` for `send()`). */
    readonly name: E;
    readonly args: ArgsWithoutAck<EventParams<M, E>>;
    readonly namespace: string;
    /**
     * Present when the server asked for an ack: answers it (once). Not enumerable, so that
     * `expect(received).to.deep.equal([{ name, args, namespace }])` still holds.
     */
    readonly ack?: (...args: AckParams<M, E>) => void;
  };
}[K];

/**
 * Answers the server's ack requests automatically: return the ack's arguments (or a promise of them), or
 * `undefined` to leave the request for the test to answer through {@link ReceivedPacket.ack}.
 */
export type AckResponder<M extends EventsMap = DefaultEventsMap> = (
  packet: ReceivedPacket<M>,
) => unknown[] | Promise<unknown[]> | undefined;

/** Options of `new TestClient(server, namespace, options)`; `M` is the server-to-client events map. */
export interface TestClientOptions<M extends EventsMap = DefaultEventsMap> {
  /** The CONNECT payload of the first namespace (`auth` of socket.io-client). */
  readonly auth?: Record<string, unknown>;
  /** Query parameters of the handshake request. */
  readonly query?: Record<string, string | readonly string[]>;
  /** Headers of the handshake request. */
  readonly headers?: Record<string, string | string[]>;
  /** The client's address (default `127.0.0.1`). */
  readonly remoteAddress?: string;
  /** Answers the server's ack requests; without it they wait for {@link ReceivedPacket.ack}. */
  readonly onAck?: AckResponder<M>;
  /**
   * The Socket.IO parser the client encodes and decodes with (socket.io-client's `parser` option), such as
   * `require('socket.io-msgpack-parser')`. Default: the server's own `parser` option, so a test client reaches any
   * server as its real clients do; pass another one to test a mismatch.
   */
  readonly parser?: Parser;
}

/** The client's view of a refused CONNECT (socket.io-client's `connect_error`). */
export interface TestConnectError {
  readonly message: string;
  readonly data?: unknown;
}
