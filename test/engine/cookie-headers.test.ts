import { expect } from 'chai';
import type { IncomingMessage } from 'node:http';
import WebSocket from 'ws';
import type { Server } from '../../src/server';
import { ConfigurationError } from '../../src/errors';
import { EngineServer, type EngineConnectionError, type EngineHeaders } from '../../src/engine/server';
import { thrownBy } from '../support/errors';
import { ClientPool, TRANSPORT_MODES, startServer, until } from '../support/io';
import {
  RawPollingClient,
  baseUrlOfPort,
  httpRequest,
  parseOpenPacket,
  webSocketUrlOf,
} from '../support/raw-engine-client';

/** Opens a raw websocket handshake and resolves with the 101 answer's headers and the open packet. */
function webSocketHandshake(port: number): Promise<{ headers: IncomingMessage['headers']; sid: string }> {
  const ws = new WebSocket(webSocketUrlOf(baseUrlOfPort(port), '/socket.io/'));
  return new Promise((resolve, reject) => {
    let headers: IncomingMessage['headers'] = {};
    ws.once('upgrade', (res) => (headers = res.headers));
    ws.once('message', (data: Buffer) => {
      resolve({ headers, sid: parseOpenPacket(data.toString()).sid });
      ws.close();
    });
    ws.once('error', reject);
  });
}

describe('cookie, header events and generateId', () => {
  let server: Server;
  const clients = new ClientPool();

  afterEach(async () => {
    await clients.closeAll();
    await server?.close();
  });

  describe('cookie', () => {
    it('is set by the polling handshake with the session id, and only by it', async () => {
      server = await startServer({ cookie: true });
      const client = await RawPollingClient.connect(`http://127.0.0.1:${server.port}`, { path: '/socket.io/' });
      const handshake = await httpRequest(`http://127.0.0.1:${server.port}/socket.io/?EIO=4&transport=polling`);
      const sid = parseOpenPacket(handshake.body).sid;
      expect(handshake.headers['set-cookie']).to.deep.equal([`io=${sid}; Path=/; HttpOnly; SameSite=Lax`]);
      const post = await client.push('40');
      expect(post.headers['set-cookie']).to.equal(undefined);
    });

    it('is set by a websocket handshake, with the options given', async () => {
      server = await startServer({ cookie: { name: 'sticky', path: '/app', sameSite: 'strict', secure: true } });
      const { headers, sid } = await webSocketHandshake(server.port);
      expect(headers['set-cookie']).to.deep.equal([`sticky=${sid}; Path=/app; HttpOnly; Secure; SameSite=Strict`]);
    });

    it('is off by default', async () => {
      server = await startServer();
      const handshake = await httpRequest(`http://127.0.0.1:${server.port}/socket.io/?EIO=4&transport=polling`);
      expect(handshake.headers['set-cookie']).to.equal(undefined);
    });

    it('refuses a wrong cookie option at construction', () => {
      for (const [value, message] of [
        ['io', /"cookie" must be a boolean or an object, got "io"/],
        [{ name: 'a b' }, /"name" must be a cookie name/],
        [{ path: '/;x' }, /"path" must be printable ASCII without ";"/],
        [{ sameSite: 'loose' }, /"sameSite" must be true, false, "lax", "strict" or "none"/],
        [{ maxAge: '1h' }, /"maxAge" must be an integer of seconds/],
        [{ nmae: 'io' }, /unknown option "nmae"; did you mean "name"\?/],
      ] as const) {
        const error = thrownBy(
          () => new EngineServer({ cookie: value as never }),
          ConfigurationError,
          'CLASSIO_ERR_CONFIG',
        );
        expect(error.message).to.match(message);
      }
    });
  });

  describe('initial_headers and headers', () => {
    for (const mode of TRANSPORT_MODES) {
      it(`add headers to the handshake and to every answer (${mode.name})`, async () => {
        server = await startServer();
        const initial: string[] = [];
        const every: string[] = [];
        server.engine.on('initial_headers', (headers: EngineHeaders, req: IncomingMessage) => {
          initial.push(req.url ?? '');
          headers['X-Initial'] = 'yes';
        });
        server.engine.on('headers', (headers: EngineHeaders, req: IncomingMessage) => {
          every.push(req.url ?? '');
          headers['X-Every'] = 'yes';
        });
        await clients.connect(server, '/', mode);
        expect(initial).to.have.length(1);
        expect(initial[0]).to.not.contain('sid=');
        expect(every[0]).to.equal(initial[0]);
        if (mode.name !== 'websocket') expect(every.filter((url) => url.includes('sid=')).length).to.be.greaterThan(0);
      });
    }

    it('reach the noop that answers a waiting GET when the session ends or upgrades, and not a 400', async () => {
      server = await startServer();
      const seen: string[] = [];
      server.engine.on('headers', (headers: EngineHeaders, req: IncomingMessage) => {
        seen.push(`${req.method} ${req.url?.includes('transport=websocket') ? 'websocket' : 'polling'}`);
        headers['X-Every'] = 'yes';
      });
      const base = `http://127.0.0.1:${server.port}`;
      // The client closes the session (a close packet in a POST) while its GET waits: the GET gets a noop.
      const closing = await RawPollingClient.connect(base, { path: '/socket.io/' });
      const waiting = closing.poll();
      await until(() => seen.length === 1, 'the handshake answer');
      expect((await closing.push('1')).headers['x-every']).to.equal('yes');
      const noop = await waiting;
      expect(noop.body).to.equal('6');
      expect(noop.headers['x-every']).to.equal('yes');
      // The upgrade discards the polling transport: its waiting GET gets a noop, with the headers too.
      const upgrading = await RawPollingClient.connect(base, { path: '/socket.io/' });
      const pending = upgrading.poll();
      const ws = new WebSocket(webSocketUrlOf(base, '/socket.io/', `&sid=${upgrading.sid}`));
      await new Promise((resolve) => ws.once('open', resolve));
      ws.send('2probe');
      await new Promise((resolve) => ws.once('message', resolve));
      ws.send('5');
      const flushed = await pending;
      expect(flushed.body).to.equal('6');
      expect(flushed.headers['x-every']).to.equal('yes');
      ws.close();
      // A protocol violation (a second GET while one waits) is a bare 400, as the reference answers it.
      const overlapping = await RawPollingClient.connect(base, { path: '/socket.io/' });
      const first = overlapping.poll();
      const before = seen.length;
      const second = await overlapping.poll();
      expect(second.status).to.equal(400);
      expect(second.headers['x-every']).to.equal(undefined);
      await first;
      expect(seen.slice(before)).to.deep.equal(['GET polling']);
    });

    it('reach the client over polling and over the websocket upgrade', async () => {
      server = await startServer();
      server.engine.on('initial_headers', (headers: EngineHeaders) => (headers['X-Initial'] = 'yes'));
      server.engine.on('headers', (headers: EngineHeaders) => (headers['X-Every'] = 'yes'));
      const handshake = await httpRequest(`http://127.0.0.1:${server.port}/socket.io/?EIO=4&transport=polling`);
      expect(handshake.headers['x-initial']).to.equal('yes');
      expect(handshake.headers['x-every']).to.equal('yes');
      const client = await RawPollingClient.connect(`http://127.0.0.1:${server.port}`, { path: '/socket.io/' });
      const post = await client.push('40');
      expect(post.headers['x-initial']).to.equal(undefined);
      expect(post.headers['x-every']).to.equal('yes');
      const { headers } = await webSocketHandshake(server.port);
      expect(headers['x-initial']).to.equal('yes');
      expect(headers['x-every']).to.equal('yes');
    });
  });

  describe('generateId', () => {
    it('names the sessions, over every transport, synchronously or through a promise', async () => {
      let n = 0;
      server = await startServer({
        generateId: () => (n % 2 === 0 ? `custom-${n++}` : Promise.resolve(`custom-${n++}`)),
      });
      for (const mode of TRANSPORT_MODES) {
        const client = await clients.connect(server, '/', mode);
        expect(client.io.engine.id).to.match(/^custom-\d$/);
        expect(server.engine.clients.has(client.io.engine.id)).to.equal(true);
      }
    });

    it('refuses a handshake whose id is malformed, taken or not generated, and nobody else', async () => {
      const ids: unknown[] = ['taken', 'taken', 'bad id', new Error('no ids left')];
      server = await startServer({
        generateId: () => {
          const id = ids.shift();
          if (id instanceof Error) throw id;
          return id as string;
        },
      });
      const errors: EngineConnectionError[] = [];
      server.engine.on('connection_error', (error: EngineConnectionError) => errors.push(error));
      const first = await clients.connect(server, '/', TRANSPORT_MODES[0]);
      for (let i = 0; i < 3; i++) {
        const refused = clients.open(server, '/', TRANSPORT_MODES[i % 2]);
        await new Promise((resolve) => refused.once('connect_error', resolve));
      }
      expect(errors.map((error) => [error.code, error.context.name])).to.deep.equal([
        [3, 'ID_GENERATION_ERROR'],
        [3, 'ID_GENERATION_ERROR'],
        [3, 'ID_GENERATION_ERROR'],
      ]);
      expect(errors.map((error) => String((error.context.error as Error).message))).to.deep.equal([
        'generateId returned "taken", the id of an open session',
        'generateId must return 1 to 128 characters of A-Z a-z 0-9 - _ . ~, got "bad id"',
        'no ids left',
      ]);
      expect(first.connected).to.equal(true);
    });

    it('refuses a generateId that is not a function at construction', () => {
      const error = thrownBy(
        () => new EngineServer({ generateId: 'abc' as never }),
        ConfigurationError,
        'CLASSIO_ERR_CONFIG',
      );
      expect(error.message).to.contain('"generateId" must be a function');
    });
  });
});
