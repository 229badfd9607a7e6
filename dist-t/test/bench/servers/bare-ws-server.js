"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.startBareWsPeer = startBareWsPeer;
const node_http_1 = require("node:http");
const ws_1 = require("ws");
const frames_1 = require("../support/frames");
const control_1 = require("./control");
/**
 * The ceiling: a bare `ws` server that speaks just enough Engine.IO v4 / Socket.IO v5 by hand for the bench's
 * workloads and answers with constant, pre-encoded frames. No heartbeat timers, no packet decoding, no per-socket
 * objects beyond ws's own: what is left is the cost of WebSocket framing in Node, which no Socket.IO server can
 * go below.
 */
const TEXT = { binary: false };
const OPEN_PREFIX = '0{"sid":"';
const OPEN_SUFFIX = '","upgrades":[],"pingInterval":25000,"pingTimeout":20000,"maxPayload":1000000}';
const CONNECT = Buffer.from(frames_1.NSP_CONNECT);
const PING = Buffer.from(frames_1.PING_FRAME);
const PONG = Buffer.from(frames_1.PONG_FRAME);
const MY_EVENT = Buffer.from('42/test,["my event"');
const JOIN = Buffer.from('42/test,["join"');
const ROOM_EVENT = Buffer.from('42/test,["my_room_event"');
const GREETING = Buffer.from('42/test,["my response",{"data":"Connected","count":0}]');
const ECHO_REPLY = Buffer.from(`42/test,["my response",{"data":"${frames_1.ECHO_DATA}","count":1}]`);
const JOIN_REPLY = Buffer.from('42/test,["my response",{"data":"In rooms: bench","count":1}]');
const ROOM_REPLY = Buffer.from('42/test,["my response",{"data":"fan-out","count":1}]');
const ACK_HEAD = '43/test,';
const EVENT_HEAD_LENGTH = '42/test,'.length;
const ENGINE_PONG_BYTE = 0x33; // '3'
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
/** The only room the workloads use; a Set keeps membership O(1) and iteration cheap. */
const room = new Set();
let nextSid = 0;
function makeSid() {
    return (nextSid++).toString(36).padStart(20, '0');
}
function onMessage(data) {
    if (data.length === 1 && data[0] === ENGINE_PONG_BYTE)
        return;
    if (data.equals(PING)) {
        this.send(PONG, TEXT);
    }
    else if ((0, frames_1.hasPrefix)(data, MY_EVENT)) {
        this.send(ECHO_REPLY, TEXT);
    }
    else if ((0, frames_1.hasPrefix)(data, ROOM_EVENT)) {
        for (const member of room)
            member.send(ROOM_REPLY, TEXT);
    }
    else if (data.length > EVENT_HEAD_LENGTH &&
        data[EVENT_HEAD_LENGTH] >= DIGIT_0 &&
        data[EVENT_HEAD_LENGTH] <= DIGIT_9) {
        // An event with an ack id (`42/test,<id>[...]`): answer with the id and constant arguments.
        let end = EVENT_HEAD_LENGTH;
        while (data[end] >= DIGIT_0 && data[end] <= DIGIT_9)
            end++;
        this.send(ACK_HEAD + data.toString('latin1', EVENT_HEAD_LENGTH, end) + frames_1.ACK_ANSWER_ARGS);
    }
    else if ((0, frames_1.hasPrefix)(data, JOIN)) {
        room.add(this);
        this.send(JOIN_REPLY, TEXT);
    }
    else if (data.equals(CONNECT)) {
        this.send(`40/test,{"sid":"${makeSid()}"}`);
        this.send(GREETING, TEXT);
    }
}
function onClose() {
    room.delete(this);
}
/** Starts the peer on 127.0.0.1:`port` (0 for any free port). */
async function startBareWsPeer(port = 0) {
    const httpServer = (0, node_http_1.createServer)();
    const wss = new ws_1.WebSocketServer({ server: httpServer, path: frames_1.ENGINE_PATH, perMessageDeflate: false });
    wss.on('connection', (ws) => {
        ws.on('message', onMessage);
        ws.on('close', onClose);
        ws.send(OPEN_PREFIX + makeSid() + OPEN_SUFFIX);
    });
    await new Promise((resolve) => httpServer.listen(port, '127.0.0.1', resolve));
    return {
        port: (0, control_1.portOf)(httpServer),
        close: () => new Promise((resolve) => {
            for (const client of wss.clients)
                client.terminate();
            wss.close(() => httpServer.close(() => resolve()));
        }),
    };
}
if (require.main === module)
    void (0, control_1.runPeer)('bare-ws', startBareWsPeer);
//# sourceMappingURL=bare-ws-server.js.map