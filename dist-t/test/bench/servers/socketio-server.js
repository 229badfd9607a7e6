"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.startSocketIoPeer = startSocketIoPeer;
const node_http_1 = require("node:http");
const socket_io_1 = require("socket.io");
const msgpackParser = __importStar(require("socket.io-msgpack-parser"));
const control_1 = require("./control");
/** Starts the peer on 127.0.0.1:`port` (0 for any free port). */
async function startSocketIoPeer(port = 0, parser = undefined, isRecovering = false) {
    const httpServer = (0, node_http_1.createServer)();
    const io = new socket_io_1.Server(httpServer, {
        serveClient: false,
        cors: { origin: '*' },
        ...(parser && { parser }),
        // `recovery` (argv): connectionStateRecovery with its defaults, for the recovery workload.
        ...(isRecovering ? { connectionStateRecovery: {} } : {}),
    });
    const test = io.of('/test');
    test.on('connection', (socket) => {
        socket.data.count = 0;
        socket.emit('my response', { data: 'Connected', count: 0 });
        socket.on('my ping', () => {
            socket.emit('my pong');
        });
        socket.on('my event', (message) => {
            socket.data.count++;
            socket.emit('my response', { data: message.data, count: socket.data.count });
        });
        socket.on('my broadcast event', (message) => {
            socket.data.count++;
            test.emit('my response', { data: message.data, count: socket.data.count });
        });
        socket.on('join', (message) => {
            void socket.join(message.room); // the in-memory adapter joins at once: there is no promise to wait for
            socket.data.count++;
            socket.emit('my response', { data: 'In rooms: ' + [...socket.rooms].join(', '), count: socket.data.count });
        });
        socket.on('leave', (message) => {
            void socket.leave(message.room); // as join: synchronous with the in-memory adapter
            socket.data.count++;
            socket.emit('my response', { data: 'In rooms: ' + [...socket.rooms].join(', '), count: socket.data.count });
        });
        socket.on('close_room', (message) => {
            socket.data.count++;
            test.to(message.room).emit('my response', { data: `Room ${message.room} is closing.`, count: socket.data.count });
            test.in(message.room).socketsLeave(message.room);
        });
        socket.on('my_room_event', (message) => {
            socket.data.count++;
            test.to(message.room).emit('my response', { data: message.data, count: socket.data.count });
        });
        socket.on('ack', (...args) => {
            const ack = args.pop();
            if (typeof ack === 'function')
                ack(...args);
        });
    });
    await new Promise((resolve) => httpServer.listen(port, '127.0.0.1', resolve));
    return {
        port: (0, control_1.portOf)(httpServer),
        // Socket.IO 4.8's close resolves once the HTTP server has closed too (and never rejects).
        close: () => io.close(),
    };
}
if (require.main === module) {
    // `msgpack`: the same namespace with socket.io-msgpack-parser (the msgpack-echo workload); `recovery`: with
    // connectionStateRecovery (the recovery workload).
    const parser = process.argv[2] === 'msgpack' ? msgpackParser : undefined;
    const isRecovering = process.argv[2] === 'recovery';
    const name = parser ? 'socket.io msgpack' : isRecovering ? 'socket.io recovery' : 'socket.io';
    void (0, control_1.runPeer)(name, (port) => startSocketIoPeer(port, parser, isRecovering));
}
//# sourceMappingURL=socketio-server.js.map