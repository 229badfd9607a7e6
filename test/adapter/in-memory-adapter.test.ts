import { expect } from 'chai';
import { InMemoryAdapter } from '../../src/adapter/in-memory-adapter';
import type { AdapterHost, AdapterSocket, BroadcastOptions } from '../../src/adapter/adapter';
import type { EngineData } from '../../src/engine/types';
import { PacketType } from '../../src/protocol/packet';

/** A local socket that records what the adapter writes to it. */
class RecordingSocket implements AdapterSocket {
  readonly written: (readonly EngineData[])[] = [];
  constructor(
    readonly id: string,
    private readonly adapter: () => InMemoryAdapter,
  ) {}
  writeEncoded(frames: readonly EngineData[]): void {
    this.written.push(frames);
  }
  registerAck(): number {
    return 0;
  }
  join(rooms: string | readonly string[]): void {
    this.adapter().addAll(this.id, typeof rooms === 'string' ? [rooms] : rooms);
  }
  leave(room: string): void {
    this.adapter().del(this.id, room);
  }
  disconnect(): void {
    this.adapter().delAll(this.id);
  }
  describe() {
    return { id: this.id, rooms: [...(this.adapter().socketRooms(this.id) ?? [])], data: {}, handshake: {} };
  }
}

function target(rooms: string[] = [], except: string[] = []): BroadcastOptions {
  return { rooms: new Set(rooms), except: new Set(except), flags: {} };
}

describe('InMemoryAdapter', () => {
  let adapter: InMemoryAdapter;
  let sockets: Map<string, RecordingSocket>;

  beforeEach(() => {
    sockets = new Map();
    const host: AdapterHost = { name: '/', socket: (sid) => sockets.get(sid), onServerSideEmit: () => {} };
    adapter = new InMemoryAdapter(host);
    for (const sid of ['s1', 's2', 's3']) {
      sockets.set(sid, new RecordingSocket(sid, () => adapter));
      adapter.addAll(sid, [sid]);
    }
  });

  describe('#broadcast', () => {
    it('encodes once and writes the same frames to every recipient', () => {
      adapter.broadcast({ type: PacketType.EVENT, nsp: '/', data: ['news', 1] }, target());
      const [first, second, third] = ['s1', 's2', 's3'].map((sid) => sockets.get(sid)!.written);
      expect(first).to.have.length(1);
      expect(first[0]).to.equal(second[0]);
      expect(first[0]).to.equal(third[0]);
      expect(first[0]).to.deep.equal(['2["news",1]']);
    });

    it('reaches each member of several rooms once, minus the excluded rooms', () => {
      adapter.addAll('s1', ['a', 'b']);
      adapter.addAll('s2', ['b']);
      adapter.addAll('s3', ['a', 'x']);
      adapter.broadcast({ type: PacketType.EVENT, nsp: '/', data: ['e'] }, target(['a', 'b'], ['x']));
      expect(sockets.get('s1')!.written).to.have.length(1);
      expect(sockets.get('s2')!.written).to.have.length(1);
      expect(sockets.get('s3')!.written).to.have.length(0);
    });
  });

  describe('#delAll', () => {
    it('removes the socket from every room and drops empty rooms', () => {
      adapter.addAll('s1', ['a']);
      adapter.delAll('s1');
      expect(adapter.rooms.has('a')).to.equal(false);
      expect(adapter.rooms.has('s1')).to.equal(false);
      expect(adapter.socketRooms('s1')).to.equal(undefined);
    });
  });

  describe('#delSockets', () => {
    it('lets every member of a room leave it, even while the walk changes the room', () => {
      adapter.addAll('s1', ['a']);
      adapter.addAll('s2', ['a']);
      adapter.delSockets(target(['a']), ['a']);
      expect(adapter.rooms.has('a')).to.equal(false);
    });
  });

  describe('own rooms', () => {
    const members = (room: string) => [...(adapter.rooms.get(room) ?? [])];
    const roomsOf = (sid: string) => [...(adapter.socketRooms(sid) ?? [])];
    const written = () => ['s1', 's2', 's3'].filter((sid) => sockets.get(sid)!.written.length > 0);

    it('shares one Set as the rooms of a socket in only its own room and as its sid room', () => {
      const own = adapter.socketRooms('s1');
      expect(adapter.rooms.get('s1')).to.equal(own);
      expect(own).to.be.instanceOf(Set);
      expect([...own!]).to.deep.equal(['s1']);
      expect(adapter.rooms.get('s2')).to.equal(adapter.socketRooms('s2'));
      expect(adapter.rooms.get('s2')).to.not.equal(own);
    });

    it('lists the sid rooms among the rooms', () => {
      expect([...adapter.rooms.keys()]).to.deep.equal(['s1', 's2', 's3']);
      expect([...adapter.rooms].map(([room, sids]) => [room, [...sids]])).to.deep.equal([
        ['s1', ['s1']],
        ['s2', ['s2']],
        ['s3', ['s3']],
      ]);
    });

    it('keeps the rooms of a socket that joins other rooms the same live Set, and copies its sid room', () => {
      const own = adapter.socketRooms('s1');
      adapter.addAll('s1', ['a', 'b']);
      expect(adapter.socketRooms('s1')).to.equal(own);
      expect([...own!]).to.deep.equal(['s1', 'a', 'b']);
      expect(adapter.rooms.get('s1')).to.not.equal(own);
      expect(members('s1')).to.deep.equal(['s1']);
      expect(members('a')).to.deep.equal(['s1']);
      adapter.broadcast({ type: PacketType.EVENT, nsp: '/', data: ['e'] }, target(['s1']));
      expect(written()).to.deep.equal(['s1']);

      adapter.del('s1', 'a');
      adapter.del('s1', 'b');
      expect(roomsOf('s1')).to.deep.equal(['s1']);
      expect(adapter.rooms.has('a')).to.equal(false);
      expect(adapter.rooms.has('b')).to.equal(false);
      expect(adapter.socketRooms('s1')).to.equal(own);
      adapter.broadcast({ type: PacketType.EVENT, nsp: '/', data: ['e'] }, target(['s1']));
      expect(sockets.get('s1')!.written).to.have.length(2);
    });

    it("gives the sid room a Set of its own when another socket joins it, and keeps the socket's rooms", () => {
      const own = adapter.socketRooms('s1');
      adapter.addAll('s2', ['s1']);
      expect(members('s1')).to.deep.equal(['s1', 's2']);
      expect(adapter.rooms.get('s1')).to.not.equal(own);
      expect(adapter.socketRooms('s1')).to.equal(own);
      expect(roomsOf('s1')).to.deep.equal(['s1']);
      expect(roomsOf('s2')).to.deep.equal(['s2', 's1']);
      expect(members('s2')).to.deep.equal(['s2']);
      adapter.broadcast({ type: PacketType.EVENT, nsp: '/', data: ['e'] }, target(['s1']));
      expect(written()).to.deep.equal(['s1', 's2']);

      adapter.del('s2', 's1');
      expect(members('s1')).to.deep.equal(['s1']);
      expect(roomsOf('s2')).to.deep.equal(['s2']);
      expect(adapter.socketRooms('s1')).to.equal(own);
    });

    it('keeps a room named after a sid for the other sockets in it when that socket disconnects', () => {
      adapter.addAll('s2', ['s1']);
      adapter.delAll('s1');
      expect(members('s1')).to.deep.equal(['s2']);
      expect(adapter.socketRooms('s1')).to.equal(undefined);
      adapter.delAll('s2');
      expect(adapter.rooms.has('s1')).to.equal(false);
      expect(adapter.rooms.has('s2')).to.equal(false);
    });

    it('leaves its own room: its rooms are empty, the sid room is gone, and it can join it again', () => {
      adapter.del('s1', 's1');
      expect(adapter.socketRooms('s1')).to.not.equal(undefined);
      expect(roomsOf('s1')).to.deep.equal([]);
      expect(adapter.rooms.has('s1')).to.equal(false);
      adapter.broadcast({ type: PacketType.EVENT, nsp: '/', data: ['e'] }, target(['s1']));
      expect(written()).to.deep.equal([]);

      adapter.addAll('s1', ['s1']);
      expect(roomsOf('s1')).to.deep.equal(['s1']);
      expect(members('s1')).to.deep.equal(['s1']);
      adapter.broadcast({ type: PacketType.EVENT, nsp: '/', data: ['e'] }, target(['s1']));
      expect(written()).to.deep.equal(['s1']);
    });

    it('leaves a room it is not in without a change', () => {
      const own = adapter.socketRooms('s1');
      adapter.del('s1', 'nowhere');
      adapter.del('s1', 's2');
      expect(adapter.socketRooms('s1')).to.equal(own);
      expect(adapter.rooms.get('s1')).to.equal(own);
      expect(members('s2')).to.deep.equal(['s2']);
    });

    it('reaches sid rooms through several rooms and excludes them', () => {
      adapter.broadcast({ type: PacketType.EVENT, nsp: '/', data: ['e'] }, target(['s1', 's2', 's3'], ['s2']));
      expect(written()).to.deep.equal(['s1', 's3']);
      adapter.broadcast({ type: PacketType.EVENT, nsp: '/', data: ['e'] }, target([], ['s1']));
      expect(sockets.get('s1')!.written).to.have.length(1);
      expect(sockets.get('s2')!.written).to.have.length(1);
      expect(sockets.get('s3')!.written).to.have.length(2);
      adapter.broadcast({ type: PacketType.EVENT, nsp: '/', data: ['e'] }, target(['s3'], ['s3']));
      expect(sockets.get('s3')!.written).to.have.length(2);
    });

    it('joins and describes sockets through their sid rooms, and removes them on disconnect', async () => {
      adapter.addSockets(target(['s1', 's2']), ['game']);
      expect(members('game')).to.deep.equal(['s1', 's2']);
      expect(members('s1')).to.deep.equal(['s1']);
      const found = await adapter.fetchSockets(target(['game']));
      expect(found.map((socket) => socket.rooms)).to.deep.equal([
        ['s1', 'game'],
        ['s2', 'game'],
      ]);
      adapter.delSockets(target(['s2']), ['game']);
      expect(members('game')).to.deep.equal(['s1']);
      adapter.delAll('s3');
      expect(adapter.rooms.has('s3')).to.equal(false);
      expect(adapter.socketRooms('s3')).to.equal(undefined);
      expect([...(await adapter.sockets(new Set()))]).to.deep.equal(['s1', 's2']);
    });
  });

  describe('#sockets', () => {
    it('lists the sids of some rooms, or all', async () => {
      adapter.addAll('s2', ['a']);
      expect([...(await adapter.sockets(new Set(['a'])))]).to.deep.equal(['s2']);
      expect(await adapter.sockets(new Set())).to.have.all.keys('s1', 's2', 's3');
    });
  });
});
