/**
 * Type test for typed events: compiled by `test/typecheck.test.ts` with the TypeScript compiler. Every
 * `@ts-expect-error` line must be an error, and nothing else may be.
 */
import { Namespace, typedOn, emitOptions } from '../../src';

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
