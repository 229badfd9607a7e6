import type { Packet } from 'engine.io-parser';
import type { EngineCloseReason, EngineData, SendOptions, TransportName } from './types';

/**
 * How a transport closes:
 * - `orderly`: the session ends on purpose; polling delivers a close packet on the next GET (waiting for it).
 * - `now`: the session is already over; polling answers a waiting GET with a close packet, and nothing waits.
 * - `discard`: the session no longer uses this transport (upgraded away, or the client sent a close packet);
 *   polling answers a waiting GET with a noop.
 */
export type CloseMode = 'orderly' | 'now' | 'discard';

/**
 * What a transport reports to the session that owns it. The hooks are methods of `EngineSocket` (shared by all
 * sessions, so a transport needs no per-connection closures), and each receives the transport, so one session can
 * tell its current transport from an upgrade probe.
 */
export interface TransportOwner {
  /** @internal A packet other than a message arrived (a message may come this way too). */
  onTransportPacket(transport: Transport, packet: Packet): void;
  /** @internal A message packet arrived (the common packet, reported without a packet object). */
  onTransportMessage(transport: Transport, data: EngineData): void;
  /** @internal The transport can take writes again (a poll arrived). */
  onTransportDrain(transport: Transport): void;
  /** @internal The transport failed; `reason` is the close reason the session should end with. */
  onTransportError(transport: Transport, reason: EngineCloseReason, description: unknown): void;
  /** @internal The transport finished closing. */
  onTransportClose(transport: Transport): void;
}

/**
 * One way of carrying Engine.IO packets (engine.io `lib/transport.ts`). A transport only moves packets: the
 * session (`EngineSocket`) owns the write buffer, the heartbeat and the upgrade, and is told about everything that
 * happens through its {@link TransportOwner} hooks.
 */
export abstract class Transport {
  abstract get name(): TransportName;
  /** `open` until `close()` is called; `closed` once closing finished. */
  readyState: 'open' | 'closing' | 'closed' = 'open';
  /** The session this transport reports to; `null` once it has been detached (session closed or upgraded). */
  owner: TransportOwner | null = null;
  /** @internal Whether it speaks Engine.IO v3 framing (`allowEIO3`, see `eio3.ts`); set by the server at creation. */
  isEio3 = false;

  /**
   * Whether `send()` may be called now (polling: a GET is waiting; websocket: open, its writes never wait). When
   * it turns true again the transport reports `onTransportDrain`.
   */
  abstract get writable(): boolean;

  /**
   * Whether sends are gathered until the end of the tick before a flush. Polling: yes, so every packet of the tick
   * travels in one poll answer. Websocket: no, each message is written as it is sent.
   */
  abstract get isBatchedPerTick(): boolean;

  /** Writes a batch of packets; only called when `writable`. */
  abstract send(packets: Packet[]): void;

  /**
   * Whether a message handed over now would be written at once, not wait (the test of a volatile message). Polling:
   * a GET is waiting. Websocket: open and nothing queued behind the network.
   */
  get isWritableAtOnce(): boolean {
    return this.writable;
  }

  /** Writes one message packet; only called when `writable`. Transports with a cheaper path override it. */
  sendMessage(data: EngineData, options?: SendOptions): void {
    this.send([
      options === undefined ? { type: 'message', data } : { type: 'message', data, options: packetOptions(options) },
    ]);
  }

  /**
   * Bytes handed to this transport that have not reached the network yet (websocket: ws's `bufferedAmount`).
   * Polling writes a whole answer at once and holds nothing of its own: 0.
   */
  get bufferedAmount(): number {
    return 0;
  }

  /**
   * Closes the transport (see {@link CloseMode}) and reports `onTransportClose` when done. An orderly close
   * that is still waiting can be hurried by a second call with another mode.
   */
  close(mode: CloseMode = 'orderly'): void {
    if (this.readyState === 'closed') return;
    if (this.readyState === 'closing' && mode === 'orderly') return;
    this.readyState = 'closing';
    this.doClose(mode);
  }

  protected abstract doClose(mode: CloseMode): void;

  /** Marks the transport closed and tells the owner (once). */
  protected finishClose(): void {
    if (this.readyState === 'closed') return;
    this.readyState = 'closed';
    this.owner?.onTransportClose(this);
  }

  protected reportPacket(packet: Packet): void {
    this.owner?.onTransportPacket(this, packet);
  }

  protected reportMessage(data: EngineData): void {
    this.owner?.onTransportMessage(this, data);
  }

  protected reportError(reason: EngineCloseReason, description: unknown): void {
    this.owner?.onTransportError(this, reason, description);
  }

  protected reportDrain(): void {
    this.owner?.onTransportDrain(this);
  }
}

/** engine.io-parser's packet options (`compress` is required there) of a message's send options. */
export function packetOptions(options: SendOptions): { compress: boolean } {
  return options.compress === false ? NO_COMPRESS : COMPRESS;
}

const NO_COMPRESS = Object.freeze({ compress: false });
const COMPRESS = Object.freeze({ compress: true });
