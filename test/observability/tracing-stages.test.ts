import { expect } from 'chai';
import { IsString } from 'class-validator';
import { container as rootContainer } from 'tsyringe';
import { SpanStatusCode } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { Server } from '../../src/server';
import {
  Namespace,
  On,
  Payload,
  UseEventGuards,
  UseGuards,
  UseInterceptors,
  type CallHandler,
  type GuardContext,
} from '../../src';
import { ClientPool, TRANSPORT_MODES, nextEvent, until } from '../support/io';
import { request } from '../runtime/support';
import { SpanRecorder, useContextManager } from './span-support';

const [WEBSOCKET] = TRANSPORT_MODES;

const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const CLIENT_SPAN_ID = 'b7ad6b7169203331';
const TRACEPARENT = `00-${TRACE_ID}-${CLIENT_SPAN_ID}-01`;

class Job {
  @IsString()
  name!: string;
}

/** The connect guard: members only. */
class MembersOnly {
  canActivate(ctx: GuardContext): boolean {
    return ctx.auth.member === true;
  }
}

/** A class event guard: checks the connect and every event. */
class Awake {
  canActivate(): boolean {
    return true;
  }
}

class GlobalAllow {
  canActivate(): boolean {
    return true;
  }
}

class OnlyNamedJobs {
  canActivate(ctx: GuardContext): boolean {
    return typeof (ctx.args[0] as { name?: unknown } | undefined)?.name === 'string';
  }
}

/** An interceptor that awaits a turn before and after the rest of the chain, so that its span clearly wraps it. */
class Timing {
  async intercept(_ctx: GuardContext, next: CallHandler): Promise<unknown> {
    await new Promise((resolve) => setImmediate(resolve));
    const result = await next.handle();
    await new Promise((resolve) => setImmediate(resolve));
    return result;
  }
}

class Outer {
  intercept(_ctx: GuardContext, next: CallHandler): Promise<unknown> {
    return next.handle();
  }
}

class Inner {
  intercept(_ctx: GuardContext, next: CallHandler): Promise<unknown> {
    return next.handle();
  }
}

@Namespace('/staged')
@UseGuards(MembersOnly)
@UseEventGuards(Awake)
@UseInterceptors(Outer)
class Staged {
  @On('work')
  @UseGuards(OnlyNamedJobs)
  @UseInterceptors(Inner)
  work(@Payload() job: Job): string {
    return `done ${job.name}`;
  }
}

describe('Tracing of stages', () => {
  let server: Server;
  let recorder: SpanRecorder;
  const clients = new ClientPool();
  useContextManager();

  beforeEach(async () => {
    recorder = new SpanRecorder();
    server = new Server({
      logger: false,
      container: rootContainer.createChildContainer(),
      tracing: { tracerProvider: recorder.tracerProvider },
    });
    server.useGlobalGuards(GlobalAllow).useGlobalInterceptors(new Timing());
    server.register(Staged);
    await server.listen(0);
  });

  afterEach(async () => {
    await clients.closeAll();
    await server.close();
  });

  const spans = () => recorder.spans();
  const named = (name: string) => recorder.named(name);
  const only = (name: string): ReadableSpan => {
    const found = named(name);
    expect(found, `spans named "${name}"`).to.have.length(1);
    return found[0];
  };
  const childNames = (parent: ReadableSpan) =>
    recorder
      .childrenOf(parent)
      .map((span) => span.name)
      .sort();

  it('makes the connect a span "<namespace> connect" under the handshake traceparent, its guards its children', async () => {
    await clients.connect(server, '/staged', WEBSOCKET, { auth: { member: true, traceparent: TRACEPARENT } });
    await until(() => named('/staged connect').length === 1, 'the connect span to end');
    const connect = only('/staged connect');
    expect(connect.spanContext().traceId).to.equal(TRACE_ID);
    expect(connect.parentSpanContext?.spanId).to.equal(CLIENT_SPAN_ID);
    expect(connect.attributes).to.deep.include({
      'classio.namespace': '/staged',
      'classio.event': 'connect',
      'classio.sid': [...server.of('/staged').sockets.keys()][0],
      'classio.transport': 'websocket',
    });
    expect(connect.status.code).to.not.equal(SpanStatusCode.ERROR);
    expect(childNames(connect)).to.deep.equal(['guard Awake', 'guard MembersOnly']);
  });

  it('marks a refused connect with CLASSIO_ERR_CONNECT and keeps the refusing guard as its child', async () => {
    const guest = clients.open(server, '/staged', WEBSOCKET, { auth: { traceparent: TRACEPARENT } });
    const [err] = await nextEvent<[Error]>(guest, 'connect_error');
    expect(err.message).to.equal('unauthorized');
    await until(() => named('/staged connect').length === 1, 'the connect span to end');
    const connect = only('/staged connect');
    expect(connect.parentSpanContext?.spanId).to.equal(CLIENT_SPAN_ID);
    expect(connect.status.code).to.equal(SpanStatusCode.ERROR);
    expect(connect.attributes['classio.error.code']).to.equal('CLASSIO_ERR_CONNECT');
    expect(childNames(connect)).to.deep.equal(['guard MembersOnly']);
  });

  it('makes global, event and method guards and the outermost interceptor children of the event span', async () => {
    const client = await clients.connect(server, '/staged', WEBSOCKET, {
      auth: { member: true, traceparent: TRACEPARENT },
    });
    expect(await request(client, 'work', { name: 'build' })).to.equal('done build');
    await until(() => named('/staged work').length === 1, 'the event span to end');
    const event = only('/staged work');
    expect(event.parentSpanContext?.spanId).to.equal(CLIENT_SPAN_ID);
    expect(childNames(event)).to.deep.equal([
      'guard Awake',
      'guard GlobalAllow',
      'guard OnlyNamedJobs',
      'interceptor Timing',
    ]);
    // Each interceptor's span holds what it runs: the next interceptor, and past the last one the validation.
    expect(childNames(only('interceptor Timing'))).to.deep.equal(['interceptor Outer']);
    expect(childNames(only('interceptor Outer'))).to.deep.equal(['interceptor Inner']);
    expect(childNames(only('interceptor Inner'))).to.deep.equal(['validation Staged.work #0']);
    for (const span of spans()) expect(span.spanContext().traceId).to.equal(TRACE_ID);
  });

  it('marks the refusing method guard and the event span with CLASSIO_ERR_FORBIDDEN', async () => {
    const client = await clients.connect(server, '/staged', WEBSOCKET, { auth: { member: true } });
    expect(await request(client, 'work', 'no name')).to.have.nested.property('error.code', 'CLASSIO_ERR_FORBIDDEN');
    await until(() => named('/staged work').length === 1, 'the event span to end');
    const event = only('/staged work');
    expect(event.attributes['classio.error.code']).to.equal('CLASSIO_ERR_FORBIDDEN');
    expect(event.status.code).to.equal(SpanStatusCode.ERROR);
    // The guards ran up to the refusing one, and no interceptor ran.
    expect(childNames(event)).to.deep.equal(['guard Awake', 'guard GlobalAllow', 'guard OnlyNamedJobs']);
  });
});
