/**
 * Type test for typed events: compiled by `test/typecheck.test.ts` with the TypeScript compiler. Every
 * `@ts-expect-error` line must be an error, and nothing else may be.
 */
/* eslint-disable @typescript-eslint/no-unused-vars -- a type test binds values only to check their types */
import { Namespace, typedOn, emitOptions, type DefaultEventsMap, type Socket, type ServerNamespace } from '../../src';

/** `true` when `A` and `B` are the same type (`any` equals nothing else). */
type Equals<A, B> = (<U>() => U extends A ? 1 : 2) extends <U>() => U extends B ? 1 : 2 ? true : false;

/** Compiles only when its type argument is `true`. */
function assertType<T extends true>(): T | void {}

interface ClientEvents {
  chat: (text: string) => void;
  move: (x: number, y: number) => void;
}

interface ServerEvents {
  chat: (from: string, text: string) => void;
  moved: (x: number, y: number) => void;
}

const OnClient = typedOn<ClientEvents>();

@Namespace('/typed')
export class Typed extends Namespace<ClientEvents, ServerEvents> {
  @OnClient('chat')
  chat(text: string): number {
    this.emit('chat', this.sid, text);
    this.emit('moved', 1, 2, emitOptions({ broadcast: true }));
    // @ts-expect-error: the server does not emit "nope"
    this.emit('nope', 1);
    // @ts-expect-error: "chat" carries a string text, not a number
    this.emit('chat', this.sid, 42);
    // @ts-expect-error: "moved" needs both coordinates
    this.emit('moved', 1);
    return text.length;
  }

  @OnClient('move')
  move(x: number, y: number): number {
    return x + y;
  }

  // @ts-expect-error: a "chat" handler must accept a string
  @OnClient('chat')
  wrong(text: number): number {
    return text;
  }

  // @ts-expect-error: clients do not send "fly"
  @OnClient('fly')
  fly(): void {}
}

@Namespace('/untyped')
export class Untyped extends Namespace {
  on_anything(value: unknown): void {
    this.emit('whatever', value, { free: 'form' }, emitOptions({ to: 'room' }));
  }
}

interface AskingEvents {
  question: (text: string, answer: (reply: string) => void) => void;
  notice: (text: string) => void;
}

interface Session {
  user: string;
  visits: number;
}

/** The session type and the socket and namespace types of a class with all four parameters. */
@Namespace('/sessions')
export class WithSession extends Namespace<ClientEvents, AskingEvents, DefaultEventsMap, Session> {
  @OnClient('chat')
  async chat(text: string): Promise<string> {
    assertType<Equals<typeof this.session, Session>>();
    assertType<Equals<typeof this.socket, Socket<ClientEvents, AskingEvents, DefaultEventsMap, Session>>>();
    assertType<Equals<typeof this.nsp, ServerNamespace<ClientEvents, AskingEvents, DefaultEventsMap, Session>>>();
    this.session.visits += 1;
    // @ts-expect-error: the session's user is a string
    this.session.user = 1;
    // @ts-expect-error: Session has no `age`
    this.session.age = 3;
    this.socket.emit('notice', text);
    this.nsp.to('lobby').emit('notice', text);
    // @ts-expect-error: "notice" carries a string
    this.nsp.to('lobby').emit('notice', 1);
    // call() resolves with the ack's answer; its callback is call's own.
    const reply = await this.call(this.sid, 'question', text);
    assertType<Equals<typeof reply, string>>();
    const timed = await this.call(this.sid, 'question', text, emitOptions({ timeout: 500 }));
    assertType<Equals<typeof timed, string>>();
    // An event without a declared ack is still callable; its answer is unknown.
    const other = await this.call(this.sid, 'notice', text);
    assertType<Equals<typeof other, unknown>>();
    // @ts-expect-error: "question" carries a string
    await this.call(this.sid, 'question', 1);
    // @ts-expect-error: the server sends no "nope"
    await this.call(this.sid, 'nope');
    return reply;
  }
}

/** Without parameters the session stays a record. */
export class PlainSession extends Namespace {
  on_connect(): void {
    assertType<Equals<typeof this.session, Record<string, unknown>>>();
    assertType<Equals<typeof this.socket, Socket>>();
    this.session.anything = 1;
  }
}
