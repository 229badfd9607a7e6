import { expect } from 'chai';
import { inject, injectable, Lifecycle } from 'tsyringe';
import type { DependencyContainer } from 'tsyringe';
import type { Server } from '../../src/server';
import type { Socket } from '../../src/namespace/socket';
import { Namespace, CONNECTION_SOCKET } from '../../src';
import { ClientPool, until } from '../support/io';
import { MODES, register, request, useRuntimeServer } from './support';

@injectable()
class Greeter {
  greet(name: string): string {
    return `hello ${name}`;
  }
}

/** Records which per-connection instances were disposed. */
class Disposals {
  readonly instances: string[] = [];
  readonly services: string[] = [];
}

/** A per-connection service that gets the connection's socket and is disposed with its container. */
@injectable()
class ConnectionLog {
  constructor(
    @inject(CONNECTION_SOCKET) readonly socket: Socket,
    @inject(Disposals) private readonly disposals: Disposals,
  ) {}
  dispose(): void {
    this.disposals.services.push(this.socket.id);
  }
}

for (const mode of MODES) {
  describe(`Dependency injection (${mode.name})`, () => {
    let server: Server;
    let container: DependencyContainer;
    const clients = new ClientPool();

    useRuntimeServer(clients, (started) => ({ server, container } = started));

    it('injects services into a singleton namespace', async () => {
      @Namespace('/greet')
      class Greet extends Namespace {
        constructor(private readonly greeter: Greeter) {
          super();
        }
        on_greet(name: string) {
          return this.greeter.greet(name);
        }
      }
      register(server, Greet);
      const client = await clients.connect(server, '/greet', mode);
      expect(await request(client, 'greet', 'ada')).to.equal('hello ada');
    });

    it('shares one instance between clients by default', async () => {
      @Namespace('/shared')
      class Shared extends Namespace {
        count = 0;
        on_bump() {
          return ++this.count;
        }
      }
      register(server, Shared);
      const a = await clients.connect(server, '/shared', mode);
      const b = await clients.connect(server, '/shared', mode);
      expect(await request(a, 'bump')).to.equal(1);
      expect(await request(b, 'bump')).to.equal(2);
    });

    describe("scope: 'connection'", () => {
      it('gives each connection its own instance and disposes it on disconnect', async () => {
        const disposals = new Disposals();
        container.registerInstance(Disposals, disposals);
        container.register(ConnectionLog, { useClass: ConnectionLog }, { lifecycle: Lifecycle.ContainerScoped });

        @Namespace('/counter', { scope: 'connection' })
        class Counter extends Namespace {
          count = 0;
          constructor(
            private readonly log: ConnectionLog,
            private readonly greeter: Greeter,
          ) {
            super();
          }
          on_bump() {
            return ++this.count;
          }
          on_owner() {
            return [this.log.socket.id, this.greeter.greet('x')];
          }
          dispose() {
            disposals.instances.push(this.log.socket.id);
          }
        }
        register(server, Counter);
        const a = await clients.connect(server, '/counter', mode);
        const b = await clients.connect(server, '/counter', mode);
        expect(await request(a, 'bump')).to.equal(1);
        expect(await request(a, 'bump')).to.equal(2);
        expect(await request(b, 'bump')).to.equal(1);
        expect(await request(b, 'owner')).to.deep.equal([b.id, 'hello x']);

        const aId = a.id;
        a.disconnect();
        await until(() => disposals.services.length === 1, 'the disposal');
        expect(disposals.instances).to.deep.equal([aId]);
        expect(disposals.services).to.deep.equal([aId]);
        expect(await request(b, 'bump')).to.equal(2);
      });

      it('disposes the instance of a connection its on_connect refused', async () => {
        const disposed: string[] = [];
        @Namespace('/refusing', { scope: 'connection' })
        class Refusing extends Namespace {
          on_connect() {
            return false;
          }
          dispose() {
            disposed.push('gone');
          }
        }
        register(server, Refusing);
        const client = clients.open(server, '/refusing', mode);
        await new Promise((resolve) => client.once('connect_error', resolve));
        expect(disposed).to.deep.equal(['gone']);
      });
    });
  });
}
