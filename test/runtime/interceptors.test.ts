import { expect } from 'chai';
import { injectable } from 'tsyringe';
import type { Server } from '../../src/server';
import {
  Namespace,
  UseInterceptors,
  UseEventGuards,
  UseGuards,
  OnError,
  HandlerError,
  createParamDecorator,
  type CallHandler,
  type ExecutionContext,
} from '../../src';
import { ClientPool } from '../support/io';
import { GuardContext } from '../../src/runtime/guard-context';
import { runIntercepted } from '../../src/runtime/interceptor';
import type { Socket } from '../../src/namespace/socket';
import { MODES, register, request, useRuntimeServer } from './support';

/** Records the order in which enhancers ran, per test. */
let trail: string[] = [];

function tracing(name: string) {
  return class {
    async intercept(_context: ExecutionContext, next: CallHandler) {
      trail.push(`${name}:before`);
      const result = await next.handle();
      trail.push(`${name}:after`);
      return result;
    }
  };
}

const Global = tracing('global');
const Parent = tracing('parent');
const ClassLevel = tracing('class');
const MethodLevel = tracing('method');

class Wrap {
  async intercept(_context: ExecutionContext, next: CallHandler) {
    return { wrapped: await next.handle() };
  }
}

class Cached {
  intercept(context: ExecutionContext) {
    return `cached ${context.event}`;
  }
}

class SeesErrors {
  async intercept(_context: ExecutionContext, next: CallHandler) {
    try {
      return await next.handle();
    } catch (error) {
      return { caught: (error as Error).message };
    }
  }
}

@injectable()
class Timing {
  static readonly timings: { event: string; ms: number }[] = [];
  async intercept(context: ExecutionContext, next: CallHandler) {
    const start = performance.now();
    try {
      return await next.handle();
    } finally {
      Timing.timings.push({ event: context.event, ms: performance.now() - start });
    }
  }
}

class AllowOnly {
  constructor(private readonly user: string) {}
  canActivate(context: ExecutionContext) {
    trail.push('guard');
    return context.auth.user === this.user;
  }
}

const User = createParamDecorator((context: ExecutionContext) => context.auth.user);

for (const mode of MODES) {
  describe(`Interceptors (${mode.name})`, () => {
    let server: Server;
    const clients = new ClientPool();
    useRuntimeServer(clients, (started) => ({ server } = started));
    beforeEach(() => {
      trail = [];
    });

    it('runs global, inherited class, class and method interceptors in that order around the handler', async () => {
      server.useGlobalInterceptors(Global);
      @UseInterceptors(Parent)
      class Base extends Namespace {}
      @Namespace('/order')
      @UseInterceptors(ClassLevel)
      class Order extends Base {
        @UseInterceptors(MethodLevel)
        on_go() {
          trail.push('handler');
          return 'done';
        }
      }
      register(server, Order);
      const client = await clients.connect(server, '/order', mode);
      expect(await request(client, 'go')).to.equal('done');
      expect(trail).to.deep.equal([
        'global:before',
        'parent:before',
        'class:before',
        'method:before',
        'handler',
        'method:after',
        'class:after',
        'parent:after',
        'global:after',
      ]);
    });

    it('lets an interceptor skip the handler and answer the ack itself', async () => {
      let calls = 0;
      @Namespace('/cache')
      class Cache extends Namespace {
        @UseInterceptors(new Cached())
        on_get() {
          calls++;
          return 'fresh';
        }
      }
      register(server, Cache);
      const client = await clients.connect(server, '/cache', mode);
      expect(await request(client, 'get')).to.equal('cached get');
      expect(calls).to.equal(0);
    });

    it('answers the ack with the transformed result', async () => {
      @Namespace('/wrap')
      @UseInterceptors(Wrap)
      class Wrapped extends Namespace {
        on_echo(text: string) {
          return text;
        }
      }
      register(server, Wrapped);
      const client = await clients.connect(server, '/wrap', mode);
      expect(await request(client, 'echo', 'hi')).to.deep.equal({ wrapped: 'hi' });
    });

    it('times an asynchronous handler', async () => {
      Timing.timings.length = 0;
      @Namespace('/timed')
      @UseInterceptors(Timing)
      class Timed extends Namespace {
        async on_slow() {
          await new Promise((resolve) => setTimeout(resolve, 20));
          return 'slow';
        }
      }
      register(server, Timed);
      const client = await clients.connect(server, '/timed', mode);
      expect(await request(client, 'slow')).to.equal('slow');
      expect(Timing.timings).to.have.length(1);
      expect(Timing.timings[0].event).to.equal('slow');
      expect(Timing.timings[0].ms).to.be.a('number');
    });

    it("sees the handler's error and may answer instead", async () => {
      @Namespace('/errors')
      @UseInterceptors(SeesErrors)
      class Failing extends Namespace {
        on_boom() {
          throw new HandlerError('CLASSIO_ERR_HANDLER', 'boom');
        }
      }
      register(server, Failing);
      const client = await clients.connect(server, '/errors', mode);
      expect(await request(client, 'boom')).to.deep.equal({ caught: 'boom' });
    });

    it('passes an error the interceptor lets through to the error handler', async () => {
      @Namespace('/through')
      @UseInterceptors(Wrap)
      class Through extends Namespace {
        on_boom() {
          throw new Error('internal detail');
        }
        @OnError()
        failed(error: Error) {
          return { handled: error.message };
        }
      }
      register(server, Through);
      const client = await clients.connect(server, '/through', mode);
      expect(await request(client, 'boom')).to.deep.equal({ handled: 'internal detail' });
    });

    it('applies global interceptors to functional handlers too', async () => {
      server.useGlobalInterceptors(new Wrap());
      server.on('ping', () => 'pong', { namespace: '/fn' });
      const client = await clients.connect(server, '/fn', mode);
      expect(await request(client, 'ping')).to.deep.equal({ wrapped: 'pong' });
    });

    it('refuses useGlobalInterceptors after a registration', () => {
      @Namespace('/late')
      class Late extends Namespace {}
      register(server, Late);
      expect(() => server.useGlobalInterceptors(Wrap))
        .to.throw('must be called before register()')
        .with.property('code', 'CLASSIO_ERR_CONFIG');
    });

    it('injects what a createParamDecorator factory computes', async () => {
      @Namespace('/params')
      class Params extends Namespace {
        on_whoami(@User() user: string, text: string) {
          return `${user}: ${text}`;
        }
      }
      register(server, Params);
      const client = await clients.connect(server, '/params', mode, { auth: { user: 'ada' } });
      expect(await request(client, 'whoami', 'hello')).to.equal('ada: hello');
    });
  });

  describe(`Guards on every event (${mode.name})`, () => {
    let server: Server;
    const clients = new ClientPool();
    useRuntimeServer(clients, (started) => ({ server } = started));
    beforeEach(() => {
      trail = [];
    });

    it('checks @UseEventGuards at connect and before each event, refusing with CLASSIO_ERR_FORBIDDEN', async () => {
      const allowed = new Set(['ada']);
      @Namespace('/every')
      @UseEventGuards({ canActivate: (context: ExecutionContext) => allowed.has(String(context.auth.user)) })
      class Every extends Namespace {
        on_work() {
          return 'worked';
        }
      }
      register(server, Every);
      const client = await clients.connect(server, '/every', mode, { auth: { user: 'ada' } });
      expect(await request(client, 'work')).to.equal('worked');
      allowed.clear();
      const answer = await request<{ error: { code: string; message: string } }>(client, 'work');
      expect(answer.error.code).to.equal('CLASSIO_ERR_FORBIDDEN');
      expect(answer.error.message).to.match(/refused event "work" in namespace "\/every"/);
    });

    it('runs global guards on every namespace before class and method guards, and before interceptors', async () => {
      server.useGlobalGuards(new AllowOnly('ada')).useGlobalInterceptors(Global);
      @Namespace('/global')
      class Guarded extends Namespace {
        @UseGuards({
          canActivate: () => {
            trail.push('method guard');
            return true;
          },
        })
        on_go() {
          return 'ok';
        }
      }
      register(server, Guarded);
      server.on('fn', () => 'fn ok', { namespace: '/fn' });
      const ada = await clients.connect(server, '/global', mode, { auth: { user: 'ada' } });
      expect(await request(ada, 'go')).to.equal('ok');
      expect(trail).to.deep.equal(['guard', 'method guard', 'global:before', 'global:after']);
      const eve = await clients.connect(server, '/fn', mode, { auth: { user: 'eve' } });
      const refused = await request<{ error: { code: string } }>(eve, 'fn');
      expect(refused.error.code).to.equal('CLASSIO_ERR_FORBIDDEN');
    });

    it('resolves event guards per connection in a connection-scoped namespace', async () => {
      @injectable()
      class PerConnection {
        readonly seen: string[] = [];
      }
      @injectable()
      class CountingGuard {
        constructor(private readonly state: PerConnection) {}
        canActivate(context: ExecutionContext) {
          this.state.seen.push(context.event);
          return this.state.seen.length <= 2;
        }
      }
      @Namespace('/scoped', { scope: 'connection' })
      @UseEventGuards(CountingGuard)
      class Scoped extends Namespace {
        on_tick() {
          return 'tick';
        }
      }
      register(server, Scoped);
      const first = await clients.connect(server, '/scoped', mode);
      // connect and one event pass; the third check refuses.
      expect(await request(first, 'tick')).to.equal('tick');
      const refused = await request<{ error: { code: string } }>(first, 'tick');
      expect(refused.error.code).to.equal('CLASSIO_ERR_FORBIDDEN');
      // Another connection has its own guard and state.
      const second = await clients.connect(server, '/scoped', mode);
      expect(await request(second, 'tick')).to.equal('tick');
    });
  });
}

describe('runIntercepted', () => {
  const context = new GuardContext({ id: 'sid' } as unknown as Socket, 'event', [1]);
  const call = (state: string) => `handler:${state}`;

  it('returns a synchronous interceptor answer as it is, not as a promise (the ack is answered without an await)', () => {
    const answer = runIntercepted([{ intercept: () => 'cached' }], context, call, 'state', null);
    expect(answer).to.equal('cached');
  });

  it('runs the chain outermost first and resolves next.handle() with the handler result', async () => {
    const order: string[] = [];
    const outer = {
      intercept: async (_context: GuardContext, next: CallHandler) => `outer(${String(await next.handle())})`,
    };
    const inner = {
      intercept: (_context: GuardContext, next: CallHandler) => {
        order.push('inner');
        return next.handle();
      },
    };
    expect(await runIntercepted([outer, inner], context, call, 'state', null)).to.equal('outer(handler:state)');
    expect(order).to.deep.equal(['inner']);
  });

  it('turns a handler that throws into a rejection of next.handle()', async () => {
    const failing = () => {
      throw new Error('boom');
    };
    const catching = {
      intercept: (_context: GuardContext, next: CallHandler) => next.handle().catch((err: Error) => err.message),
    };
    expect(await runIntercepted([catching], context, failing, 'state', null)).to.equal('boom');
  });
});
