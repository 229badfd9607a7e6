import { expect } from 'chai';
import { Exclude, Expose } from 'class-transformer';
import type { Server } from '../../src/server';
import { Namespace, SerializeInterceptor, UseInterceptors, ackArgs } from '../../src';
import { ClientPool } from '../support/io';
import { MODES, register, request, useRuntimeServer } from './support';

class UserView {
  name: string;
  @Exclude()
  passwordHash = 'bcrypt$secret';
  #internal = 'never sent';

  constructor(name: string) {
    this.name = name;
  }

  @Expose()
  get greeting(): string {
    return `hello ${this.name} ${this.#internal.length}`;
  }
}

class AuditedView {
  id = 7;
  @Expose({ groups: ['admin'] })
  createdBy = 'root';
}

for (const mode of MODES) {
  describe(`SerializeInterceptor (${mode.name})`, () => {
    let server: Server;
    const clients = new ClientPool();
    useRuntimeServer(clients, (started) => ({ server } = started));

    it('answers the ack with a returned instance as plain data: @Exclude fields left out, @Expose getters in', async () => {
      @Namespace('/users')
      @UseInterceptors(new SerializeInterceptor())
      class Users extends Namespace {
        on_me() {
          return new UserView('ada');
        }
        async on_all() {
          await Promise.resolve();
          return [new UserView('ada'), new UserView('alan')];
        }
        on_two() {
          return ackArgs(new UserView('ada'), 'plain');
        }
        on_plain() {
          return { n: 1, list: ['a'] };
        }
      }
      register(server, Users);
      const client = await clients.connect(server, '/users', mode);
      expect(await request(client, 'me')).to.deep.equal({ name: 'ada', greeting: 'hello ada 10' });
      expect(await request(client, 'all')).to.deep.equal([
        { name: 'ada', greeting: 'hello ada 10' },
        { name: 'alan', greeting: 'hello alan 10' },
      ]);
      const two = await new Promise<unknown[]>((resolve) => client.emit('two', (...args: unknown[]) => resolve(args)));
      expect(two).to.deep.equal([{ name: 'ada', greeting: 'hello ada 10' }, 'plain']);
      expect(await request(client, 'plain')).to.deep.equal({ n: 1, list: ['a'] });
    });

    it('without it, a returned instance goes out with its excluded fields (the reason it exists)', async () => {
      @Namespace('/raw')
      class Raw extends Namespace {
        on_me() {
          return new UserView('ada');
        }
      }
      register(server, Raw);
      const client = await clients.connect(server, '/raw', mode);
      expect(await request(client, 'me')).to.deep.equal({ name: 'ada', passwordHash: 'bcrypt$secret' });
    });

    it('passes its class-transformer options (groups) and serializes functional handlers as a global interceptor', async () => {
      server.useGlobalInterceptors(new SerializeInterceptor({ groups: ['admin'] }));
      server.on('audit', () => new AuditedView());
      server.on('bytes', () => Buffer.from([1, 2, 3]));
      const client = await clients.connect(server, '/', mode);
      expect(await request(client, 'audit')).to.deep.equal({ id: 7, createdBy: 'root' });
      const bytes = await request<Buffer>(client, 'bytes');
      expect([...new Uint8Array(bytes)]).to.deep.equal([1, 2, 3]);
    });
  });
}
