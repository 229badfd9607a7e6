import { expect } from 'chai';
import { Server } from '../../src/server';
import { Timing, createTourServer } from '../../examples/framework-tour/tour';
import { ClientPool, TRANSPORT_MODES, nextEvent } from '../support/io';
import { request } from '../runtime/support';

const WEBSOCKET = TRANSPORT_MODES.find((mode) => mode.name === 'websocket')!;

/** The README's framework tour (examples/framework-tour/tour.ts) does what its comments say. */
describe('The framework tour', () => {
  const clients = new ClientPool();
  let server: Server;
  let timing: Timing;

  beforeEach(async () => {
    timing = new Timing();
    server = createTourServer(new Server({ logger: false }), timing);
    await server.listen(0);
  });

  afterEach(async () => {
    await clients.closeAll();
    await server.close();
  });

  it('serves /tenant/:id with the user, the tenant, a serialized profile and a timing interceptor', async () => {
    const client = await clients.connect(server, '/tenant/acme', WEBSOCKET, { auth: { user: 'ada' } });
    expect(await request(client, 'whoami')).to.deep.equal({ user: 'ada', tenant: 'acme' });
    expect(await request(client, 'profile')).to.deep.equal({ name: 'ada' });
    expect(timing.seen.map((line) => line.split(' ')[0])).to.deep.equal(['whoami', 'profile']);
  });

  it('refuses a client without a user, and throttles past five events a second', async () => {
    const anonymous = clients.open(server, '/tenant/acme', WEBSOCKET, { auth: {} });
    const [err] = await nextEvent<[Error]>(anonymous, 'connect_error');
    expect(err.message).to.equal('unauthorized');
    const client = await clients.connect(server, '/tenant/acme', WEBSOCKET, { auth: { user: 'ada' } });
    for (let i = 0; i < 5; i++) await request(client, 'whoami');
    const refused = await request<{ error: { code: string; data: { retryAfterMs: number } } }>(client, 'whoami');
    expect(refused.error.code).to.equal('CLASSIO_ERR_THROTTLED');
    expect(refused.error.data.retryAfterMs).to.be.within(1, 1000);
  });
});
