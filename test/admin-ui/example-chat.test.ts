import { expect } from 'chai';
import { io, type Socket as ClientSocket } from 'socket.io-client';
import { chatOptionsFromEnv } from '../../examples/chat/server';
import { startChat, type RunningChat } from '../e2e/chat-helpers';
import { nextEvent, whenEngineClosed } from '../support/io';

describe('example chat with the Admin UI', () => {
  let chat: RunningChat | undefined;
  let client: ClientSocket | undefined;

  afterEach(async () => {
    client?.disconnect();
    if (client !== undefined) await whenEngineClosed(client);
    client = undefined;
    await chat?.app.close();
    chat = undefined;
  });

  it('reads CLASSIO_ADMIN_UI and its password, username, readonly flag and origin from the environment', () => {
    expect(chatOptionsFromEnv({}).adminUi).to.equal(undefined);
    expect(chatOptionsFromEnv({ CLASSIO_ADMIN_UI: '1', CLASSIO_ADMIN_UI_PASSWORD: 'pw' }).adminUi).to.deep.equal({
      username: 'admin',
      password: 'pw',
      readonly: false,
      origin: 'https://admin.socket.io',
    });
    expect(
      chatOptionsFromEnv({
        CLASSIO_ADMIN_UI: '1',
        CLASSIO_ADMIN_UI_PASSWORD: 'pw',
        CLASSIO_ADMIN_UI_USERNAME: 'ops',
        CLASSIO_ADMIN_UI_READONLY: '1',
        CLASSIO_ADMIN_UI_ORIGIN: 'http://127.0.0.1:8080',
      }).adminUi,
    ).to.deep.equal({ username: 'ops', password: 'pw', readonly: true, origin: 'http://127.0.0.1:8080' });
    expect(() => chatOptionsFromEnv({ CLASSIO_ADMIN_UI: '1' })).to.throw(
      'CLASSIO_ADMIN_UI=1 needs CLASSIO_ADMIN_UI_PASSWORD',
    );
  });

  it('serves the Admin UI on /admin with the password it was given', async () => {
    const options = chatOptionsFromEnv({ CLASSIO_ADMIN_UI: '1', CLASSIO_ADMIN_UI_PASSWORD: 'pw' });
    chat = await startChat({ adminUi: options.adminUi });
    client = io(`${chat.url}/admin`, {
      forceNew: true,
      reconnection: false,
      transports: ['websocket'],
      auth: { username: 'admin', password: 'pw' },
    });
    const [config] = await nextEvent<[{ supportedFeatures: string[] }]>(client, 'config');
    expect(config.supportedFeatures).to.include('DISCONNECT');
    const [stats] = await nextEvent<[{ namespaces: { name: string }[] }]>(client, 'server_stats');
    expect(stats.namespaces.map((nsp) => nsp.name)).to.include.members(['/', '/test', '/private', '/admin']);
  });
});
