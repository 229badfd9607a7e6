import { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { Packet } from 'engine.io-parser';
import { createDebug } from '../debug';
import type { EngineSettings } from './options';
import type { SharedStrings } from './shared-strings';
import { TimerQueue, type TimerEntry } from './timer-queue';
import { packetOptions, type Transport, type TransportOwner } from './transport';
import type {
  ConnectionReceiver,
  EngineCloseReason,
  EngineConnection,
  EngineData,
  HandshakeRequest,
  SendOptions,
  TransportName,
} from './types';

const debug = createDebug('classio:engine');

const PING_PACKET: Packet = { type: 'ping' };
const NOOP_PACKET: Packet = { type: 'noop' };
const PROBE_PONG_PACKET: Packet = { type: 'pong', data: 'probe' };
const PONG_PACKET: Packet = { type: 'pong' };
/**
 * The write buffer of a session with nothing waiting, shared by all of them: a websocket session writes straight to
 * its transport and almost never buffers, and an array of its own would be 32 bytes of every idle connection.
 */
const NOTHING_WAITING: Packet[] = Object.freeze([]) as unknown as Packet[];

/**
 * What a session needs from its server: the settings, the heartbeat queues, the strings its sessions share, and a
 * way to unregister itself.
 */
export interface SessionHost {
  readonly settings: EngineSettings;
  readonly heartbeats: Heartbeats;
  readonly strings: SharedStrings;
  release(socket: EngineSocket): void;
}

/**
 * The heartbeat deadlines of a server's sessions, one {@link TimerQueue} per duration (so one Node timer each, not
 * a `Timeout` per session). A session waits in one of them at a time: v4 in `pingDue` until its next ping, then in
 * `pongDue` until the pong; v3 in `silence`, pushed back by every packet. Made by {@link EngineSocket.heartbeats}.
 */
export interface Heartbeats {
  readonly pingDue: TimerQueue<EngineSocket>;
  readonly pongDue: TimerQueue<EngineSocket>;
  readonly silence: TimerQueue<EngineSocket>;
}

/**
 * One Engine.IO session (engine.io-protocol v4), implementing {@link EngineConnection} for the layers above.
 *
 * It owns the write buffer (flushed once per tick, or as soon as a polling GET arrives), the server-driven
 * heartbeat (a ping every `pingInterval`; no pong within `pingTimeout` closes with `ping timeout`) and the upgrade
 * from polling to websocket. `close` is emitted exactly once, after which the session is unregistered.
 */
export class EngineSocket extends EventEmitter implements EngineConnection, TransportOwner, TimerEntry<EngineSocket> {
  readonly id: string;
  readonly request: HandshakeRequest;
  readonly remoteAddress: string;
  /**
   * The Engine.IO protocol version of the session: 4, or 3 for a client `allowEIO3` admitted. In v3 the client
   * pings and the server answers, and the session ends when no packet came for `pingInterval + pingTimeout`.
   */
  readonly protocol: 3 | 4;
  /** @internal EngineConnection. */
  receiver: ConnectionReceiver | null = null;
  /**
   * Node's listener table. EventEmitter's constructor makes it a dictionary of about 180 bytes; the constructor
   * below leaves it undefined instead, which EventEmitter supports (its first `on()` creates it), so that a session
   * nobody listens to (the Socket.IO layer is its {@link receiver}) pays nothing for it.
   */
  declare private _events: object | undefined;
  readonly #host: SessionHost;
  #transport: Transport;
  #readyState: EngineConnection['readyState'] = 'opening';
  /** Packets waiting for the transport; {@link NOTHING_WAITING} when none (push through `#buffer`). */
  #writeBuffer: Packet[] = NOTHING_WAITING;
  /** Size of the messages in `#writeBuffer` (string length or byte length), for the `maxBufferedBytes` bound. */
  #writeBufferBytes = 0;
  #isFlushScheduled = false;
  /** An orderly close waits for the buffer to reach the client before closing the transport. */
  #isClosePending = false;
  /** @internal TimerEntry: the heartbeat queue the session waits in (see {@link Heartbeats}). */
  timerQueue: TimerQueue<EngineSocket> | null = null;
  /** @internal TimerEntry. */
  timerPrev: EngineSocket | null = null;
  /** @internal TimerEntry. */
  timerNext: EngineSocket | null = null;
  /** @internal TimerEntry. */
  timerDue = 0;
  /** Any packet refreshes the ping timeout once per ping (the reference's `hasRefreshedPingTimeout`). */
  #hasRefreshedPingTimeout = false;
  /** The websocket transport being probed for an upgrade, if any. */
  #probe: Transport | null = null;
  #isProbed = false;
  #isUpgraded = false;
  #upgradeTimer: NodeJS.Timeout | null = null;

  constructor(id: string, host: SessionHost, transport: Transport, request: IncomingMessage) {
    super();
    this._events = undefined;
    this.id = id;
    this.#host = host;
    // `allowRequest` has seen the request: its values can now be swapped for equal shared ones. A polling
    // handshake's URL carries the client's cache-buster (`t=`), unique to it: only a websocket one is shared.
    host.strings.shareHeaders(request.headers);
    const url = request.url ?? '/';
    this.request = {
      method: request.method ?? 'GET',
      url: transport.name === 'websocket' ? host.strings.share(url) : url,
      headers: request.headers,
      secure: (request.socket as { encrypted?: boolean }).encrypted === true,
    };
    this.remoteAddress = request.socket.remoteAddress ?? '';
    this.protocol = transport.isEio3 ? 3 : 4;
    this.#transport = transport;
    transport.owner = this;
    this.#open();
  }

  get transportName(): TransportName {
    return this.#transport.name;
  }

  /** The current transport (engine-internal: the server hands it the session's polling requests). */
  get transport(): Transport {
    return this.#transport;
  }

  get readyState(): EngineConnection['readyState'] {
    return this.#readyState;
  }

  /** Whether an upgrade to websocket is in progress. */
  get isUpgrading(): boolean {
    return this.#probe !== null;
  }

  /** Whether the session has been upgraded to websocket. */
  get isUpgraded(): boolean {
    return this.#isUpgraded;
  }

  send(data: EngineData, options?: SendOptions): void {
    if (this.#readyState !== 'open') return;
    const transport = this.#transport;
    if (options !== undefined && options.volatile === true && !transport.isWritableAtOnce) return;
    if (this.#writeBuffer.length === 0 && !transport.isBatchedPerTick && transport.writable) {
      // The websocket path: nothing waits, so the message goes straight to the transport, with no packet object.
      if (this.#isOverBufferBound(data.length)) return;
      transport.sendMessage(data, options);
      return;
    }
    this.#buffer(
      options === undefined ? { type: 'message', data } : { type: 'message', data, options: packetOptions(options) },
    );
    this.#writeBufferBytes += data.length;
    if (this.#isOverBufferBound(0)) return;
    this.#requestFlush();
  }

  sendAll(data: readonly EngineData[], options?: SendOptions): void {
    if (this.#readyState !== 'open') return;
    if (options !== undefined && options.volatile === true && !this.#transport.isWritableAtOnce) return;
    const packetOpts = options === undefined ? undefined : packetOptions(options);
    for (let i = 0; i < data.length; i++) {
      this.#buffer({ type: 'message', data: data[i], options: packetOpts });
      this.#writeBufferBytes += data[i].length;
    }
    if (this.#isOverBufferBound(0)) return;
    this.#requestFlush();
  }

  close(): void {
    if (this.#readyState !== 'open') return;
    this.#readyState = 'closing';
    if (this.#writeBuffer.length > 0 && !this.#transport.writable) {
      // Deliver what is buffered first: the transport closes on the next drain (a polling GET).
      this.#isClosePending = true;
      return;
    }
    this.#flush();
    this.#transport.close('orderly');
  }

  /** @internal Ends the session at once with `reason` (server shutdown); the transport is closed without waiting. */
  closeNow(reason: EngineCloseReason): void {
    this.#onClose(reason);
  }

  /**
   * @internal Offers a websocket transport for an upgrade (engine.io-protocol v4, "Upgrade"): the client probes it with
   * `2probe`, the server answers `3probe` and ends the pending poll with a noop, and `5` switches transports.
   */
  offerUpgrade(transport: Transport): void {
    if (
      this.#readyState !== 'open' ||
      this.#probe !== null ||
      this.#isUpgraded ||
      this.#transport.name === transport.name
    ) {
      debug('session %s refuses the upgrade (state %s)', this.id, this.#readyState);
      transport.close('now');
      return;
    }
    debug('session %s probes an upgrade to %s', this.id, transport.name);
    this.#probe = transport;
    this.#isProbed = false;
    transport.owner = this;
    this.#upgradeTimer = setTimeout(EngineSocket.#onUpgradeTimeout, this.#host.settings.upgradeTimeout, this);
  }

  /** @internal TransportOwner. */
  onTransportMessage(transport: Transport, data: EngineData): void {
    if (transport !== this.#transport) {
      this.#onProbePacket(transport, { type: 'message', data });
      return;
    }
    if (this.#readyState !== 'open') return;
    if (this.#isPongAwaited) this.#refreshPingTimeout();
    this.receiver?.onData(data);
    // Guarded: `emit` gathers its arguments into an array even when nobody listens.
    if (this._events !== undefined) this.emit('message', data);
  }

  /** @internal TransportOwner. */
  onTransportPacket(transport: Transport, packet: Packet): void {
    if (packet.type === 'message') {
      // One way in for messages, whichever transport decoded them. An empty message (`4` alone) decodes without
      // data: it is the empty string.
      this.onTransportMessage(transport, (packet.data as EngineData | undefined) ?? '');
      return;
    }
    if (transport !== this.#transport) {
      this.#onProbePacket(transport, packet);
      return;
    }
    if (this.#readyState !== 'open') return;
    if (this.#isPongAwaited && packet.type !== 'pong') this.#refreshPingTimeout();
    switch (packet.type) {
      case 'pong':
        // v3 servers send no pings, so no pong is due. The next ping is due `pingInterval` after this pong.
        if (this.protocol === 3) break;
        this.#host.heartbeats.pingDue.schedule(this);
        break;
      case 'close':
        // The client ends the session (packet 1); a waiting poll is answered with a noop.
        transport.close('discard');
        break;
      case 'error':
        this.#onClose('parse error');
        break;
      case 'ping':
        if (this.protocol === 3) {
          // v3 heartbeats go client -> server; the packet itself refreshed the timeout above.
          this.#buffer(PONG_PACKET);
          this.#requestFlush();
          break;
        }
        // v4 heartbeats go server -> client only.
        this.#onClose('transport error', new Error('invalid heartbeat direction'));
        break;
      default:
        debug('session %s ignores a %s packet', this.id, packet.type);
    }
  }

  /** @internal TransportOwner. */
  onTransportDrain(transport: Transport): void {
    if (transport !== this.#transport) return;
    this.#flush();
    if (this.#isClosePending) {
      this.#isClosePending = false;
      transport.close('orderly');
      return;
    }
    if (this.#isProbed && transport.writable) {
      // The client pauses polling while it upgrades: end its poll at once so it can send the upgrade packet.
      transport.send([NOOP_PACKET]);
    }
  }

  /** @internal TransportOwner. */
  onTransportError(transport: Transport, reason: EngineCloseReason, description: unknown): void {
    if (transport === this.#probe) {
      debug('session %s: upgrade transport failed', this.id);
      this.#cancelUpgrade();
      return;
    }
    if (transport === this.#transport) this.#onClose(reason, description);
  }

  /** @internal TransportOwner. */
  onTransportClose(transport: Transport): void {
    if (transport === this.#probe) {
      this.#cancelUpgrade();
      return;
    }
    if (transport !== this.#transport) return;
    this.#onClose(this.#readyState === 'closing' ? 'forced close' : 'transport close');
  }

  /** Whether traffic now counts as a sign of life: v4 while a pong is due, v3 always (see {@link Heartbeats}). */
  get #isPongAwaited(): boolean {
    const queue = this.timerQueue;
    return queue !== null && queue !== this.#host.heartbeats.pingDue;
  }

  /** Traffic while a pong is due proves the client alive; the reference grants this once per ping. */
  #refreshPingTimeout(): void {
    // v3: every packet proves the client alive (its deadline runs all the time, not only while a pong is due).
    if (this.#hasRefreshedPingTimeout && this.protocol === 4) return;
    this.#hasRefreshedPingTimeout = true;
    this.timerQueue!.schedule(this);
  }

  #open(): void {
    const { settings } = this.#host;
    const upgrades =
      this.#transport.name === 'polling' && settings.allowUpgrades && settings.transports.includes('websocket')
        ? ['websocket']
        : [];
    this.#readyState = 'open';
    this.#buffer({
      type: 'open',
      data: JSON.stringify({
        sid: this.id,
        upgrades,
        pingInterval: settings.pingInterval,
        pingTimeout: settings.pingTimeout,
        maxPayload: settings.maxHttpBufferSize,
      }),
    });
    this.#requestFlush();
    const { heartbeats } = this.#host;
    (this.protocol === 3 ? heartbeats.silence : heartbeats.pingDue).schedule(this);
  }

  /**
   * Flushes now, at the end of the tick, or on the next drain. Polling gathers the tick's packets into one poll
   * answer; an idle websocket writes at once, and a busy one leaves the packets for its drain.
   */
  #requestFlush(): void {
    const transport = this.#transport;
    if (!transport.isBatchedPerTick) {
      if (transport.writable) this.#flush();
      return;
    }
    if (this.#isFlushScheduled) return;
    this.#isFlushScheduled = true;
    process.nextTick(EngineSocket.#flushOnTick, this);
  }

  /**
   * A client that stops reading lets its buffers grow with every message sent to it: past `maxBufferedBytes`
   * (what waits here plus what the transport has not written yet, plus `incoming`, a message about to go straight
   * to the transport) the session ends with `slow consumer`, so one stalled client cannot hold an unbounded share
   * of the server's memory. Strings count their length, which is their UTF-8 size for ASCII and an underestimate
   * otherwise; the bound is a memory guard, not a byte quota.
   */
  #isOverBufferBound(incoming: number): boolean {
    const waiting = incoming + this.#writeBufferBytes + this.#transport.bufferedAmount;
    if (waiting <= this.#host.settings.maxBufferedBytes) return false;
    debug('session %s: %d bytes waiting, over maxBufferedBytes', this.id, waiting);
    // This runs inside an emit, often a broadcast walking a room: the session closes on the next tick so that the
    // room does not change under the walk. Until then nothing more is buffered.
    this.#readyState = 'closing';
    this.#writeBuffer = NOTHING_WAITING;
    this.#writeBufferBytes = 0;
    process.nextTick(EngineSocket.#onSlowConsumer, this);
    return true;
  }

  #buffer(packet: Packet): void {
    if (this.#writeBuffer === NOTHING_WAITING) this.#writeBuffer = [packet];
    else this.#writeBuffer.push(packet);
  }

  #flush(): void {
    if (this.#writeBuffer.length === 0 || this.#readyState === 'closed' || !this.#transport.writable) return;
    const packets = this.#writeBuffer;
    this.#writeBuffer = NOTHING_WAITING;
    this.#writeBufferBytes = 0;
    this.#transport.send(packets);
  }

  #onProbePacket(transport: Transport, packet: Packet): void {
    if (transport !== this.#probe) return;
    if (packet.type === 'ping' && packet.data === 'probe') {
      transport.send([PROBE_PONG_PACKET]);
      this.#isProbed = true;
      this.emit('upgrading', transport.name);
      if (this.#writeBuffer.length === 0 && this.#transport.writable) this.#transport.send([NOOP_PACKET]);
    } else if (packet.type === 'upgrade' && this.#readyState !== 'closed') {
      this.#completeUpgrade(transport);
    } else {
      debug('session %s: unexpected %s packet during the upgrade', this.id, packet.type);
      this.#cancelUpgrade();
      transport.close('now');
    }
  }

  #completeUpgrade(transport: Transport): void {
    this.#clearUpgradeState();
    const previous = this.#transport;
    previous.owner = null;
    previous.close('discard');
    this.#transport = transport;
    this.#isUpgraded = true;
    debug('session %s upgraded to %s', this.id, transport.name);
    this.emit('upgrade', transport.name);
    // Packets buffered while the client paused polling now go over the new transport.
    this.#flush();
    if (this.#readyState === 'closing') {
      this.#isClosePending = false;
      transport.close('orderly');
    }
  }

  #cancelUpgrade(): void {
    const probe = this.#probe;
    this.#clearUpgradeState();
    if (probe !== null) {
      probe.owner = null;
      probe.close('now');
    }
  }

  #clearUpgradeState(): void {
    this.#probe = null;
    this.#isProbed = false;
    if (this.#upgradeTimer !== null) {
      clearTimeout(this.#upgradeTimer);
      this.#upgradeTimer = null;
    }
  }

  #onClose(reason: EngineCloseReason, description?: unknown): void {
    if (this.#readyState === 'closed') return;
    debug('session %s closed: %s', this.id, reason);
    this.#readyState = 'closed';
    this.timerQueue?.cancel(this);
    this.#cancelUpgrade();
    this.#writeBuffer = NOTHING_WAITING;
    this.#writeBufferBytes = 0;
    this.#isClosePending = false;
    this.#transport.owner = null;
    this.#transport.close('now');
    this.#host.release(this);
    this.receiver?.onClose(reason);
    this.emit('close', reason, description);
  }

  static #flushOnTick(socket: EngineSocket): void {
    socket.#isFlushScheduled = false;
    socket.#flush();
  }

  /** The heartbeat queues of a server with these settings, shared by all its sessions. */
  static heartbeats(settings: EngineSettings): Heartbeats {
    return {
      pingDue: new TimerQueue(settings.pingInterval, EngineSocket.#onPingDue),
      pongDue: new TimerQueue(settings.pingTimeout, EngineSocket.#onPingTimeout),
      silence: new TimerQueue(settings.pingInterval + settings.pingTimeout, EngineSocket.#onPingTimeout),
    };
  }

  static #onPingDue(socket: EngineSocket): void {
    if (socket.#readyState !== 'open' && socket.#readyState !== 'closing') return;
    socket.#hasRefreshedPingTimeout = false;
    socket.#buffer(PING_PACKET);
    socket.#requestFlush();
    socket.#host.heartbeats.pongDue.schedule(socket);
  }

  static #onSlowConsumer(socket: EngineSocket): void {
    socket.#onClose('slow consumer');
  }

  static #onPingTimeout(socket: EngineSocket): void {
    socket.#onClose('ping timeout');
  }

  static #onUpgradeTimeout(socket: EngineSocket): void {
    debug('session %s: upgrade not completed within upgradeTimeout', socket.id);
    socket.#upgradeTimer = null;
    socket.#cancelUpgrade();
  }
}
