import { Decoder } from 'socket.io-parser';
import { PacketType, decodeEventPacket, encodePacket, type Packet } from '../protocol/packet';
import { createDebug } from '../debug';
import type { EngineCloseReason, EngineConnection, EngineData } from '../engine/types';
import type { ServerNamespace } from './server-namespace';
import type { Socket } from './socket';

const debug = createDebug('classio:namespace');

/** What a client sees of its server. */
export interface ClientHost {
  /** @internal A registered namespace, or undefined (the client then gets CONNECT_ERROR `Invalid namespace`). */
  namespace(name: string): ServerNamespace | undefined;
  /** How long a connection may stay without any namespace before it is closed, in ms. */
  readonly connectTimeout: number;
  /** The most binary attachments one packet may announce. */
  readonly maxAttachments: number;
  /** @internal Reports an error nobody handled; never throws. */
  logError(message: string, err: unknown): void;
}

const kClient = Symbol('classio.client');

interface ClientSlot {
  [kClient]: Client;
}

/**
 * One Engine.IO connection, multiplexing the client's namespaces (socket.io-protocol, "Connection to a
 * namespace"). It decodes Socket.IO packets, routes them to the socket of their namespace, and closes every
 * socket when the connection goes.
 */
export class Client {
  readonly conn: EngineConnection;
  /**
   * The client's sockets: almost every client joins one namespace, so the first is kept in a field and a map
   * exists only for the others (a map per idle connection would cost about 300 bytes).
   */
  #socket: Socket | null = null;
  #moreSockets: Map<string, Socket> | null = null;
  readonly #host: ClientHost;
  /** Created for the first binary packet (see {@link onData}); text-only clients never have one. */
  #decoder: Decoder | null = null;
  #connectTimer: NodeJS.Timeout | null;

  constructor(host: ClientHost, conn: EngineConnection) {
    this.#host = host;
    this.conn = conn;
    // Listeners are shared functions that find their client through a slot, not closures per connection.
    (conn as unknown as ClientSlot)[kClient] = this;
    conn.on('message', onMessage);
    conn.on('close', onClose);
    this.#connectTimer = setTimeout(onConnectTimeout, host.connectTimeout, this);
  }

  /** Writes encoded frames (one Socket.IO packet). Volatile frames are dropped if the transport is not open. */
  write(frames: readonly EngineData[], isVolatile: boolean): void {
    if (isVolatile && this.conn.readyState !== 'open') return;
    if (frames.length === 1) this.conn.send(frames[0]);
    else this.conn.sendAll(frames);
  }

  /** Encodes and writes one packet. */
  writePacket(packet: Packet): void {
    this.write(encodePacket(packet), false);
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

  /**
   * @internal Decodes one Engine.IO message. A decoder only keeps state while it gathers the attachments of a
   * binary packet, so text packets of clients that are not doing that all go through one shared decoder, and a
   * client gets its own on its first binary packet (a decoder per idle connection would cost about 180 bytes).
   */
  onData(data: EngineData): void {
    try {
      if (this.#decoder === null && typeof data === 'string' && !isBinaryPacketHeader(data)) {
        const packet = decodeEventPacket(data);
        if (packet !== null) {
          onPacketOf(this, packet);
          return;
        }
        const previous = decodingClient;
        // Not an alias: the slot tells the shared decoder's 'decoded' listener whose data it is decoding.
        // eslint-disable-next-line @typescript-eslint/no-this-alias -- a module slot, set and restored around add()
        decodingClient = this;
        try {
          textDecoder.add(data);
        } finally {
          decodingClient = previous;
        }
      } else {
        (this.#decoder ??= this.#createDecoder()).add(data);
      }
    } catch (err) {
      // Malformed packet: the protocol has no error reply, so the connection ends (as the reference server does).
      this.#onParseError((err as Error).message);
    }
  }

  /** @internal */
  onPacket(packet: Packet): void {
    if (!isPacketSound(packet)) {
      this.#onParseError('an ack id past Number.MAX_SAFE_INTEGER or a non-string event name');
      return;
    }
    if (packet.type === PacketType.CONNECT) {
      this.#connect(packet.nsp, packet.data);
      return;
    }
    const socket = this.socketOf(packet.nsp);
    if (socket === undefined) {
      debug('packet for namespace %s not joined by %s, ignored', packet.nsp, this.conn.id);
      return;
    }
    socket.onPacket(packet);
  }

  /** @internal An unexpected error while handling a decoded packet: logged, the connection goes on. */
  onPacketError(err: unknown): void {
    this.#host.logError(`unexpected error while handling a packet of connection ${this.conn.id}`, err);
  }

  /** @internal The connection ended: every socket ends with the engine's reason. */
  onClose(reason: EngineCloseReason): void {
    if (this.#connectTimer !== null) clearTimeout(this.#connectTimer);
    this.#connectTimer = null;
    this.#closeSockets(reason);
    this.#decoder?.destroy();
    this.conn.off('message', onMessage);
    this.conn.off('close', onClose);
  }

  #connect(name: string, auth: unknown): void {
    if (this.socketOf(name) !== undefined) {
      debug('%s is already connected to %s', this.conn.id, name);
      return;
    }
    const nsp = this.#host.namespace(name);
    if (nsp === undefined) {
      this.writePacket({ type: PacketType.CONNECT_ERROR, nsp: name, data: { message: 'Invalid namespace' } });
      return;
    }
    nsp.connect(this, (auth as Record<string, unknown> | undefined) ?? {});
  }

  #createDecoder(): Decoder {
    const decoder = new Decoder({ maxAttachments: this.#host.maxAttachments });
    (decoder as unknown as ClientSlot)[kClient] = this;
    decoder.on('decoded', onDecoded);
    return decoder;
  }

  #onParseError(message: string): void {
    debug('parse error from %s: %s', this.conn.id, message);
    this.#closeSockets('parse error');
    this.conn.close();
  }

  #closeSockets(reason: EngineCloseReason): void {
    const sockets = this.#moreSockets === null ? [] : [...this.#moreSockets.values()];
    if (this.#socket !== null) sockets.unshift(this.#socket);
    for (const socket of sockets) socket.onClose(reason);
  }
}

/**
 * What socket.io-parser lets through but a packet may not carry: an ack id it cannot represent exactly (it would
 * be answered with another id, `1e+23` on the wire) and a number as event name (legal in the parser for old
 * clients; classio routes by string only).
 */
function isPacketSound(packet: Packet): boolean {
  if (packet.id !== undefined && !Number.isSafeInteger(packet.id)) return false;
  if (packet.type === PacketType.EVENT || packet.type === PacketType.BINARY_EVENT) {
    // socket.io-parser lets an EVENT without payload through (`2/chat,`): it has no event name either.
    return Array.isArray(packet.data) && typeof packet.data[0] === 'string';
  }
  return true;
}

function onMessage(this: EngineConnection, data: EngineData): void {
  (this as unknown as ClientSlot)[kClient].onData(data);
}

function onClose(this: EngineConnection, reason: EngineCloseReason): void {
  (this as unknown as ClientSlot)[kClient].onClose(reason);
}

/** The shared decoder of text packets, and the client whose message it is decoding (it decodes synchronously). */
const textDecoder = new Decoder();
let decodingClient: Client | null = null;
textDecoder.on('decoded', (packet: Packet) => onPacketOf(decodingClient!, packet));

/** BINARY_EVENT (5) and BINARY_ACK (6) announce attachments: their decoder must wait for them. */
function isBinaryPacketHeader(data: string): boolean {
  const type = data.charCodeAt(0);
  return type === 0x35 || type === 0x36;
}

function onDecoded(this: Decoder, packet: Packet): void {
  onPacketOf((this as unknown as ClientSlot)[kClient], packet);
}

function onPacketOf(client: Client, packet: Packet): void {
  try {
    client.onPacket(packet);
  } catch (err) {
    // A bug below must not be mistaken for a parse error, nor escape into the engine.
    client.onPacketError(err);
  }
}

function onConnectTimeout(client: Client): void {
  if (!client.hasSockets) {
    debug('connection %s joined no namespace in time, closing', client.conn.id);
    client.close();
  }
}
