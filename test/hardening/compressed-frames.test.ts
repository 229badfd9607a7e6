import { expect } from 'chai';
import { deflateRawSync } from 'node:zlib';
import type { Socket } from '../../src/namespace/socket';
import type { Server } from '../../src/server';
import type { EngineCloseReason } from '../../src/engine/types';
import { ClientPool, TRANSPORT_MODES, startServer, until } from '../support/io';

const WEBSOCKET = TRANSPORT_MODES.find((mode) => mode.name === 'websocket')!;
const MAX = 100_000;

/**
 * Compressed frames from a hostile client: the limit on a message is its inflated size, so a small frame that
 * inflates past `maxHttpBufferSize` (a decompression bomb) closes its own session and nobody else's.
 */
for (const perMessageDeflate of [true, { serverNoContextTakeover: true, clientNoContextTakeover: true }]) {
  describe(`Compressed frames (${perMessageDeflate === true ? 'context takeover' : 'no context takeover'})`, () => {
    let server: Server;
    const clients = new ClientPool();
    const reasons = new Map<string, EngineCloseReason>();
    const sockets = new Map<string, Socket>();

    beforeEach(async () => {
      server = await startServer({ perMessageDeflate, maxHttpBufferSize: MAX });
      reasons.clear();
      sockets.clear();
      server.of('/').on('connection', (socket: Socket) => {
        sockets.set(socket.id, socket);
        socket.conn.on('close', (reason) => reasons.set(socket.id, reason));
        socket.on('echo', (data: string, ack: (answer: string) => void) => ack(data));
      });
    });

    afterEach(async () => {
      await clients.closeAll();
      await server.close();
    });

    it('closes only the client whose small frame inflates past maxHttpBufferSize', async () => {
      const bomber = await clients.connect(server, '/', WEBSOCKET);
      const bystander = await clients.connect(server, '/', WEBSOCKET);
      const bomb = 'a'.repeat(50 * MAX);
      // What the client puts on the wire is a few kilobytes, far under the limit.
      expect(deflateRawSync(`42["echo","${bomb}"]`).length).to.be.below(MAX / 10);
      const bomberId = bomber.id!;
      bomber.emit('echo', bomb);
      await until(() => reasons.has(bomberId), 'the bomber to be closed');
      expect(reasons.get(bomberId)).to.equal('message too large');
      expect(await bystander.emitWithAck('echo', 'still here')).to.equal('still here');
      expect(reasons.size).to.equal(1);
    });

    it('takes a compressed message just under the limit', async () => {
      const client = await clients.connect(server, '/', WEBSOCKET);
      const data = 'b'.repeat(MAX - 100);
      expect(await client.emitWithAck('echo', data)).to.equal(data);
    });
  });
}
