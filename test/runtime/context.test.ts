import { expect } from 'chai';
import type { Server } from '../../src/server';
import { AckTimeoutError } from '../../src/errors';
import {
  Namespace,
  ConnectedSocket,
  Context,
  Session,
  call,
  currentEvent,
  currentSession,
  currentSid,
  emit,
  emitOptions,
  joinRoom,
  leaveRoom,
  rooms,
  type HandlerContext,
} from '../../src';
import type { Socket } from '../../src/namespace/socket';
import { ClientPool, collect, delay, nextEvent, until } from '../support/io';
import { MODES, register, request, useRuntimeServer } from './support';

for (const mode of MODES) {
  describe(`Handler context (${mode.name})`, () => {
    let server: Server;
    const clients = new ClientPool();

    useRuntimeServer(clients, (started) => ({ server } = started));

    describe('context-aware functions', () => {
      it('keep the current client across an await, with concurrent clients', async () => {
        @Namespace('/ctx')
        class Ctx extends Namespace {
          async on_slow(ms: number) {
            const before = currentSid();
            await delay(ms);
            emit('done', currentEvent());
            return [before, currentSid(), this.sid];
          }
        }
        register(server, Ctx);
        const a = await clients.connect(server, '/ctx', mode);
        const b = await clients.connect(server, '/ctx', mode);
        const done = nextEvent<[string]>(a, 'done');
        const [answerA, answerB] = await Promise.all([request(a, 'slow', 30), request(b, 'slow', 1)]);
        expect(answerA).to.deep.equal([a.id, a.id, a.id]);
        expect(answerB).to.deep.equal([b.id, b.id, b.id]);
        expect(await done).to.deep.equal(['slow']);
      });

      it('keep the current client in timers and promise callbacks started by a synchronous handler', async () => {
        // A plain (non-async) handler's synchronous part reads a fast active context; what it schedules must still
        // see its own client through the storage, even when another client's handler runs in between.
        @Namespace('/later')
        class Later extends Namespace {
          on_later(ms: number): void {
            setTimeout(() => emit('timer', currentSid(), this.sid), ms);
            void delay(ms).then(() => this.emit('then', currentSid()));
          }
        }
        register(server, Later);
        const a = await clients.connect(server, '/later', mode);
        const b = await clients.connect(server, '/later', mode);
        const timerA = nextEvent<[string, string]>(a, 'timer');
        const thenA = nextEvent<[string]>(a, 'then');
        const timerB = nextEvent<[string, string]>(b, 'timer');
        a.emit('later', 40);
        b.emit('later', 1);
        expect(await timerB).to.deep.equal([b.id, b.id]);
        expect(await timerA).to.deep.equal([a.id, a.id]);
        expect(await thenA).to.deep.equal([a.id]);
      });

      it('keep a per-connection session across events', async () => {
        @Namespace('/session')
        class SessionNs extends Namespace {
          on_login(name: string) {
            currentSession().name = name;
          }
          on_whoami(@Session() session: { name?: string }) {
            return [session.name, this.session.name];
          }
        }
        register(server, SessionNs);
        const a = await clients.connect(server, '/session', mode);
        const b = await clients.connect(server, '/session', mode);
        await request(a, 'login', 'ada');
        await request(b, 'login', 'bob');
        expect(await request(a, 'whoami')).to.deep.equal(['ada', 'ada']);
        expect(await request(b, 'whoami')).to.deep.equal(['bob', 'bob']);
      });

      it('join and leave rooms and emit to a room without the sender', async () => {
        @Namespace('/rooms')
        class Rooms extends Namespace {
          async on_join(room: string) {
            await Promise.resolve();
            joinRoom(room);
            return rooms().sort();
          }
          on_leave(room: string) {
            leaveRoom(room);
            return rooms();
          }
          on_say(room: string, text: string) {
            this.emit('said', text, emitOptions({ to: room, includeSelf: false }));
          }
          on_everyone(text: string) {
            emit('said', text, emitOptions({ broadcast: true }));
          }
        }
        register(server, Rooms);
        const a = await clients.connect(server, '/rooms', mode);
        const b = await clients.connect(server, '/rooms', mode);
        expect(await request(a, 'join', 'lobby')).to.deep.equal([a.id, 'lobby'].sort());
        await request(b, 'join', 'lobby');
        const receivedA = collect(a, 'said');
        const receivedB = collect(b, 'said');
        await request(a, 'say', 'lobby', 'hi');
        await until(() => receivedB.length === 1, 'the room message');
        await request(b, 'leave', 'lobby');
        await request(a, 'everyone', 'all');
        await until(() => receivedA.length === 1 && receivedB.length === 2, 'the broadcast');
        expect(receivedA).to.deep.equal([['all']]);
        expect(receivedB).to.deep.equal([['hi'], ['all']]);
      });

      it('emit to another namespace with the namespace option', async () => {
        @Namespace('/news')
        class News extends Namespace {}
        @Namespace('/desk')
        class Desk extends Namespace {
          on_publish(text: string) {
            emit('headline', text, emitOptions({ namespace: '/news', broadcast: true }));
          }
        }
        register(server, News);
        register(server, Desk);
        const reader = await clients.connect(server, '/news', mode);
        const writer = await clients.connect(server, '/desk', mode);
        const headline = nextEvent<[string]>(reader, 'headline');
        writer.emit('publish', 'extra');
        expect(await headline).to.deep.equal(['extra']);
      });

      it('broadcast from the Namespace instance outside any handler', async () => {
        @Namespace('/ticker')
        class Ticker extends Namespace {}
        const ticker = new Ticker('/ticker');
        register(server, ticker);
        const a = await clients.connect(server, '/ticker', mode);
        const b = await clients.connect(server, '/ticker', mode);
        const ticks = [nextEvent<[number]>(a, 'tick'), nextEvent<[number]>(b, 'tick')];
        ticker.emit('tick', 1);
        expect(await Promise.all(ticks)).to.deep.equal([[1], [1]]);
      });

      it('inject the socket and the context as parameters', async () => {
        @Namespace('/params')
        class Params extends Namespace {
          on_info(value: number, @ConnectedSocket() socket: Socket, @Context() context: HandlerContext) {
            return [value, socket.id, context.event, context.args];
          }
        }
        register(server, Params);
        const client = await clients.connect(server, '/params', mode);
        expect(await request(client, 'info', 5)).to.deep.equal([5, client.id, 'info', [5]]);
      });
    });

    describe('Socket.IO-style listeners registered in a handler', () => {
      it("run with their socket's context in a singleton, for that client only", async () => {
        const leaving: string[] = [];
        @Namespace('/raw')
        class Raw extends Namespace {
          on_connect(auth: { name: string }) {
            this.session.name = auth.name;
            this.socket.onAny((event: string) => this.emit('any', event, this.sid, this.session.name, currentEvent()));
            this.socket.on('raw', (value: number, ack: (answer: unknown) => void) =>
              ack([value, currentSid(), this.session.name, this.event, this.context?.args]),
            );
            this.socket.on('disconnecting', (reason: string) => leaving.push(`${String(this.session.name)} ${reason}`));
          }
        }
        register(server, Raw);
        const ada = await clients.connect(server, '/raw', mode, { auth: { name: 'ada' } });
        const bob = await clients.connect(server, '/raw', mode, { auth: { name: 'bob' } });
        const adaAny = nextEvent<unknown[]>(ada, 'any');
        expect(await request(ada, 'raw', 1)).to.deep.equal([1, ada.id, 'ada', 'raw', [1]]);
        expect(await adaAny).to.deep.equal(['raw', ada.id, 'ada', 'raw']);
        expect(await request(bob, 'raw', 2)).to.deep.equal([2, bob.id, 'bob', 'raw', [2]]);
        bob.disconnect();
        await until(() => leaving.length === 1, 'the disconnecting listener');
        expect(leaving).to.deep.equal(['bob client namespace disconnect']);
      });

      it('can be removed with off() by the function that was registered', async () => {
        const heard: string[] = [];
        @Namespace('/raw-off')
        class RawOff extends Namespace {
          on_connect() {
            const listener = (value: string) => heard.push(`${value} ${this.sid}`);
            this.socket.on('ping', listener);
            this.socket.on('stop', () => this.socket.off('ping', listener));
          }
        }
        register(server, RawOff);
        const client = await clients.connect(server, '/raw-off', mode);
        client.emit('ping', 'first');
        client.emit('stop');
        const answer = await request<{ error: { code: string } }>(client, 'ping', 'second');
        expect(answer.error.code).to.equal('CLASSIO_ERR_UNKNOWN_EVENT');
        expect(heard).to.deep.equal([`first ${client.id}`]);
      });
    });

    describe('call()', () => {
      @Namespace('/call')
      class Caller extends Namespace {
        async on_ask(question: string) {
          return await this.call(this.sid, 'question', question, emitOptions({ timeout: 1000 }));
        }
        async on_ask_free(question: string) {
          return await call(currentSid(), 'question', question, emitOptions({ timeout: 1000 }));
        }
        async on_ask_twice(question: string) {
          // The first answer arrives on another connection's data event; the second call then needs the context.
          const first = await call(currentSid(), 'question', question, emitOptions({ timeout: 1000 }));
          const second = await call(currentSid(), 'question', `${first as string}!`, emitOptions({ timeout: 1000 }));
          return [first, second, currentSid(), currentEvent()];
        }
        async on_ask_silent() {
          try {
            return await this.call(this.sid, 'silent', emitOptions({ timeout: 50 }));
          } catch (error) {
            return { timedOut: error instanceof AckTimeoutError, code: (error as AckTimeoutError).code };
          }
        }
      }

      it('resolves with the client ack', async () => {
        register(server, Caller);
        const client = await clients.connect(server, '/call', mode);
        client.on('question', (question: string, ack: (answer: string) => void) => ack(`${question}? yes`));
        expect(await request(client, 'ask', 'ready')).to.equal('ready? yes');
        expect(await request(client, 'ask_free', 'sure')).to.equal('sure? yes');
      });

      it("keeps the handler's context after awaiting a client's ack, with another client asking meanwhile", async () => {
        // Node 24's AsyncLocalStorage follows the async context frame of the `await`, Node 20's the promise hooks:
        // either way the continuation must see its own client, not the one whose packet resolved the call.
        register(server, Caller);
        const a = await clients.connect(server, '/call', mode);
        const b = await clients.connect(server, '/call', mode);
        a.on('question', (question: string, ack: (answer: string) => void) =>
          setTimeout(() => ack(`a:${question}`), 20),
        );
        b.on('question', (question: string, ack: (answer: string) => void) => ack(`b:${question}`));
        const answers: unknown[] = await Promise.all([request(a, 'ask_twice', 'x'), request(b, 'ask_twice', 'y')]);
        expect(answers).to.deep.equal([
          ['a:x', 'a:a:x!', a.id, 'ask_twice'],
          ['b:y', 'b:b:y!', b.id, 'ask_twice'],
        ]);
      });

      it('rejects with AckTimeoutError when the client does not answer in time', async () => {
        register(server, Caller);
        const client = await clients.connect(server, '/call', mode);
        client.on('silent', () => {});
        expect(await request(client, 'ask_silent')).to.deep.equal({ timedOut: true, code: 'CLASSIO_ERR_ACK_TIMEOUT' });
      });
    });
  });
}
