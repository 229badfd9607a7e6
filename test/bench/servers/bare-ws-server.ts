import { createServer } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  ACK_ANSWER_ARGS,
  ECHO_DATA,
  ENGINE_PATH,
  NSP_CONNECT,
  PING_FRAME,
  PONG_FRAME,
  hasPrefix,
} from '../support/frames';
import { portOf, runPeer } from './control';

/**
 * The ceiling: a bare `ws` server that speaks just enough Engine.IO v4 / Socket.IO v5 by hand for the bench's
 * workloads and answers with constant, pre-encoded frames. No heartbeat timers, no packet decoding, no per-socket
 * objects beyond ws's own: what is left is the cost of WebSocket framing in Node, which no Socket.IO server can
 * go below.
 */

const TEXT = { binary: false } as const;
const OPEN_PREFIX = '0{"sid":"';
const OPEN_SUFFIX = '","upgrades":[],"pingInterval":25000,"pingTimeout":20000,"maxPayload":1000000}';

const CONNECT = Buffer.from(NSP_CONNECT);
const PING = Buffer.from(PING_FRAME);
const PONG = Buffer.from(PONG_FRAME);
const MY_EVENT = Buffer.from('42/test,["my event"');
const JOIN = Buffer.from('42/test,["join"');
const ROOM_EVENT = Buffer.from('42/test,["my_room_event"');
const GREETING = Buffer.from('42/test,["my response",{"data":"Connected","count":0}]');
const ECHO_REPLY = Buffer.from(`42/test,["my response",{"data":"${ECHO_DATA}","count":1}]`);
const JOIN_REPLY = Buffer.from('42/test,["my response",{"data":"In rooms: bench","count":1}]');
const ROOM_REPLY = Buffer.from('42/test,["my response",{"data":"fan-out","count":1}]');
const ACK_HEAD = '43/test,';
const EVENT_HEAD_LENGTH = '42/test,'.length;
const ENGINE_PONG_BYTE = 0x33; // '3'
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;

/** The only room the workloads use; a Set keeps membership O(1) and iteration cheap. */
const room = new Set<WebSocket>();
let nextSid = 0;

function makeSid(): string {
  return (nextSid++).toString(36).padStart(20, '0');
}

function onMessage(this: WebSocket, data: Buffer): void {
  if (data.length === 1 && data[0] === ENGINE_PONG_BYTE) return;
  if (data.equals(PING)) {
    this.send(PONG, TEXT);
  } else if (hasPrefix(data, MY_EVENT)) {
    this.send(ECHO_REPLY, TEXT);
  } else if (hasPrefix(data, ROOM_EVENT)) {
    for (const member of room) member.send(ROOM_REPLY, TEXT);
  } else if (
    data.length > EVENT_HEAD_LENGTH &&
    data[EVENT_HEAD_LENGTH] >= DIGIT_0 &&
    data[EVENT_HEAD_LENGTH] <= DIGIT_9
  ) {
    // An event with an ack id (`42/test,<id>[...]`): answer with the id and constant arguments.
    let end = EVENT_HEAD_LENGTH;
    while (data[end] >= DIGIT_0 && data[end] <= DIGIT_9) end++;
    this.send(ACK_HEAD + data.toString('latin1', EVENT_HEAD_LENGTH, end) + ACK_ANSWER_ARGS);
  } else if (hasPrefix(data, JOIN)) {
    room.add(this);
    this.send(JOIN_REPLY, TEXT);
  } else if (data.equals(CONNECT)) {
    this.send(`40/test,{"sid":"${makeSid()}"}`);
    this.send(GREETING, TEXT);
  }
}

function onClose(this: WebSocket): void {
  room.delete(this);
}

/** Starts the peer on 127.0.0.1:`port` (0 for any free port). */
export async function startBareWsPeer(port = 0): Promise<{ port: number; close(): Promise<void> }> {
  const httpServer = createServer();
  const wss = new WebSocketServer({ server: httpServer, path: ENGINE_PATH, perMessageDeflate: false });
  wss.on('connection', (ws: WebSocket) => {
    ws.on('message', onMessage);
    ws.on('close', onClose);
    ws.send(OPEN_PREFIX + makeSid() + OPEN_SUFFIX);
  });
  await new Promise<void>((resolve) => httpServer.listen(port, '127.0.0.1', resolve));
  return {
    port: portOf(httpServer),
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close(() => httpServer.close(() => resolve()));
      }),
  };
}

if (require.main === module) void runPeer('bare-ws', startBareWsPeer);
