import { injectable } from 'tsyringe';
import { IsDefined, IsInt, IsNotEmpty, IsString, Min } from 'class-validator';
import {
  ackArgs,
  emitOptions,
  Emits,
  Namespace,
  On,
  OnError,
  Payload,
  Replies,
  Throttle,
  UseGuards,
  type AckArguments,
  type ErrorContext,
  type GuardContext,
} from '../../src';
import { BackgroundTicker, ChatSettings } from './services';

/** `{ data }`: what Echo and Broadcast send. */
export class TextMessage {
  @IsDefined()
  data!: unknown;
}

/** `{ room }`: join, leave, close_room. */
export class RoomRequest {
  @IsString()
  @IsNotEmpty()
  room!: string;
}

/** `{ room, data }`: my_room_event. */
export class RoomMessage extends RoomRequest {
  @IsDefined()
  data!: unknown;
}

/**
 * What the server sends as `my response`. A class, so that `@Emits` can describe it in the contract; the server
 * does not validate what it sends, and the decorators only describe it.
 */
export class ChatResponse {
  @IsDefined()
  data!: unknown;

  /** How many events this client has sent (0 for the greeting). */
  @IsInt()
  @Min(0)
  count!: number;
}

/** What the server sends as `my error`: which event failed, and why. */
export class ChatError {
  @IsString()
  event!: string;

  @IsString()
  message!: string;
}

/** The server-to-client events of `/test`: with this map a misspelt event or payload does not compile. */
export interface TestServerEvents {
  'my response': (response: ChatResponse) => void;
  'my pong': () => void;
  'my error': (error: ChatError) => void;
}

/**
 * `/test`: the example's main namespace. Events whose names have spaces use `@On(...)`; the others use Flask's
 * `on_<event>` method names. One instance serves every client (singleton scope); per-client state lives in the
 * session, which classio keeps per connection.
 */
@Namespace('/test')
@Emits('my response', ChatResponse, { description: 'The answer to most events (the greeting, the echo, room news).' })
@Emits('my pong', null, { description: 'The answer to my ping, for the latency measure.' })
@Emits('my error', ChatError, { description: 'An event failed (sent by the error handler).' })
@injectable()
export class TestNamespace extends Namespace<Record<string, never>, TestServerEvents> {
  constructor(
    private readonly settings: ChatSettings,
    private readonly ticker: BackgroundTicker,
  ) {
    super();
  }

  /** 1. Greets the client; the first connection starts the server-wide background task. */
  on_connect(): void {
    this.ticker.start();
    this.emit('my response', { data: 'Connected', count: 0 });
  }

  /** 2. Echo to the sender. */
  @On('my event')
  echo(@Payload() message: TextMessage): void {
    this.emit('my response', { data: message.data, count: this.countEvent() });
  }

  /** 3. To every client of the namespace, sender included; at most 20 a second per client (`CLASSIO_ERR_THROTTLED`). */
  @On('my broadcast event')
  @Throttle({ limit: 20, windowMs: 1000 })
  broadcast(@Payload() message: TextMessage): void {
    this.emit('my response', { data: message.data, count: this.countEvent() }, emitOptions({ broadcast: true }));
  }

  /** 4. */
  on_join(@Payload() request: RoomRequest): void {
    this.joinRoom(request.room);
    this.emit('my response', { data: `In rooms: ${this.rooms().join(', ')}`, count: this.countEvent() });
  }

  /** 5. */
  on_leave(@Payload() request: RoomRequest): void {
    this.leaveRoom(request.room);
    this.emit('my response', { data: `In rooms: ${this.rooms().join(', ')}`, count: this.countEvent() });
  }

  /** 6. Tells the room, then empties it. */
  on_close_room(@Payload() request: RoomRequest): void {
    const count = this.countEvent();
    this.emit('my response', { data: `Room ${request.room} is closing.`, count }, emitOptions({ to: request.room }));
    this.closeRoom(request.room);
  }

  /** 7. */
  on_my_room_event(@Payload() message: RoomMessage): void {
    this.emit('my response', { data: message.data, count: this.countEvent() }, emitOptions({ to: message.room }));
  }

  /** 8. Says goodbye, and disconnects once the client has acknowledged it. */
  async on_disconnect_request(): Promise<void> {
    await this.call(this.sid, 'my response', { data: 'Disconnected!', count: this.countEvent() });
    this.disconnect();
  }

  /** 9. The page measures its latency with these. */
  @On('my ping')
  ping(): void {
    this.emit('my pong');
  }

  /** 10. The client's ack receives the event's own arguments (`ackArgs` answers with several, like Flask's tuple). */
  on_ack(...args: unknown[]): AckArguments {
    return ackArgs(...args);
  }

  /** 11. Fails on purpose, to show the error handler. */
  @On('my error event')
  fail(): never {
    throw new Error('boom');
  }

  /** The namespace's error handler: the sender learns which event failed and why. */
  @OnError()
  reportError(error: unknown, context: ErrorContext): void {
    const message = error instanceof Error ? error.message : String(error);
    this.emit('my error', { event: context.event, message });
  }

  /** 12. */
  on_disconnect(reason: string): void {
    this.settings.log(`client disconnected from /test: ${this.sid} (${reason})`);
  }

  /** The per-connection counter of Flask's example (`session['receive_count']`). */
  private countEvent(): number {
    const count = ((this.session.receiveCount as number | undefined) ?? 0) + 1;
    this.session.receiveCount = count;
    return count;
  }
}

/** Accepts a connection only when the handshake's auth carries the app's token. */
@injectable()
export class TokenGuard {
  constructor(private readonly settings: ChatSettings) {}

  canActivate(context: GuardContext): boolean {
    return context.auth.token === this.settings.token;
  }
}

/** `/private`: only for clients that know the token; anyone else gets connect_error `unauthorized`. */
@Namespace('/private')
@UseGuards(TokenGuard)
@injectable()
export class PrivateNamespace extends Namespace {
  /** Answers the ack with the client's sid. */
  @Replies(String)
  on_whoami(): string {
    return this.sid;
  }
}

/** `/`: sends every `message` straight back. */
@Namespace('/')
@Emits('message', Object, { description: "The client's message, sent back as it came." })
@injectable()
export class RootNamespace extends Namespace {
  on_message(...args: unknown[]): void {
    this.send(...args);
  }
}
