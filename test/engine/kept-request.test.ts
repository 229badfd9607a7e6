import { expect } from 'chai';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { connect, type Socket as NetSocket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { startEngine, type EngineFixture } from './engine-fixture';

/** Raw header lines with every kind of repetition Node's `IncomingMessage#headers` treats differently. */
const REPEATED_HEADERS = [
  ['Cookie', 'a=1'],
  ['Cookie', 'b=2'],
  ['User-Agent', 'first'],
  ['User-Agent', 'second'],
  ['X-Many', 'one'],
  ['x-many', 'two'],
  ['Set-Cookie', 's1'],
  ['Set-Cookie', 's2'],
  ['Origin', 'http://app.example'],
  ['Constructor', 'x'],
  ['constructor', 'y'],
];

/** Sends a polling handshake with the given header lines over a plain TCP socket (no client rewrites them). */
function rawHandshake(port: number, lines: readonly string[][]): NetSocket {
  const socket = connect(port, '127.0.0.1');
  const head = lines.map(([name, value]) => `${name}: ${value}\r\n`).join('');
  socket.write(`GET /engine.io/?EIO=4&transport=polling&x=1 HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${head}\r\n`);
  socket.on('error', () => undefined);
  socket.resume();
  return socket;
}

describe('What a session keeps of its handshake request', () => {
  let fixture: EngineFixture | null = null;
  let raw: NetSocket | null = null;
  afterEach(async () => {
    raw?.destroy();
    raw = null;
    await fixture?.close();
    fixture = null;
  });

  it("gives the same headers object as Node's request, repeated headers included", async () => {
    let nodeHeaders: IncomingHttpHeaders | undefined;
    fixture = await startEngine({
      allowRequest: (req: IncomingMessage) => {
        nodeHeaders = { ...req.headers };
        return true;
      },
    });
    const connection = fixture.nextConnection();
    raw = rawHandshake((fixture.httpServer.address() as AddressInfo).port, REPEATED_HEADERS);
    const session = await connection;
    expect(nodeHeaders).to.not.equal(undefined);
    expect(session.request.headers).to.deep.equal(nodeHeaders);
    expect(session.request.headers).to.deep.include({
      cookie: 'a=1; b=2',
      'user-agent': 'first',
      'x-many': 'one, two',
      'set-cookie': ['s1', 's2'],
      constructor: 'x, y',
    });
    // Built once, then the same object.
    expect(session.request.headers).to.equal(session.request.headers);
    expect(session.request.method).to.equal('GET');
    expect(session.request.url).to.equal('/engine.io/?EIO=4&transport=polling&x=1');
    expect(session.request.hasHeader('origin')).to.equal(true);
    expect(session.request.hasHeader('referer')).to.equal(false);
  });

  it('joins repeated single-valued headers when the HTTP server has joinDuplicateHeaders, as Node does', async () => {
    let nodeHeaders: IncomingHttpHeaders | undefined;
    fixture = await startEngine(
      {
        allowRequest: (req: IncomingMessage) => {
          nodeHeaders = { ...req.headers };
          return true;
        },
      },
      { joinDuplicateHeaders: true },
    );
    const connection = fixture.nextConnection();
    raw = rawHandshake((fixture.httpServer.address() as AddressInfo).port, REPEATED_HEADERS);
    const session = await connection;
    expect(session.request.headers).to.deep.equal(nodeHeaders);
    expect(session.request.headers['user-agent']).to.equal('first, second');
  });
});
