import { expect } from 'chai';
import { IsString } from 'class-validator';
import { container as rootContainer } from 'tsyringe';
import { SpanStatusCode } from '@opentelemetry/api';
import { Server } from '../../src/server';
import { Namespace, On, Payload, UseGuards, type GuardContext } from '../../src';
import { ClientPool, TRANSPORT_MODES, until } from '../support/io';
import { request } from '../runtime/support';
import { SpanRecorder, useContextManager } from './span-support';

const [WEBSOCKET, POLLING] = TRANSPORT_MODES;

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CLIENT_SPAN_ID = '00f067aa0ba902b7';
const TRACEPARENT = `00-${TRACE_ID}-${CLIENT_SPAN_ID}-01`;

class Line {
  @IsString()
  text!: string;
}

class MembersOnly {
  canActivate(context: GuardContext): boolean {
    return context.auth.member === true;
  }
}

@Namespace('/traced')
class Traced {
  @On('say')
  @UseGuards(MembersOnly)
  say(@Payload() line: Line): number {
    return line.text.length;
  }

  @On('fail')
  async fail(): Promise<never> {
    await new Promise((resolve) => setImmediate(resolve));
    throw new Error('boom');
  }
}

describe('Tracing', () => {
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
    server.register(Traced);
    await server.listen(0);
  });

  afterEach(async () => {
    await clients.closeAll();
    await server.close();
  });

  const named = (name: string) => recorder.named(name);
  const childrenOf = (parent: ReturnType<typeof named>[number]) => recorder.childrenOf(parent);

  it('makes each handled event a span "<namespace> <event>", child of the traceparent sent in auth', async () => {
    const client = await clients.connect(server, '/traced', WEBSOCKET, {
      auth: { member: true, traceparent: TRACEPARENT },
    });
    expect(await request(client, 'say', { text: 'hello' })).to.equal(5);
    client.emit('say', { text: 'no ack' });
    await until(() => named('/traced say').length === 2, 'both spans to end');
    const [withAck, withoutAck] = named('/traced say');
    const sid = [...server.of('/traced').sockets.keys()][0];
    expect(withAck.attributes).to.deep.include({
      'classio.namespace': '/traced',
      'classio.event': 'say',
      'classio.sid': sid,
      'classio.transport': 'websocket',
      'classio.ack': true,
    });
    expect(withoutAck.attributes['classio.ack']).to.equal(false);
    for (const span of [withAck, withoutAck]) {
      expect(span.spanContext().traceId).to.equal(TRACE_ID);
      expect(span.parentSpanContext?.spanId).to.equal(CLIENT_SPAN_ID);
      expect(span.status.code).to.not.equal(SpanStatusCode.ERROR);
      expect(childrenOf(span).map((child) => child.name)).to.deep.equal([
        'guard MembersOnly',
        'validation Traced.say #0',
      ]);
    }
  });

  it('reads the traceparent from the handshake headers too', async () => {
    const client = await clients.connect(server, '/traced', POLLING, {
      auth: { member: true },
      extraHeaders: { traceparent: TRACEPARENT },
    });
    expect(await request(client, 'say', { text: 'hi' })).to.equal(2);
    const [span] = named('/traced say');
    expect(span.spanContext().traceId).to.equal(TRACE_ID);
    expect(span.parentSpanContext?.spanId).to.equal(CLIENT_SPAN_ID);
    expect(span.attributes['classio.transport']).to.equal('polling');
  });

  it('marks failures with the error code on the event span and on the stage that failed', async () => {
    const member = await clients.connect(server, '/traced', WEBSOCKET, { auth: { member: true } });
    const guest = await clients.connect(server, '/traced', WEBSOCKET, { auth: {} });
    expect(await request(member, 'say', { text: 7 })).to.have.nested.property('error.code', 'CLASSIO_ERR_VALIDATION');
    expect(await request(member, 'fail')).to.have.nested.property('error.code', 'CLASSIO_ERR_HANDLER');
    expect(await request(guest, 'say', { text: 'hi' })).to.have.nested.property('error.code', 'CLASSIO_ERR_FORBIDDEN');
    const [invalid, refused] = named('/traced say');
    expect(invalid.attributes['classio.error.code']).to.equal('CLASSIO_ERR_VALIDATION');
    expect(invalid.status.code).to.equal(SpanStatusCode.ERROR);
    const validation = childrenOf(invalid).find((span) => span.name === 'validation Traced.say #0')!;
    expect(validation.attributes['classio.error.code']).to.equal('CLASSIO_ERR_VALIDATION');
    expect(refused.attributes['classio.error.code']).to.equal('CLASSIO_ERR_FORBIDDEN');
    expect(childrenOf(refused).map((span) => span.name)).to.deep.equal(['guard MembersOnly']);
    const [failed] = named('/traced fail');
    expect(failed.attributes['classio.error.code']).to.equal('CLASSIO_ERR_HANDLER');
    expect(failed.events.map((event) => event.name)).to.include('exception');
    // Without a traceparent, a connection's spans start their own trace.
    expect(failed.parentSpanContext).to.equal(undefined);
  });
});
