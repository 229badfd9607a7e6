import { PacketType, type Packet } from '../protocol/packet';
import {
  encodeFor,
  type Adapter,
  type AdapterHost,
  type AdapterSocket,
  type BroadcastOptions,
  type SocketDescription,
} from './adapter';

/**
 * The default adapter: rooms and broadcast for the clients of one process.
 *
 * Rooms are kept twice (room -> sids and sid -> rooms) so that both "who is in this room" (broadcast) and "which
 * rooms is this socket in" (leave on disconnect) are one lookup. A broadcast is encoded once and the same frames
 * are written to every recipient.
 *
 * A socket in only its own room is described by the same `{sid}` twice, as its rooms and as its sid room's members:
 * both maps then hold one `Set` (a `Set` of one is about 150 bytes of every idle connection). It is split, with
 * a copy for the sid room, before either side changes: `socket.rooms` stays the same live `Set` throughout.
 */
export class InMemoryAdapter implements Adapter {
  readonly rooms = new Map<string, Set<string>>();
  readonly #sids = new Map<string, Set<string>>();
  protected readonly host: AdapterHost;

  constructor(host: AdapterHost) {
    this.host = host;
  }

  init(): Promise<void> | void {}

  close(): Promise<void> | void {}

  addAll(sid: string, rooms: Iterable<string>): void {
    for (const room of rooms) {
      if (this.#sids.get(sid)?.has(room) === true) continue;
      if (room === sid && !this.#sids.has(sid) && !this.rooms.has(sid)) {
        // The first room of a socket, its own: one set for both maps. Filled by add(): on Node 24 `new Set([sid])`
        // allocates a larger table (232 bytes against 152).
        const own = new Set<string>();
        own.add(sid);
        this.#sids.set(sid, own);
        this.rooms.set(sid, own);
        continue;
      }
      this.#roomsToChange(sid).add(room);
      this.#membersToChange(room).add(sid);
    }
    if (!this.#sids.has(sid)) this.#sids.set(sid, new Set());
  }

  // Removing needs no split: the shared set loses its one member for both maps at once, and the emptied sid room is
  // deleted (the socket keeps the set, empty, as its rooms).
  del(sid: string, room: string): void {
    this.#sids.get(sid)?.delete(room);
    this.#removeMember(room, sid);
  }

  delAll(sid: string): void {
    const joined = this.#sids.get(sid);
    if (joined === undefined) return;
    for (const room of joined) this.#removeMember(room, sid);
    this.#sids.delete(sid);
  }

  socketRooms(sid: string): ReadonlySet<string> | undefined {
    return this.#sids.get(sid);
  }

  broadcast(packet: Packet, opts: BroadcastOptions): void {
    const frames = encodeFor(this.host, packet);
    const isVolatile = opts.flags.volatile === true;
    const shouldCompress = opts.flags.compress !== false;
    this.forEachSocket(opts, (socket) => socket.writeEncoded(frames, isVolatile, shouldCompress));
  }

  broadcastWithAck(
    packet: Packet,
    opts: BroadcastOptions,
    onCount: (count: number) => void,
    onAck: (args: unknown[]) => void,
  ): void {
    // Each recipient needs its own ack id, so the packet is encoded per socket here (as the reference does).
    let count = 0;
    this.forEachSocket(opts, (socket) => {
      let id: number;
      try {
        id = socket.registerAck((...args: unknown[]) => onAck(args));
      } catch {
        // The socket awaits maxPendingAcks answers already: it is left out and not counted.
        return;
      }
      count++;
      const type = packet.type === PacketType.BINARY_EVENT ? PacketType.BINARY_EVENT : PacketType.EVENT;
      socket.writeEncoded(encodeFor(this.host, { type, nsp: packet.nsp, data: packet.data as unknown, id }));
    });
    onCount(count);
  }

  sockets(rooms: ReadonlySet<string>): Promise<Set<string>> {
    const sids = new Set<string>();
    this.forEachSocket({ rooms, except: EMPTY, flags: {} }, (socket) => sids.add(socket.id));
    return Promise.resolve(sids);
  }

  fetchSockets(opts: BroadcastOptions): Promise<SocketDescription[]> {
    const found: SocketDescription[] = [];
    this.forEachSocket(opts, (socket) => found.push(socket.describe()));
    return Promise.resolve(found);
  }

  addSockets(opts: BroadcastOptions, rooms: readonly string[]): void {
    for (const socket of this.#collect(opts)) socket.join(rooms);
  }

  delSockets(opts: BroadcastOptions, rooms: readonly string[]): void {
    for (const socket of this.#collect(opts)) for (const room of rooms) socket.leave(room);
  }

  disconnectSockets(opts: BroadcastOptions, close: boolean): void {
    for (const socket of this.#collect(opts)) socket.disconnect(close);
  }

  /** One process has no peers: a server-side emit reaches nobody. */
  serverSideEmit(_args: unknown[]): void {}

  /**
   * Calls `fn` once for every local socket matching `opts`, walking the live room sets without copying them (a
   * fan-out to thousands of sockets allocates nothing per recipient), so `fn` must not change rooms: operations
   * that do (join, leave, disconnect) collect their recipients first with `#collect`.
   */
  protected forEachSocket(opts: BroadcastOptions, fn: (socket: AdapterSocket) => void): void {
    const excluded = this.#excluded(opts.except);
    const { rooms } = opts;
    if (rooms.size === 0) {
      for (const sid of this.#sids.keys()) {
        if (excluded !== null && excluded.has(sid)) continue;
        const socket = this.host.socket(sid);
        if (socket !== undefined) fn(socket);
      }
      return;
    }
    if (rooms.size === 1) {
      // The common case (one room, often the sid room): no de-duplication needed.
      const [room] = rooms;
      const members = this.rooms.get(room);
      if (members === undefined) return;
      for (const sid of members) {
        if (excluded !== null && excluded.has(sid)) continue;
        const socket = this.host.socket(sid);
        if (socket !== undefined) fn(socket);
      }
      return;
    }
    const seen = new Set<string>();
    for (const room of rooms) {
      const members = this.rooms.get(room);
      if (members === undefined) continue;
      for (const sid of members) {
        if (seen.has(sid) || (excluded !== null && excluded.has(sid))) continue;
        seen.add(sid);
      }
    }
    for (const sid of seen) {
      const socket = this.host.socket(sid);
      if (socket !== undefined) fn(socket);
    }
  }

  #collect(opts: BroadcastOptions): AdapterSocket[] {
    const sockets: AdapterSocket[] = [];
    this.forEachSocket(opts, (socket) => sockets.push(socket));
    return sockets;
  }

  #excluded(except: ReadonlySet<string>): Set<string> | null {
    if (except.size === 0) return null;
    const excluded = new Set<string>();
    for (const room of except) {
      const members = this.rooms.get(room);
      if (members !== undefined) for (const sid of members) excluded.add(sid);
    }
    return excluded;
  }

  /** The socket's rooms, to add to: its own set, no longer shared with its sid room. */
  #roomsToChange(sid: string): Set<string> {
    let joined = this.#sids.get(sid);
    if (joined === undefined) {
      joined = new Set();
      this.#sids.set(sid, joined);
    } else if (this.rooms.get(sid) === joined) {
      this.rooms.set(sid, new Set(joined));
    }
    return joined;
  }

  /** A room's members, to add to: a set of its own, not the rooms of the socket the room is named after. */
  #membersToChange(room: string): Set<string> {
    let members = this.rooms.get(room);
    if (members === undefined) {
      members = new Set();
      this.rooms.set(room, members);
    } else if (this.#sids.get(room) === members) {
      members = new Set(members);
      this.rooms.set(room, members);
    }
    return members;
  }

  #removeMember(room: string, sid: string): void {
    const members = this.rooms.get(room);
    if (members === undefined) return;
    members.delete(sid);
    if (members.size === 0) this.rooms.delete(room);
  }
}

const EMPTY: ReadonlySet<string> = new Set();
