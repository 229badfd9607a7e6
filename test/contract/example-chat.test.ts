import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { io, type Socket } from 'socket.io-client';
import type {
  TestNamespaceClientToServerEvents,
  TestNamespaceServerToClientEvents,
} from '../../examples/chat/contract/events';
import { startChat, type RunningChat } from '../e2e/chat-helpers';
import { whenEngineClosed } from '../support/io';
import { expectValidAsyncApi } from './support';
import { ROOT, runCli } from './support-cli';

/**
 * The example chat ships its contract (examples/chat/contract/): these tests regenerate it with the bin, as
 * `npm run contract:chat` does, and fail when the committed files differ, so that a change to the chat's
 * namespaces that forgets to regenerate them fails CI.
 */

const ENTRY = 'dist/examples/chat/contract/entry.js';
const TITLE = ['--title', 'classio example chat'];
const committed = (file: string) => readFileSync(path.join(ROOT, 'examples', 'chat', 'contract', file), 'utf8');
const STALE = 'stale: run `npm run contract:chat` and commit examples/chat/contract/';

describe('Example chat contract', function () {
  this.timeout(60_000);

  it('ships an asyncapi.json that is up to date', async () => {
    const result = await runCli(['asyncapi', ENTRY, ...TITLE]);
    expect(result.code, result.stderr).to.equal(0);
    expect(result.stdout, STALE).to.equal(committed('asyncapi.json'));
  });

  it('ships an events.d.ts that is up to date', async () => {
    const result = await runCli(['client-types', ENTRY, ...TITLE]);
    expect(result.code, result.stderr).to.equal(0);
    expect(result.stdout, STALE).to.equal(committed('events.d.ts'));
  });

  it('has a document that parses without errors or warnings with @asyncapi/parser', async () => {
    await expectValidAsyncApi(JSON.parse(committed('asyncapi.json')));
  });

  describe('a client typed with events.d.ts', () => {
    let chat: RunningChat;
    let socket: Socket<TestNamespaceServerToClientEvents, TestNamespaceClientToServerEvents> | undefined;

    beforeEach(async () => {
      chat = await startChat();
    });

    afterEach(async () => {
      socket?.disconnect();
      if (socket !== undefined) await whenEngineClosed(socket);
      await chat.app.close();
    });

    it('gets the declared payloads from the running chat', async () => {
      socket = io(`${chat.url}/test`, { transports: ['websocket'] });
      const greeting = await new Promise((resolve) => socket!.once('my response', resolve));
      expect(greeting).to.deep.equal({ data: 'Connected', count: 0 });
      const echo = new Promise((resolve) => socket!.once('my response', resolve));
      socket.emit('my event', { data: 'hi' });
      expect(await echo).to.deep.equal({ data: 'hi', count: 1 });
    });
  });
});
