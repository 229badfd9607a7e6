import { expect } from 'chai';
import { injectable } from 'tsyringe';
import { IsString, Length } from 'class-validator';
import {
  ConnectError,
  Namespace,
  On,
  OnError,
  Payload,
  Server,
  UseGuards,
  ValidationError,
  currentSid,
  emitOptions,
  type ErrorContext,
  type GuardContext,
} from '../../src';
import { TestClient } from '../../src/testing';

/*
 * The README's tour, as code that runs: if this file needs a change, the README's tour needs the same one.
 */

class ChatMessage {
  @IsString()
  @Length(1, 200)
  text!: string;
}

@injectable()
class History {
  readonly lines: string[] = [];
}

@injectable()
class TokenGuard {
  canActivate(context: GuardContext): boolean {
    if (context.auth.token === 'let-me-in') return true;
    throw new ConnectError('bad token', { hint: 'send auth.token' });
  }
}

@injectable()
class NotMuted {
  canActivate(context: GuardContext): boolean {
    return context.session.muted !== true;
  }
}

@Namespace('/chat')
@UseGuards(TokenGuard)
@injectable()
class Chat extends Namespace {
  constructor(private readonly history: History) {
    super();
  }

  on_connect(): void {
    this.session.name = 'anonymous';
  }

  on_set_name(name: string): string {
    this.session.name = name;
    return 'ok';
  }

  @On('chat message')
  @UseGuards(NotMuted)
  chat(@Payload() message: ChatMessage): number {
    this.history.lines.push(message.text);
    this.emit('chat message', { from: this.session.name, text: message.text }, emitOptions({ broadcast: true }));
    return this.history.lines.length;
  }

  on_join(room: string): string[] {
    this.joinRoom(room);
    return this.rooms();
  }

  on_mute(): void {
    this.session.muted = true;
  }

  async on_whoami(): Promise<string> {
    await new Promise((resolve) => setTimeout(resolve, 10));
    return currentSid();
  }

  on_fail(): never {
    throw new Error('boom');
  }

  @OnError(ValidationError)
  invalid(error: ValidationError): unknown {
    return { ok: false, problems: error.data };
  }

  @OnError()
  failed(error: unknown, context: ErrorContext): void {
    this.emit('oops', { event: context.event, message: (error as Error).message });
  }
}

describe('README tour', () => {
  let server: Server;

  beforeEach(() => {
    server = new Server({ logger: false });
    server.register(Chat);
  });

  afterEach(async () => {
    await server.close();
  });

  it("refuses a client without the token with the guard's reason and data", async () => {
    const client = new TestClient(server, '/chat');
    expect(await client.ready).to.equal(false);
    expect(client.connectError()).to.deep.equal({ message: 'bad token', data: { hint: 'send auth.token' } });
  });

  it('routes on_ methods and @On events, answers acks with return values', async () => {
    const alice = new TestClient(server, '/chat', { auth: { token: 'let-me-in' } });
    const bob = new TestClient(server, '/chat', { auth: { token: 'let-me-in' } });
    expect(await alice.ready).to.equal(true);
    await bob.ready;
    expect(await alice.emitWithAck('set_name', 'alice')).to.deep.equal(['ok']);
    expect(await alice.emitWithAck('chat message', { text: 'hi' })).to.deep.equal([1]);
    expect((await bob.waitFor('chat message')).args).to.deep.equal([{ from: 'alice', text: 'hi' }]);
    expect(await alice.emitWithAck('join', 'lobby')).to.deep.equal([[alice.id(), 'lobby']]);
    expect(await alice.emitWithAck('whoami')).to.deep.equal([alice.id()]);
  });

  it('validates DTOs and routes errors to the matching @OnError', async () => {
    const client = new TestClient(server, '/chat', { auth: { token: 'let-me-in' } });
    await client.ready;
    const [answer] = await client.emitWithAck('chat message', { text: '' });
    expect(answer).to.deep.equal({
      ok: false,
      problems: [{ property: 'text', constraints: { isLength: 'text must be longer than or equal to 1 characters' } }],
    });
    client.emit('fail');
    expect((await client.waitFor('oops')).args).to.deep.equal([{ event: 'fail', message: 'boom' }]);
  });

  it('answers the ack with the error body when a method guard refuses', async () => {
    const client = new TestClient(server, '/chat', { auth: { token: 'let-me-in' } });
    await client.ready;
    client.emit('mute');
    const [answer] = await client.emitWithAck('chat message', { text: 'hi' });
    expect(answer).to.have.nested.property('error.code', 'CLASSIO_ERR_FORBIDDEN');
    expect((await client.waitFor('oops')).args[0]).to.have.property('event', 'chat message');
  });
});
