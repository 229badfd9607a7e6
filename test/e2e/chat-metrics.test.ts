import { expect } from 'chai';
import { io } from 'socket.io-client';
import { chatOptionsFromEnv } from '../../examples/chat/server';
import { startChat, type RunningChat } from './chat-helpers';

describe('chat example metrics', () => {
  let chat: RunningChat | undefined;

  afterEach(async () => {
    await chat?.app.close();
    chat = undefined;
  });

  it('reads CHAT_METRICS from the environment', () => {
    expect(chatOptionsFromEnv({ CHAT_METRICS: '1' })).to.deep.equal({ metrics: true });
    expect(chatOptionsFromEnv({ CHAT_METRICS: '0' })).to.deep.equal({ metrics: false });
  });

  it('serves GET /metrics in the Prometheus text format when turned on', async () => {
    chat = await startChat({ metrics: true });
    const client = io(`${chat.url}/test`, { transports: ['websocket'], forceNew: true, reconnection: false });
    try {
      await new Promise((resolve) => client.once('my response', resolve));
      await client.timeout(2000).emitWithAck('my ping');
    } finally {
      client.close();
    }
    const res = await fetch(`${chat.url}/metrics`);
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.match(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(text).to.include('classio_events_received_total{namespace="/test",event="my ping"} 1');
    expect(text).to.include('classio_connects_total{namespace="/test",outcome="accepted"} 1');
  });

  it('answers 404 on /metrics when off', async () => {
    chat = await startChat();
    expect((await fetch(`${chat.url}/metrics`)).status).to.equal(404);
  });
});
