"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.reportNamespace = reportNamespace;
const serialize_1 = require("./serialize");
/**
 * Development mode: tells the UI (through the admin namespace, so across the cluster with a cluster adapter) of every
 * socket that connects to `nsp`, changes its data or transport, joins or leaves a room, receives or sends an event,
 * and disconnects. Only namespaces of an instrumented server pay for it, and only in development mode.
 */
function reportNamespace(admin, nsp) {
    // Sockets connected before `instrument()` are watched from now on; they were never announced.
    for (const socket of nsp.sockets.values())
        if (socket.connected)
            watchSocket(admin, nsp, socket);
    nsp.on('connection', (socket) => {
        watchSocket(admin, nsp, socket);
        admin.emit('socket_connected', (0, serialize_1.serializeSocket)(socket.describe(), nsp.name), new Date());
    });
    reportRooms(admin, nsp.adapter, nsp.name);
}
function watchSocket(admin, nsp, socket) {
    const name = nsp.name;
    const onChange = () => {
        admin.emit('socket_updated', { id: socket.id, nsp: name, data: (0, serialize_1.userData)(socket.data) });
    };
    const own = { clientId: socket.conn.id.slice(0, 12), transport: socket.conn.transportName };
    // The data as it is after the connect flow (middlewares and on_connect may have set it), watched from now on.
    socket.data = watch({ ...socket.data, [serialize_1.ADMIN_DATA_KEY]: own }, onChange, true);
    socket.conn.on('upgrade', (transport) => {
        own.transport = transport;
        admin.emit('socket_updated', { id: socket.id, nsp: name, transport });
    });
    if (nsp !== admin) {
        socket.onAny((...args) => void admin.emit('event_received', name, socket.id, args, new Date()));
        socket.onAnyOutgoing((...args) => void admin.emit('event_sent', name, socket.id, args, new Date()));
    }
    socket.on('disconnect', (reason) => void admin.emit('socket_disconnected', name, socket.id, reason, new Date()));
}
/**
 * Reports room changes of one namespace's adapter. The adapter contract has no room events (nothing else needs them,
 * and the per-join path should not pay for listeners nobody has), so an instrumented namespace's adapter gets its
 * `addAll`, `del` and `delAll` wrapped here, on that adapter object only.
 */
function reportRooms(admin, adapter, name) {
    const addAll = adapter.addAll.bind(adapter);
    const del = adapter.del.bind(adapter);
    const delAll = adapter.delAll.bind(adapter);
    adapter.addAll = (sid, rooms) => {
        const joined = adapter.socketRooms(sid);
        const added = [...rooms].filter((room) => joined === undefined || !joined.has(room));
        addAll(sid, added);
        for (const room of added)
            admin.emit('room_joined', name, room, sid, new Date());
    };
    adapter.del = (sid, room) => {
        const isMember = adapter.socketRooms(sid)?.has(room) === true;
        del(sid, room);
        if (isMember)
            admin.emit('room_left', name, room, sid, new Date());
    };
    adapter.delAll = (sid) => {
        const left = [...(adapter.socketRooms(sid) ?? [])];
        delAll(sid);
        for (const room of left)
            admin.emit('room_left', name, room, sid, new Date());
    };
}
/**
 * `value` behind a proxy that calls `onChange` whenever one of its properties (at any depth of plain objects and
 * arrays) is set or deleted, so that the UI sees `socket.data` as handlers change it. Other objects (a Map, a Date,
 * a class instance) are kept as they are: their methods would fail on a proxy, and changes inside them are not seen.
 */
function watch(value, onChange, isRoot = false) {
    if (!isPlainContainer(value))
        return value;
    const target = value;
    for (const key of Object.keys(target)) {
        if (!isRoot || key !== serialize_1.ADMIN_DATA_KEY)
            target[key] = watch(target[key], onChange);
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
    });
}
function isPlainContainer(value) {
    if (typeof value !== 'object' || value === null)
        return false;
    if (Array.isArray(value))
        return true;
    const proto = Object.getPrototypeOf(value);
    return proto === Object.prototype || proto === null;
}
//# sourceMappingURL=live-events.js.map