import type { Adapter } from '../adapter/adapter';
import type { ServerNamespace } from '../namespace/server-namespace';
import type { Socket } from '../namespace/socket';
import type { TransportName } from '../engine/types';
import { ADMIN_DATA_KEY, serializeSocket, userData, type AdminSocketData } from './serialize';

/**
 * Development mode: tells the UI (through the admin namespace, so across the cluster with a cluster adapter) of every
 * socket that connects to `nsp`, changes its data or transport, joins or leaves a room, receives or sends an event,
 * and disconnects. Only namespaces of an instrumented server pay for it, and only in development mode.
 */
export function reportNamespace(admin: ServerNamespace, nsp: ServerNamespace): void {
  // Sockets connected before `instrument()` are watched from now on; they were never announced.
  for (const socket of nsp.sockets.values()) if (socket.connected) watchSocket(admin, nsp, socket);
  nsp.on('connection', (socket: Socket) => {
    watchSocket(admin, nsp, socket);
    admin.emit('socket_connected', serializeSocket(socket.describe(), nsp.name), new Date());
  });
  reportRooms(admin, nsp.adapter, nsp.name);
}

function watchSocket(admin: ServerNamespace, nsp: ServerNamespace, socket: Socket): void {
  const name = nsp.name;
  const onChange = (): void => {
    admin.emit('socket_updated', { id: socket.id, nsp: name, data: userData(socket.data) });
  };
  const own: AdminSocketData = { clientId: socket.conn.id.slice(0, 12), transport: socket.conn.transportName };
  // The data as it is after the connect flow (middlewares and on_connect may have set it), watched from now on.
  socket.data = watch({ ...socket.data, [ADMIN_DATA_KEY]: own }, onChange, true);
  socket.conn.on('upgrade', (transport: TransportName) => {
    own.transport = transport;
    admin.emit('socket_updated', { id: socket.id, nsp: name, transport });
  });
  if (nsp !== admin) {
    socket.onAny((...args: unknown[]) => void admin.emit('event_received', name, socket.id, args, new Date()));
    socket.onAnyOutgoing((...args: unknown[]) => void admin.emit('event_sent', name, socket.id, args, new Date()));
  }
  socket.on('disconnect', (reason) => void admin.emit('socket_disconnected', name, socket.id, reason, new Date()));
}

/**
 * Reports room changes of one namespace's adapter. The adapter contract has no room events (nothing else needs them,
 * and the per-join path should not pay for listeners nobody has), so an instrumented namespace's adapter gets its
 * `addAll`, `del` and `delAll` wrapped here, on that adapter object only.
 */
function reportRooms(admin: ServerNamespace, adapter: Adapter, name: string): void {
  const addAll = adapter.addAll.bind(adapter);
  const del = adapter.del.bind(adapter);
  const delAll = adapter.delAll.bind(adapter);
  adapter.addAll = (sid, rooms) => {
    const joined = adapter.socketRooms(sid);
    const added = [...rooms].filter((room) => joined === undefined || !joined.has(room));
    addAll(sid, added);
    for (const room of added) admin.emit('room_joined', name, room, sid, new Date());
  };
  adapter.del = (sid, room) => {
    const isMember = adapter.socketRooms(sid)?.has(room) === true;
    del(sid, room);
    if (isMember) admin.emit('room_left', name, room, sid, new Date());
  };
  adapter.delAll = (sid) => {
    const left = [...(adapter.socketRooms(sid) ?? [])];
    delAll(sid);
    for (const room of left) admin.emit('room_left', name, room, sid, new Date());
  };
}

/**
 * `value` behind a proxy that calls `onChange` whenever one of its properties (at any depth of plain objects and
 * arrays) is set or deleted, so that the UI sees `socket.data` as handlers change it. Other objects (a Map, a Date,
 * a class instance) are kept as they are: their methods would fail on a proxy, and changes inside them are not seen.
 */
function watch<T>(value: T, onChange: () => void, isRoot = false): T {
  if (!isPlainContainer(value)) return value;
  const target = value as Record<string | symbol, unknown>;
  for (const key of Object.keys(target)) {
    if (!isRoot || key !== ADMIN_DATA_KEY) target[key] = watch(target[key], onChange);
  }
  return new Proxy(target, {
    set(object, key, next) {
      object[key] = watch(next, onChange);
      onChange();
      return true;
    },
    deleteProperty(object, key) {
      delete object[key];
      onChange();
      return true;
    },
  }) as T;
}

function isPlainContainer(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return true;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}
