/**
 * Type test for the typed test client (`TestClient<ListenEvents, EmitEvents>`, socket.io-client's order) and the
 * typed emitter (`Emitter<EmitEvents, ServerSideEvents>`): compiled by `test/typecheck.test.ts`. Every
 * `@ts-expect-error` line must be an error, and nothing else may be.
 */
/* eslint-disable @typescript-eslint/no-unused-vars -- a type test binds values only to check their types */
import { Server } from '../../src/server';
import { TestClient, type ReceivedPacket } from '../../src/testing';
import { Emitter, emitOptions } from '../../src/emitter';

/** `true` when `A` and `B` are the same type (`any` equals nothing else). */
type Equals<A, B> = (<U>() => U extends A ? 1 : 2) extends <U>() => U extends B ? 1 : 2 ? true : false;

/** Compiles only when its type argument is `true`. */
function assertType<T extends true>(): T | void {}

interface ClientToServerEvents {
  chat: (text: string) => void;
  rename: (name: string, done: (accepted: boolean, reason: string) => void) => void;
}

interface ServerToClientEvents {
  news: (title: string, body: string) => void;
  ask: (question: string, answer: (reply: string) => void) => void;
}

interface InterServerEvents {
  ping: (from: string) => void;
}

const io = new Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, { name: string }>({
  logger: false,
});

// The maps come from the typed server, seen from the client's side.
const client = new TestClient(io, '/chat', {
  onAck: (packet) => (packet.name === 'ask' ? [`re: ${packet.args[0]}`] : undefined),
});
assertType<Equals<typeof client, TestClient<ServerToClientEvents, ClientToServerEvents>>>();

client.emit('chat', 'hello');
// @ts-expect-error: "chat" carries a string
client.emit('chat', 1);
// @ts-expect-error: the client sends no "fly"
client.emit('fly');

const renamed = client.emitWithAck('rename', 'alice');
assertType<Equals<typeof renamed, Promise<[accepted: boolean, reason: string]>>>();
// @ts-expect-error: "chat" has no ack
void client.emitWithAck('chat', 'hello');
// @ts-expect-error: "rename" needs the name
void client.emitWithAck('rename');

void client.waitFor('news').then((packet) => {
  assertType<Equals<typeof packet.name, 'news'>>();
  assertType<Equals<typeof packet.args, [title: string, body: string]>>();
});
void client.waitFor('ask').then((packet) => packet.ack?.('because'));
// @ts-expect-error: the answer of "ask" is a string
void client.waitFor('ask').then((packet) => packet.ack?.(42));
// @ts-expect-error: the server sends no "nope"
void client.waitFor('nope');

for (const packet of client.getReceived()) {
  // The received packets are narrowed by their name.
  if (packet.name === 'news') assertType<Equals<typeof packet.args, [title: string, body: string]>>();
  else assertType<Equals<typeof packet.args, [question: string]>>();
}

// Another namespace keeps the maps, or takes others.
const admin = client.of('/admin');
admin.emit('chat', 'hi');
// @ts-expect-error: "chat" carries a string
admin.emit('chat', 2);
const other = client.of<{ pong: () => void }, { ping: (n: number) => void }>('/other');
other.emit('ping', 1);
// @ts-expect-error: this namespace's "ping" carries a number
other.emit('ping', 'one');

// Named maps work with an untyped server, and the defaults stay untyped.
const untypedServer = new Server({ logger: false });
const named = new TestClient<ServerToClientEvents, ClientToServerEvents>(untypedServer);
named.emit('chat', 'hello');
const untyped = new TestClient(untypedServer);
untyped.emit('anything', 1, { free: 'form' });
const answer = untyped.emitWithAck('anything');
assertType<Equals<typeof answer, Promise<unknown[]>>>();
assertType<Equals<ReturnType<typeof untyped.getReceived>, ReceivedPacket[]>>();
void untyped.waitFor('whatever').then((packet) => assertType<Equals<typeof packet.args, unknown[]>>());

// The emitter checks the servers' emit and server-side events.
const emitter = new Emitter<ServerToClientEvents, InterServerEvents>({ messageQueue: 'redis://127.0.0.1:6379/0' });
void emitter.emit('news', 'title', 'body');
void emitter.of('/chat').to('lobby').except('muted').emit('news', 'title', 'body');
void emitter.emit('news', 'title', 'body', emitOptions({ namespace: '/chat', room: 'lobby' }));
void emitter.emit('ask', 'why?');
void emitter.of('/chat').serverSideEmit('ping', 'cron');
// @ts-expect-error: "news" needs a string body
void emitter.emit('news', 'title', 1);
// @ts-expect-error: the servers send no "nope"
void emitter.to('lobby').emit('nope');
// @ts-expect-error: an emitter awaits no ack
void emitter.emit('ask', 'why?', () => undefined);
// @ts-expect-error: "ping" carries a string
void emitter.of('/chat').serverSideEmit('ping', 1);
const untypedEmitter = new Emitter({ messageQueue: 'redis://127.0.0.1:6379/0' });
void untypedEmitter.emit('anything', 1, 2);
void untypedEmitter.of('/chat').serverSideEmit('anything', 1);

export { client, emitter, untypedEmitter };
