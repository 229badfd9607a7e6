"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const chai_1 = require("chai");
const in_memory_adapter_1 = require("../../src/adapter/in-memory-adapter");
const packet_1 = require("../../src/protocol/packet");
/** A local socket that records what the adapter writes to it. */
class RecordingSocket {
    constructor(id, adapter) {
        this.id = id;
        this.adapter = adapter;
        this.written = [];
    }
    writeEncoded(frames) {
        this.written.push(frames);
    }
    registerAck() {
        return 0;
    }
    join(rooms) {
        this.adapter().addAll(this.id, typeof rooms === 'string' ? [rooms] : rooms);
    }
    leave(room) {
        this.adapter().del(this.id, room);
    }
    disconnect() {
        this.adapter().delAll(this.id);
    }
    describe() {
        return { id: this.id, rooms: [...(this.adapter().socketRooms(this.id) ?? [])], data: {}, handshake: {} };
    }
}
function target(rooms = [], except = []) {
    return { rooms: new Set(rooms), except: new Set(except), flags: {} };
}
describe('InMemoryAdapter', () => {
    let adapter;
    let sockets;
    beforeEach(() => {
        sockets = new Map();
        const host = { name: '/', socket: (sid) => sockets.get(sid), onServerSideEmit: () => { } };
        adapter = new in_memory_adapter_1.InMemoryAdapter(host);
        for (const sid of ['s1', 's2', 's3']) {
            sockets.set(sid, new RecordingSocket(sid, () => adapter));
            adapter.addAll(sid, [sid]);
        }
    });
    describe('#broadcast', () => {
        it('encodes once and writes the same frames to every recipient', () => {
            adapter.broadcast({ type: packet_1.PacketType.EVENT, nsp: '/', data: ['news', 1] }, target());
            const [first, second, third] = ['s1', 's2', 's3'].map((sid) => sockets.get(sid).written);
            (0, chai_1.expect)(first).to.have.length(1);
            (0, chai_1.expect)(first[0]).to.equal(second[0]);
            (0, chai_1.expect)(first[0]).to.equal(third[0]);
            (0, chai_1.expect)(first[0]).to.deep.equal(['2["news",1]']);
        });
        it('reaches each member of several rooms once, minus the excluded rooms', () => {
            adapter.addAll('s1', ['a', 'b']);
            adapter.addAll('s2', ['b']);
            adapter.addAll('s3', ['a', 'x']);
            adapter.broadcast({ type: packet_1.PacketType.EVENT, nsp: '/', data: ['e'] }, target(['a', 'b'], ['x']));
            (0, chai_1.expect)(sockets.get('s1').written).to.have.length(1);
            (0, chai_1.expect)(sockets.get('s2').written).to.have.length(1);
            (0, chai_1.expect)(sockets.get('s3').written).to.have.length(0);
        });
    });
    describe('#delAll', () => {
        it('removes the socket from every room and drops empty rooms', () => {
            adapter.addAll('s1', ['a']);
            adapter.delAll('s1');
            (0, chai_1.expect)(adapter.rooms.has('a')).to.equal(false);
            (0, chai_1.expect)(adapter.rooms.has('s1')).to.equal(false);
            (0, chai_1.expect)(adapter.socketRooms('s1')).to.equal(undefined);
        });
    });
    describe('#delSockets', () => {
        it('lets every member of a room leave it, even while the walk changes the room', () => {
            adapter.addAll('s1', ['a']);
            adapter.addAll('s2', ['a']);
            adapter.delSockets(target(['a']), ['a']);
            (0, chai_1.expect)(adapter.rooms.has('a')).to.equal(false);
        });
    });
    describe('#sockets', () => {
        it('lists the sids of some rooms, or all', async () => {
            adapter.addAll('s2', ['a']);
            (0, chai_1.expect)([...(await adapter.sockets(new Set(['a'])))]).to.deep.equal(['s2']);
            (0, chai_1.expect)(await adapter.sockets(new Set())).to.have.all.keys('s1', 's2', 's3');
        });
    });
});
//# sourceMappingURL=in-memory-adapter.test.js.map