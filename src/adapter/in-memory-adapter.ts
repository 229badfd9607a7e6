import { PacketType, type Packet } from '../protocol/packet';
import {
  encodeFor,
  type Adapter,
  type AdapterHost,
  type AdapterSocket,
  type BroadcastOptions,
  type SocketDescription,
} from './adapter';
import { OwnRoom } from './own-room';

/** A room's members or a socket's rooms: a `Set`, or the shared `{sid}` of a socket alone in its own room. */
type RoomSet = Set<string> | OwnRoom;

/**
 * The default adapter: rooms and broadcast for the clients of one process.
 *
 * Rooms are kept twice (room -> sids and sid -> rooms) so that both "who is in this room" (broadcast) and "which
 * rooms is this socket in" (leave on disconnect) are one lookup. A broadcast is encoded once and the same frames
 * are written to every recipient.
 *
 * A socket in only its own room has one {@link OwnRoom} as both its rooms and its sid room's members (memory per idle
 * connection); it becomes a `Set`, in the map that changes, once something is added to it.
 */
export class InMemoryAdapter implements Adapter {
  readonly #rooms = new Map<string, RoomSet>();
  readonly #sids = new Map<string, RoomSet>();
  protected readonly host: AdapterHost;

  constructor(host: AdapterHost) {
    this.host = host;
  }

  /** The local rooms and their members. Read-only sets: the adapter changes them only through join and leave. */
  get rooms(): Map<string, ReadonlySet<string>> {
    return this.#rooms;
  }

  init(): Promise<void> | void {}

  close(): Promise<void> | void {}

  addAll(sid: string, rooms: Iterable<string>): void {
    let joined = this.#sids.get(sid);
    for (const room of rooms) {
      if (joined === undefined) {
        joined = room === sid ? this.#ownRoom(sid) : new Set([room]);
        this.#sids.set(sid, joined);
      } else if (joined instanceof OwnRoom) {
        if (room !== sid) this.#sids.set(sid, (joined = new Set([sid, room])));
      } else {
        joined.add(room);
      }
      const members = this.#rooms.get(room);
      if (members === undefined) {
        this.#rooms.set(room, room === sid ? this.#ownRoom(sid) : new Set([sid]));
      } else if (members instanceof OwnRoom) {
        // Another socket joins the room named after a sid: only that room's entry changes, and the socket named
        // `room` keeps the OwnRoom as its rooms.
        if (room !== sid) this.#rooms.set(room, new Set([members.sid, sid]));
      } else {
        members.add(sid);
      }
    }
    // A sid added to no room is known from now on, with no rooms, as before.
    if (joined === undefined) this.#sids.set(sid, new Set());
  }

  del(sid: string, room: string): void {
    const joined = this.#sids.get(sid);
    if (joined instanceof OwnRoom) {
      // A socket that leaves its own room is in no room, as before: its rooms are empty, not unknown.
      if (room === sid) this.#sids.set(sid, new Set());
    } else {
      joined?.delete(room);
    }
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
      const members = this.#rooms.get(room);
      if (members === undefined) return;
      if (members instanceof OwnRoom) {
        // A room of one, most often io.to(sid): its socket, with no iterator. Keeping OwnRoom out of the loops over
        // members keeps them on Set iterators only, which V8 inlines, however big the room.
        const socket = excluded !== null && excluded.has(members.sid) ? undefined : this.host.socket(members.sid);
        if (socket !== undefined) fn(socket);
        return;
      }
      for (const sid of members) {
        if (excluded !== null && excluded.has(sid)) continue;
        const socket = this.host.socket(sid);
        if (socket !== undefined) fn(socket);
      }
      return;
    }
    const seen = new Set<string>();
    for (const room of rooms) {
      const members = this.#rooms.get(room);
      if (members === undefined) continue;
      if (members instanceof OwnRoom) {
        if (excluded === null || !excluded.has(members.sid)) seen.add(members.sid);
        continue;
      }
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
      const members = this.#rooms.get(room);
      if (members instanceof OwnRoom) excluded.add(members.sid);
      else if (members !== undefined) for (const sid of members) excluded.add(sid);
    }
    return excluded;
  }

  #removeMember(room: string, sid: string): void {
    const members = this.#rooms.get(room);
    if (members === undefined) return;
    if (members instanceof OwnRoom) {
      if (members.has(sid)) this.#rooms.delete(room);
      return;
    }
    members.delete(sid);
    if (members.size === 0) this.#rooms.delete(room);
  }

  /**
   * The `{sid}` to store for a socket in its own room: the one already in the other map, if any, so that a socket in
   * only its own room costs one object, not two sets.
   */
  #ownRoom(sid: string): OwnRoom {
    const joined = this.#sids.get(sid);
    if (joined instanceof OwnRoom) return joined;
    const members = this.#rooms.get(sid);
    return members instanceof OwnRoom ? members : new OwnRoom(sid);
  }
}

const EMPTY: ReadonlySet<string> = new Set();
