/**
 * Type test for the typed Socket.IO-style API (`Server<ListenEvents, EmitEvents, ServerSideEvents, SocketData>`):
 * compiled by the build and by `test/typecheck.test.ts`. Every `@ts-expect-error` line must be an error, and
 * nothing else may be.
 */
/* eslint-disable @typescript-eslint/no-unused-vars -- a type test binds values only to check their types */
import { Server } from '../../src/server';
import type { Socket } from '../../src/namespace/socket';
import type { BroadcastOperator } from '../../src/namespace/broadcast-operator';
import type { ServerNamespace } from '../../src/namespace/server-namespace';
import type { SocketDescription } from '../../src/adapter/adapter';
import { emitOptions } from '../../src';

/** `true` when `A` and `B` are the same type (`any` equals nothing else). */
type Equals<A, B> = (<U>() => U extends A ? 1 : 2) extends <U>() => U extends B ? 1 : 2 ? true : false;

/** Compiles only when its type argument is `true`. */
function assertType<T extends true>(): T | void {}

interface ClientToServerEvents {
  chat: (text: string) => void;
  rename: (name: string, done: (accepted: boolean) => void) => void;
}

interface ServerToClientEvents {
  news: (title: string, body: string) => void;
  ask: (question: string, answer: (reply: string) => void) => void;
  measure: (answer: (width: number, height: number) => void) => void;
  poke: (answer: () => void) => void;
}

interface InterServerEvents {
  ping: (from: string) => void;
  count: (reply: (n: number) => void) => void;
}

interface SocketData {
  name: string;
  joined: number;
}

type ChatSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

const io = new Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>({ logger: false });
const chat = io.of('/chat');
assertType<
  Equals<typeof chat, ServerNamespace<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>>
>();

chat.on('connection', (socket) => {
  assertType<Equals<typeof socket, ChatSocket>>();

  // Listen events: the listener's arguments and ack callback are the map's.
  socket.on('chat', (text) => {
    assertType<Equals<typeof text, string>>();
  });
  socket.on('rename', (name, done) => done(name.length > 0));
  // @ts-expect-error: "chat" carries a string
  socket.on('chat', (_text: number) => undefined);
  // @ts-expect-error: the client sends no "fly"
  socket.on('fly', () => undefined);
  // @ts-expect-error: the ack of "rename" answers a boolean
  socket.on('rename', (_name, done) => done('yes'));
  socket.on('disconnect', (reason) => reason.length);
  socket.once('chat', (text) => text.length);
  socket.off('chat');

  // Emit events.
  socket.emit('news', 'title', 'body');
  socket.emit('ask', 'why?', (reply) => assertType<Equals<typeof reply, string>>());
  // @ts-expect-error: "news" needs a string body
  socket.emit('news', 'title', 42);
  // @ts-expect-error: "news" needs its two arguments
  socket.emit('news', 'title');
  // @ts-expect-error: the server sends no "nope"
  socket.emit('nope');
  // @ts-expect-error: the ack of "ask" receives a string
  socket.emit('ask', 'why?', (_reply: number) => undefined);

  // emitWithAck: the answer's type is the ack's, one argument as it is, several as a tuple, none undefined.
  const reply = socket.emitWithAck('ask', 'why?');
  assertType<Equals<typeof reply, Promise<string>>>();
  assertType<Equals<ReturnType<typeof socket.emitWithAck<'measure'>>, Promise<[width: number, height: number]>>>();
  assertType<Equals<ReturnType<typeof socket.emitWithAck<'poke'>>, Promise<undefined>>>();
  // @ts-expect-error: "news" has no ack
  void socket.emitWithAck('news', 'title', 'body');
  // @ts-expect-error: the ack callback is emitWithAck's own
  void socket.emitWithAck('ask', 'why?', () => undefined);

  // timeout(ms): the ack callback is error-first.
  socket.timeout(1000).emit('ask', 'why?', (err, answer) => {
    assertType<Equals<typeof err, Error | null>>();
    assertType<Equals<typeof answer, string>>();
  });
  const timed = socket.timeout(1000).emitWithAck('ask', 'why?');
  assertType<Equals<typeof timed, Promise<string>>>();
  // @ts-expect-error: timeout(ms).emit needs an event with an ack
  socket.timeout(1000).emit('news', 'title', 'body');

  // Broadcasts from the socket.
  const room = socket.to('lobby');
  assertType<Equals<typeof room, BroadcastOperator<ServerToClientEvents, SocketData>>>();
  room.except('muted').emit('news', 'title', 'body');
  socket.broadcast.emit('news', 'title', 'body');
  // @ts-expect-error: "news" needs a string body
  socket.broadcast.emit('news', 'title', 1);

  // socket.data
  assertType<Equals<typeof socket.data, SocketData>>();
  socket.data.joined = Date.now();
  // @ts-expect-error: `name` is a string
  socket.data.name = 1;
  // @ts-expect-error: SocketData has no `age`
  socket.data.age = 3;
});

// Broadcasts from the namespace and the server: an ack callback receives (err, answers), one answer per client.
chat.to('lobby').emit('news', 'title', 'body');
chat.emit('ask', 'anyone?', (err, answers) => {
  assertType<Equals<typeof err, Error | null>>();
  assertType<Equals<typeof answers, string[]>>();
});
const answers = chat.timeout(1000).emitWithAck('ask', 'anyone?');
assertType<Equals<typeof answers, Promise<string[]>>>();
const sizes = io.to('lobby').emitWithAck('measure');
assertType<Equals<typeof sizes, Promise<[width: number, height: number][]>>>();
io.emit('news', 'title', 'body');
io.volatile.emit('news', 'title', 'body');
// @ts-expect-error: "news" needs a string body
chat.to('lobby').emit('news', 'title', 1);
// @ts-expect-error: "news" has no ack
void chat.emitWithAck('news', 'title', 'body');
// @ts-expect-error: the server sends no "nope"
io.to('lobby').emit('nope');
// @ts-expect-error: the broadcast ack's answers are strings
chat.emit('ask', 'anyone?', (_err, _answers: number[]) => undefined);

// fetchSockets describes the sockets' data.
void chat.fetchSockets().then((sockets) => {
  assertType<Equals<typeof sockets, SocketDescription<SocketData>[]>>();
  return sockets.map((socket) => socket.data.name);
});

// Server-side events: emitted without their ack (serverSideEmit awaits no answer), listened to as declared.
chat.serverSideEmit('ping', 'process-1');
chat.serverSideEmit('count');
chat.on('ping', (from) => assertType<Equals<typeof from, string>>());
chat.on('count', (reply) => reply(3));
// @ts-expect-error: "ping" carries a string
chat.serverSideEmit('ping', 1);
// @ts-expect-error: there is no server-side "nope"
chat.serverSideEmit('nope');
// @ts-expect-error: the reply of "count" answers a number
chat.on('count', (reply) => reply('three'));

// Middlewares and the server's listeners receive the typed sockets and namespaces.
io.use((socket, next) => {
  assertType<Equals<typeof socket, ChatSocket>>();
  next();
});
io.on('connection', (socket) => assertType<Equals<typeof socket, ChatSocket>>(), { namespace: '/chat' });
io.on('new_namespace', (nsp) => assertType<Equals<typeof nsp, typeof chat>>());
type OtherDataSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, { other: 1 }>;
// @ts-expect-error: a connection listener receives the typed socket
io.on('connection', (_socket: OtherDataSocket) => 0);
const tenants = io.of(/^\/tenant-\d+$/);
tenants.on('connection', (socket) => socket.emit('news', 'hello', 'tenant'));
// @ts-expect-error: a dynamic namespace's sockets have the same maps
tenants.on('connection', (socket) => socket.emit('news', 1, 'tenant'));

// The untyped defaults stay as they were: any event, arguments unknown, data a record.
const untyped = new Server({ logger: false });
untyped.of('/').on('connection', (socket) => {
  assertType<Equals<typeof socket, Socket>>();
  assertType<Equals<typeof socket.data, Record<string, unknown>>>();
  socket.emit('anything', 1, { free: 'form' });
  socket.emit('with ack', 1, (answer: unknown) => answer);
  const answer = socket.emitWithAck('question');
  assertType<Equals<typeof answer, Promise<unknown>>>();
  socket.to('room').emit('anything', 1);
  socket.on('move', (x: number, y: number) => x + y);
});
const everyone = untyped.emit('anything', 1, 2, 3);
assertType<Equals<typeof everyone, boolean>>();
const all = untyped.of('/').emitWithAck('question');
assertType<Equals<typeof all, Promise<unknown[]>>>();
untyped.of('/').serverSideEmit('anything', 1);
untyped.to('room').emit('anything', emitOptions({}));

export { io, untyped };
