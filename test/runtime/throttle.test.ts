import { expect } from 'chai';
import { Server } from '../../src/server';
import { Namespace, Throttle, OnError, ThrottledError, type ExecutionContext } from '../../src';
import { NamespaceExplorer } from '../../src/runtime/explorer';
import { TestClient } from '../../src/testing';
import { ClientPool } from '../support/io';
import { MODES, register, request, useRuntimeServer } from './support';

interface ThrottledAnswer {
  error: { code: string; message: string; data: { retryAfterMs: number } };
}

for (const mode of MODES) {
  describe(`@Throttle (${mode.name})`, () => {
    let server: Server;
    const clients = new ClientPool();
    useRuntimeServer(clients, (started) => ({ server } = started));

    it('refuses events past the limit with CLASSIO_ERR_THROTTLED and the retry hint', async () => {
      let runs = 0;
      @Namespace('/limited')
      class Limited extends Namespace {
        @Throttle({ limit: 2, windowMs: 60_000 })
        on_ping() {
          runs++;
          return 'pong';
        }
      }
      register(server, Limited);
      const client = await clients.connect(server, '/limited', mode);
      expect(await request(client, 'ping')).to.equal('pong');
      expect(await request(client, 'ping')).to.equal('pong');
      const answer = await request<ThrottledAnswer>(client, 'ping');
      expect(answer.error.code).to.equal('CLASSIO_ERR_THROTTLED');
      expect(answer.error.message).to.match(/the limit is 2 per 60000 ms/);
      expect(answer.error.data.retryAfterMs).to.be.within(1, 60_000);
      expect(runs).to.equal(2);
      // Another client has its own count.
      const other = await clients.connect(server, '/limited', mode);
      expect(await request(other, 'ping')).to.equal('pong');
    });

    it('counts per key taken from the context, and reaches the error handler without an ack', async () => {
      const errors: unknown[] = [];
      @Namespace('/keyed')
      @Throttle({ limit: 1, windowMs: 60_000, key: (context: ExecutionContext) => String(context.auth.user) })
      class Keyed extends Namespace {
        on_post() {
          return 'posted';
        }
        @OnError(ThrottledError)
        throttled(error: ThrottledError) {
          errors.push(error.data);
        }
      }
      register(server, Keyed);
      const first = await clients.connect(server, '/keyed', mode, { auth: { user: 'ada' } });
      const second = await clients.connect(server, '/keyed', mode, { auth: { user: 'ada' } });
      expect(await request(first, 'post')).to.equal('posted');
      second.emit('post');
      const answer = await request<ThrottledAnswer>(second, 'post');
      expect(answer.error.code).to.equal('CLASSIO_ERR_THROTTLED');
      expect(errors).to.have.length(2);
    });

    it('refuses bad options at registration', () => {
      @Namespace('/bad')
      class Bad extends Namespace {
        @Throttle({ limit: 0, windowMs: 1000 })
        on_x() {}
      }
      expect(() => register(server, Bad))
        .to.throw('limit must be a positive integer')
        .with.property('code', 'CLASSIO_ERR_CONFIG');
    });
  });
}

describe('@Throttle state', () => {
  it('does not grow after 10,000 distinct clients came and went', async () => {
    const server = new Server({ logger: false });
    try {
      @Namespace('/bounded')
      class Bounded extends Namespace {
        @Throttle({ limit: 5, windowMs: 50 })
        on_hit() {
          return 'ok';
        }
      }
      const compiled = new NamespaceExplorer().compile(Bounded);
      const nsp = server.of('/bounded');
      nsp.install(compiled.table, 'Bounded');
      const throttle = compiled.throttlers[0];
      for (let i = 0; i < 10_000; i += 500) {
        const batch = Array.from({ length: 500 }, () => new TestClient(server, '/bounded'));
        await Promise.all(batch.map((client) => client.ready));
        await Promise.all(batch.map((client) => client.emitWithAck('hit')));
        for (const client of batch) client.close();
      }
      expect(nsp.sockets.size).to.equal(0);
      await new Promise((resolve) => setTimeout(resolve, 60));
      const last = new TestClient(server, '/bounded');
      await last.ready;
      expect(await last.emitWithAck('hit')).to.deep.equal(['ok']);
      expect(throttle.size).to.equal(1);
      last.close();
    } finally {
      await server.close();
    }
  });
});
