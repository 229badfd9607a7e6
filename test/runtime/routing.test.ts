import { expect } from 'chai';
import type { Server } from '../../src/server';
import type { ServerNamespace } from '../../src/namespace/server-namespace';
import { ConfigurationError } from '../../src/errors';
import { Namespace, On, Ack, currentSid, emit } from '../../src';
import { ClientPool, nextEvent, until } from '../support/io';
import { MODES, register, request, useRuntimeServer } from './support';

for (const mode of MODES) {
  describe(`Runtime routing (${mode.name})`, () => {
    let server: Server;
    const clients = new ClientPool();

    useRuntimeServer(clients, (started) => ({ server } = started));

    describe('on_<event> methods', () => {
      it('routes my_event to on_my_event and answers the ack with the return value', async () => {
        @Namespace('/test')
        class Test extends Namespace {
          on_my_event(text: string, count: number) {
            return `${text}:${count}`;
          }
        }
        register(server, Test);
        const client = await clients.connect(server, '/test', mode);
        expect(await request(client, 'my_event', 'hi', 3)).to.equal('hi:3');
      });

      it('runs on_connect with the auth payload and on_disconnect with the reason', async () => {
        const seen: unknown[] = [];
        @Namespace('/life')
        class Life extends Namespace {
          on_connect(auth: unknown) {
            seen.push(['connect', auth]);
            this.emit('welcome', this.sid);
          }
          on_disconnect(reason: string) {
            seen.push(['disconnect', reason]);
          }
        }
        register(server, Life);
        const client = clients.open(server, '/life', mode, { auth: { name: 'ada' } });
        const [sid] = await nextEvent<[string]>(client, 'welcome');
        expect(sid).to.equal(client.id);
        client.disconnect();
        await until(() => seen.length === 2, 'on_disconnect');
        expect(seen).to.deep.equal([
          ['connect', { name: 'ada' }],
          ['disconnect', 'client namespace disconnect'],
        ]);
      });
    });

    describe('@On', () => {
      it('routes an event whose name has spaces', async () => {
        @Namespace('/spaces')
        class Spaces extends Namespace {
          @On('my event')
          handle(value: number) {
            return value * 2;
          }
        }
        register(server, Spaces);
        const client = await clients.connect(server, '/spaces', mode);
        expect(await request(client, 'my event', 21)).to.equal(42);
      });

      it('lets one method handle several events', async () => {
        @Namespace('/multi')
        class Multi extends Namespace {
          @On('a')
          @On('b')
          both() {
            return this.event;
          }
        }
        register(server, Multi);
        const client = await clients.connect(server, '/multi', mode);
        expect([await request(client, 'a'), await request(client, 'b')]).to.deep.equal(['a', 'b']);
      });

      it('gives the decorator precedence over an on_<event> method for the same event', async () => {
        @Namespace('/precedence')
        class Precedence extends Namespace {
          on_greet() {
            return 'method name';
          }
          @On('greet')
          decorated() {
            return 'decorator';
          }
        }
        register(server, Precedence);
        const client = await clients.connect(server, '/precedence', mode);
        expect(await request(client, 'greet')).to.equal('decorator');
      });

      it('hands an @Ack() parameter the ack callback and does not send the return value', async () => {
        @Namespace('/later')
        class Later extends Namespace {
          on_slow(value: string, @Ack() ack: (...args: unknown[]) => void) {
            setTimeout(() => ack(`done ${value}`), 5);
            return 'ignored';
          }
        }
        register(server, Later);
        const client = await clients.connect(server, '/later', mode);
        expect(await request(client, 'slow', 'x')).to.equal('done x');
      });

      it('ignores an event without a handler', async () => {
        @Namespace('/quiet')
        class Quiet extends Namespace {
          on_ping() {
            return 'pong';
          }
        }
        register(server, Quiet);
        const client = await clients.connect(server, '/quiet', mode);
        client.emit('nobody listens', 1);
        expect(await request(client, 'ping')).to.equal('pong');
      });
    });

    describe('inheritance', () => {
      abstract class Base extends Namespace {
        on_hello() {
          return 'base hello';
        }
        @On('who am i')
        who() {
          return 'base';
        }
        on_shared() {
          return 'base shared';
        }
      }

      it('inherits handlers and overrides by redeclaring the method or the event', async () => {
        @Namespace('/child')
        class Child extends Base {
          override who() {
            return 'child';
          }
          @On('shared')
          replacement() {
            return 'child shared';
          }
          on_own() {
            return 'own';
          }
        }
        register(server, Child);
        const client = await clients.connect(server, '/child', mode);
        expect(await request(client, 'hello')).to.equal('base hello');
        expect(await request(client, 'who am i')).to.equal('child');
        expect(await request(client, 'shared')).to.equal('child shared');
        expect(await request(client, 'own')).to.equal('own');
      });

      it('lets two namespaces share one abstract base', async () => {
        @Namespace('/one')
        class One extends Base {}
        @Namespace('/two')
        class Two extends Base {
          override on_hello() {
            return 'two hello';
          }
        }
        register(server, One);
        register(server, Two);
        const one = await clients.connect(server, '/one', mode);
        const two = await clients.connect(server, '/two', mode);
        expect(await request(one, 'hello')).to.equal('base hello');
        expect(await request(two, 'hello')).to.equal('two hello');
      });
    });

    describe('instances and the functional form', () => {
      it('registers an instance with its constructor path, as Flask on_namespace', async () => {
        class Plain extends Namespace {
          on_where() {
            return this.namespace;
          }
        }
        register(server, new Plain('/plain'));
        const client = await clients.connect(server, '/plain', mode);
        expect(await request(client, 'where')).to.equal('/plain');
      });

      it('routes a decorated class that does not extend Namespace, with the context functions', async () => {
        @Namespace('/bare')
        class Bare {
          @On('who')
          who() {
            return [currentSid(), this instanceof Bare];
          }
        }
        register(server, Bare);
        const client = await clients.connect(server, '/bare', mode);
        expect(await request(client, 'who')).to.deep.equal([client.id, true]);
      });

      it('routes a functional handler inside the event context', async () => {
        server.on(
          'shout',
          (text: string) => {
            emit('echo', text.toUpperCase());
            return currentSid();
          },
          { namespace: '/fn' },
        );
        const client = await clients.connect(server, '/fn', mode);
        const echoed = nextEvent<[string]>(client, 'echo');
        expect(await request(client, 'shout', 'hey')).to.equal(client.id);
        expect(await echoed).to.deep.equal(['HEY']);
      });
    });

    describe('server.on() with server-level event names', () => {
      it('calls a new_namespace listener for each namespace created, never for a client emitting it', async () => {
        const created: string[] = [];
        server.on('new_namespace', (nsp: ServerNamespace) => created.push(nsp.name));
        const client = await clients.connect(server, '/', mode);
        expect(await request(client, 'new_namespace', { name: '/fake' })).to.deep.equal({
          error: { code: 'CLASSIO_ERR_UNKNOWN_EVENT', message: 'no handler for event "new_namespace" in namespace /' },
        });
        expect(created).to.deep.equal([]);
        server.of('/late');
        server.of('/late');
        @Namespace('/registered')
        class Registered extends Namespace {}
        register(server, Registered);
        expect(created).to.deep.equal(['/late', '/registered']);
        expect(server.of('/').routes.has('new_namespace')).to.equal(false);
      });

      it('calls a connection listener with each connected socket, never for a client emitting "connection"', async () => {
        const sockets: string[] = [];
        server.on('connection', (socket: { id: string }) => sockets.push(socket.id));
        const client = await clients.connect(server, '/', mode);
        const answer = await request<{ error: { code: string } }>(client, 'connection');
        expect(answer.error.code).to.equal('CLASSIO_ERR_UNKNOWN_EVENT');
        expect(sockets).to.deep.equal([client.id]);
      });

      for (const event of ['connect_error', 'disconnecting', 'newListener', 'removeListener']) {
        it(`refuses "${event}", which no client can send, with a ConfigurationError`, () => {
          expect(() => server.on(event, () => undefined))
            .to.throw(ConfigurationError, `server.on("${event}"): "${event}" is reserved by Socket.IO`)
            .with.property('code', 'CLASSIO_ERR_CONFIG');
        });
      }

      it('refuses a namespace for new_namespace, which is server-wide', () => {
        // The overload for 'new_namespace' takes no options, so only an untyped caller can get here.
        const event: string = 'new_namespace';
        expect(() => server.on(event, () => undefined, { namespace: '/x' }))
          .to.throw(ConfigurationError, 'server.on("new_namespace") listens to the whole server')
          .with.property('code', 'CLASSIO_ERR_CONFIG');
      });
    });
  });
}
