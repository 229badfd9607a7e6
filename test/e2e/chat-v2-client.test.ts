import { expect } from 'chai';
import { EventQueue, closeAll, startChat, type RunningChat } from './chat-helpers';
import { V2ClientPool, V2_MODES, emitWithAckV2, nextV2Event, type V2Mode, type V2Socket } from '../support/io-v2';

/** The chat example's features (issue 4) with the Socket.IO v2 client, once per transport (`allowEIO3`). */
for (const mode of V2_MODES) {
  describe(`chat example with socket.io-client@2, ${mode.name}`, () => {
    let chat: RunningChat | undefined;
    const clients = new V2ClientPool();

    async function joinTest(m: V2Mode = mode): Promise<{ socket: V2Socket; responses: EventQueue }> {
      const socket = clients.open((chat as RunningChat).app.server, '/test', m);
      const responses = new EventQueue(socket, 'my response');
      await nextV2Event(socket, 'connect');
      expect(await responses.nextPayload()).to.deep.equal({ data: 'Connected', count: 0 });
      return { socket, responses };
    }

    beforeEach(async () => {
      chat = await startChat({ server: { allowEIO3: true } });
    });

    afterEach(async () => {
      await clients.closeAll();
      await closeAll(chat, []);
      chat = undefined;
    });

    it('greets, echoes with the session counter, and broadcasts to everyone (1, 2, 3)', async () => {
      const a = await joinTest();
      const b = await joinTest();
      a.socket.emit('my event', { data: 'hello' });
      expect(await a.responses.nextPayload()).to.deep.equal({ data: 'hello', count: 1 });
      a.socket.emit('my broadcast event', { data: 'to all' });
      expect(await a.responses.nextPayload()).to.deep.equal({ data: 'to all', count: 2 });
      expect(await b.responses.nextPayload()).to.deep.equal({ data: 'to all', count: 2 });
    });

    it('joins, lists, leaves and closes rooms, and sends a room event to members only (4, 5, 6, 7)', async () => {
      const a = await joinTest();
      const outsider = await joinTest();
      a.socket.emit('join', { room: 'lobby' });
      expect(await a.responses.nextPayload()).to.deep.equal({ data: `In rooms: ${a.socket.id}, lobby`, count: 1 });
      a.socket.emit('my_room_event', { room: 'lobby', data: 'psst' });
      expect(await a.responses.nextPayload()).to.deep.equal({ data: 'psst', count: 2 });
      outsider.socket.emit('my event', { data: 'mine' });
      expect(await outsider.responses.nextPayload()).to.deep.equal({ data: 'mine', count: 1 });
      a.socket.emit('leave', { room: 'lobby' });
      expect(await a.responses.nextPayload()).to.deep.equal({ data: `In rooms: ${a.socket.id}`, count: 3 });
      a.socket.emit('join', { room: 'r' });
      await a.responses.next();
      // The announcement carries the counter of the client who closes the room: the outsider's second event.
      outsider.socket.emit('close_room', { room: 'r' });
      expect(await a.responses.nextPayload()).to.deep.equal({ data: 'Room r is closing.', count: 2 });
    });

    it('asks for an ack on "Disconnected!" and disconnects once the client acks (8)', async () => {
      const client = await joinTest();
      const disconnected = nextV2Event(client.socket, 'disconnect');
      const asked = new Promise<unknown[]>((resolve) =>
        client.socket.once('my response', (msg: never, ack: never) => resolve([msg, ack])),
      );
      client.socket.emit('disconnect_request');
      const [msg, ack] = await asked;
      expect(msg).to.deep.equal({ data: 'Disconnected!', count: 1 });
      (ack as () => void)();
      expect((await disconnected)[0]).to.equal('io server disconnect');
    });

    it('answers "my ping", "ack" and reports a handler error (9, 10, 11)', async () => {
      const client = await joinTest();
      const pong = nextV2Event(client.socket, 'my pong');
      client.socket.emit('my ping');
      expect(await pong).to.deep.equal([]);
      expect(await emitWithAckV2(client.socket, 'ack', 1, 'two', { three: [3] })).to.deep.equal([
        1,
        'two',
        { three: [3] },
      ]);
      const error = nextV2Event(client.socket, 'my error');
      client.socket.emit('my error event');
      expect(await error).to.deep.equal([{ event: 'my error event', message: 'boom' }]);
    });

    it('logs a disconnect (12)', async () => {
      const client = await joinTest();
      const sid = client.socket.id;
      client.socket.close();
      const line = await (chat as RunningChat).waitForLog(new RegExp(`disconnect.*${sid}`));
      expect(line).to.include(sid);
    });

    it('accepts the token of /private from the query, and refuses a wrong one with "unauthorized"', async () => {
      const server = (chat as RunningChat).app.server;
      const good = await clients.connect(server, '/private', mode, { query: { token: 'secret' } });
      expect(await emitWithAckV2(good, 'whoami')).to.deep.equal([good.id]);
      const bad = clients.open(server, '/private', mode, { query: { token: 'nope' } });
      expect(await nextV2Event(bad, 'error')).to.deep.equal(['unauthorized']);
    });

    it('sends a "message" back in /', async () => {
      const client = await clients.connect((chat as RunningChat).app.server, '/', mode);
      const echoed = nextV2Event(client, 'message');
      client.emit('message', 'hi', { n: 1 });
      expect(await echoed).to.deep.equal(['hi', { n: 1 }]);
    });
  });
}
