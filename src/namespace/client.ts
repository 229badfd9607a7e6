import { PacketType, type Packet } from '../protocol/packet';
import { PacketDecoder } from '../protocol/decoder';
import {
  CustomPacketDecoder,
  type ConnectionDecoder,
  type PacketEncoder,
  type Parser,
} from '../protocol/custom-parser';
import { createDebug } from '../debug';
import type { EngineCloseReason, EngineConnection, EngineData, SendOptions } from '../engine/types';
import type { ServerNamespace } from './server-namespace';
import type { Socket } from './socket';
import { handshakeAuth, splitV2Namespace } from './v2-semantics';
import { NO_AUTH } from './handshake';
import type { Instrumentation, TrafficProbe } from './instrumentation';

const debug = createDebug('classio:namespace');

/** What a client sees of its server. */
export interface ClientHost {
  /**
   * @internal A registered namespace, or a child of a dynamic one that accepts the name (created then, possibly
   * after an asynchronous test), or undefined: the client then gets CONNECT_ERROR `Invalid namespace`.
   */
  namespace(
    name: string,
    auth: Record<string, unknown>,
  ): ServerNamespace | undefined | Promise<ServerNamespace | undefined>;
  /** How long a connection may stay without any namespace before it is closed, in ms. */
  readonly connectTimeout: number;
  /** The most binary attachments one packet may announce. */
  readonly maxAttachments: number;
  /** @internal The custom parser (the `parser` option), or null for the default one. */
  readonly parser: Parser | null;
  /** @internal Encodes packets for this server's clients (the default `encodePacket`, or the custom parser's). */
  readonly encode: PacketEncoder;
  /** @internal Reports an error nobody handled; never throws. */
  logError(message: string, err: unknown): void;
  /** @internal Metrics, traces and logs, or null when all are off. */
  readonly instrumentation: Instrumentation | null;
  /** @internal What counts each connection's bytes (metrics, the Admin UI), or null; read once per connection. */
  readonly trafficProbe: TrafficProbe | null;
}

// The send options of the flag combinations, shared so that a send allocates none (the default is `undefined`).
const VOLATILE: SendOptions = Object.freeze({ volatile: true });
const VOLATILE_UNCOMPRESSED: SendOptions = Object.freeze({ volatile: true, compress: false });
const UNCOMPRESSED: SendOptions = Object.freeze({ compress: false });

/**
 * One Engine.IO connection, multiplexing the client's namespaces (socket.io-protocol, "Connection to a
 * namespace"). It routes the packets its decoder hands it to the socket of their namespace, and closes every
 * socket when the connection goes or sends what is not a sound packet.
 */
// The client is its decoder's `PacketSink` (checked where it is passed): an `implements` clause would name members
// the package's declarations strip as internal.
export class Client {
  readonly conn: EngineConnection;
  /** @internal Encodes this client's packets: the server's encoder, kept here for the socket's emits. */
  readonly encode: PacketEncoder;
  /**
   * The client's sockets: almost every client joins one namespace, so the first is kept in a field and a map
   * exists only for the others (a map per idle connection would cost about 300 bytes).
   */
  #socket: Socket | null = null;
  #moreSockets: Map<string, Socket> | null = null;
  readonly #host: ClientHost;
  /**
   * This connection's own decoder: the custom parser's, or the default one from the first binary packet on. Null
   * until then: the default parser decodes the other messages with shared decoders ({@link PacketDecoder.decodeShared}).
   */
  #packets: ConnectionDecoder | null;
  /** What counts bytes in and out (metrics, the Admin UI), else null: one check per message. */
  readonly #probe: TrafficProbe | null;
  #connectTimer: NodeJS.Timeout | null;

  constructor(host: ClientHost, conn: EngineConnection) {
    this.#host = host;
    this.conn = conn;
    this.encode = host.encode;
    // Chosen once per connection: the default path does not look at the option again.
    this.#packets = host.parser === null ? null : new CustomPacketDecoder(this, host.parser);
    this.#probe = host.trafficProbe;
    // Called directly (`onData`, `onClose`): no listener table nor closure per connection.
    conn.receiver = this;
    this.#connectTimer = setTimeout(onConnectTimeout, host.connectTimeout, this);
    // A Socket.IO v2 client never asks for `/`: the server connects it (see v2-semantics.ts).
    if (conn.protocol === 3) this.#connect('/', handshakeAuth(conn.request.url));
  }

  /** Whether the client speaks Socket.IO v2 over Engine.IO v3 (`allowEIO3`). */
  get isV2(): boolean {
    return this.conn.protocol === 3;
  }

  /**
   * Writes encoded frames (one Socket.IO packet). The engine drops volatile frames its transport cannot write at
   * once, and sends the frames uncompressed when `shouldCompress` is false.
   */
  write(frames: readonly EngineData[], isVolatile: boolean, shouldCompress = true): void {
    const options = isVolatile
      ? shouldCompress
        ? VOLATILE
        : VOLATILE_UNCOMPRESSED
      : shouldCompress
        ? undefined
        : UNCOMPRESSED;
    if (this.#probe !== null) this.#probe.bytesOut(this.conn.transportName, frames);
    if (frames.length === 1) this.conn.send(frames[0], options);
    else this.conn.sendAll(frames, options);
  }

  /** Encodes and writes one packet. */
  writePacket(packet: Packet): void {
    this.write(this.encode(packet), false);
  }

  /** Closes the whole connection: every namespace of this client ends with `forced close`. */
  close(): void {
    this.conn.close();
  }

  /** The client's socket in namespace `name`, if it joined it. */
  socketOf(name: string): Socket | undefined {
    const socket = this.#socket;
    if (socket !== null && socket.nsp.name === name) return socket;
    return this.#moreSockets?.get(name);
  }

  /** Whether the client is in any namespace. */
  get hasSockets(): boolean {
    return this.#socket !== null || (this.#moreSockets !== null && this.#moreSockets.size > 0);
  }

  /** @internal A socket of this client started connecting to a namespace. */
  attach(socket: Socket): void {
    if (this.#socket === null) this.#socket = socket;
    else (this.#moreSockets ??= new Map()).set(socket.nsp.name, socket);
  }

  /** @internal A socket of this client ended. */
  remove(socket: Socket): void {
    if (this.#socket === socket) this.#socket = null;
    else if (this.#moreSockets?.get(socket.nsp.name) === socket) this.#moreSockets.delete(socket.nsp.name);
  }

  /** @internal The first namespace connection clears the connect timeout. */
  onNamespaceConnected(): void {
    if (this.#connectTimer !== null) {
      clearTimeout(this.#connectTimer);
      this.#connectTimer = null;
    }
  }

  /** @internal Decodes one Engine.IO message; its packet comes back through {@link onPacket}. */
  onData(data: EngineData): void {
    if (this.#probe !== null) this.#probe.bytesIn(this.conn.transportName, data);
    const packets = this.#packets;
    if (packets !== null) packets.add(data);
    else if (!PacketDecoder.decodeShared(this, data)) {
      (this.#packets = new PacketDecoder(this, this.#host.maxAttachments)).add(data);
    }
  }

  /** @internal PacketSink: a sound packet of this connection. */
  onPacket(packet: Packet): void {
    try {
      this.#route(packet);
    } catch (err) {
      // A bug below must not be mistaken for a parse error, nor escape into the engine.
      this.#host.logError(`unexpected error while handling a packet of connection ${this.conn.id}`, err);
    }
  }

  /** @internal PacketSink: a message that is not a sound packet ends the connection, as the reference server does. */
  onParseError(reason: string): void {
    debug('parse error from %s: %s', this.conn.id, reason);
    this.#closeSockets('parse error');
    this.conn.close();
  }

  /** @internal The connection ended: every socket ends with the engine's reason. */
  onClose(reason: EngineCloseReason): void {
    if (this.#connectTimer !== null) clearTimeout(this.#connectTimer);
    this.#connectTimer = null;
    this.#closeSockets(reason);
    this.#packets?.destroy();
    this.conn.receiver = null;
  }

  #route(packet: Packet): void {
    if (packet.type === PacketType.CONNECT) {
      if (this.conn.protocol === 3) {
        const { name, auth } = splitV2Namespace(packet.nsp);
        this.#connect(name, auth);
      } else {
        this.#connect(packet.nsp, packet.data);
      }
      return;
    }
    const socket = this.socketOf(packet.nsp);
    if (socket === undefined) {
      debug('packet for namespace %s not joined by %s, ignored', packet.nsp, this.conn.id);
      return;
    }
    socket.onPacket(packet);
  }

  #connect(name: string, auth: unknown): void {
    if (this.socketOf(name) !== undefined) {
      debug('%s is already connected to %s', this.conn.id, name);
      return;
    }
    const handshakeAuth = (auth as Record<string, unknown> | undefined) ?? NO_AUTH;
    // A dynamic namespace's test gets an object it may write to, even when the client sent no auth.
    const nsp = this.#host.namespace(name, handshakeAuth === NO_AUTH ? {} : handshakeAuth);
    if (nsp instanceof Promise) {
      nsp.then(
        (found) => this.#connectTo(name, found, handshakeAuth),
        (err: unknown) => {
          this.#host.logError(`dynamic namespace test failed for ${name}`, err);
          this.#connectTo(name, undefined, handshakeAuth);
        },
      );
      return;
    }
    this.#connectTo(name, nsp, handshakeAuth);
  }

  #connectTo(name: string, nsp: ServerNamespace | undefined, auth: Record<string, unknown>): void {
    // An asynchronous namespace test may settle after the connection closed or connected meanwhile.
    if (this.conn.readyState === 'closed' || this.socketOf(name) !== undefined) return;
    if (nsp === undefined) {
      this.writePacket({ type: PacketType.CONNECT_ERROR, nsp: name, data: { message: 'Invalid namespace' } });
      return;
    }
    nsp.connect(this, auth);
  }

  #closeSockets(reason: EngineCloseReason): void {
    const sockets = this.#moreSockets === null ? [] : [...this.#moreSockets.values()];
    if (this.#socket !== null) sockets.unshift(this.#socket);
    for (const socket of sockets) socket.onClose(reason);
  }
}

function onConnectTimeout(client: Client): void {
  if (!client.hasSockets) {
    debug('connection %s joined no namespace in time, closing', client.conn.id);
    client.close();
  }
}
