import 'reflect-metadata';
import { expect } from 'chai';
import { Emits, Replies } from '../../decorators';
import { readEmits, readOwnMetadata, readReply } from '../../decorators/metadata';

class Message {}
class Receipt {}

describe('Decorators', () => {
  describe('@Emits', () => {
    it('records each declaration on the class, in source order', () => {
      @Emits('message', Message, { ack: Receipt, description: 'a new message' })
      @Emits('typing', [String])
      @Emits('ping')
      class Chat {}
      expect(readOwnMetadata(Chat)!.emits).to.deep.equal([
        { event: 'message', payload: Message, ack: Receipt, description: 'a new message' },
        { event: 'typing', payload: [String], ack: undefined, description: undefined },
        { event: 'ping', payload: null, ack: undefined, description: undefined },
      ]);
    });

    it("lets a subclass replace a parent's event in its place and add its own", () => {
      @Emits('a', String)
      @Emits('b', Number)
      class Base {}
      @Emits('b', Message)
      @Emits('c')
      class Child extends Base {}
      expect(readEmits(Child).map(({ event, payload }) => [event, payload])).to.deep.equal([
        ['a', String],
        ['b', Message],
        ['c', null],
      ]);
      expect(readEmits(Base).map(({ event }) => event)).to.deep.equal(['a', 'b']);
    });
  });

  describe('@Replies', () => {
    it('records the answer type per method, inherited until a subclass declares its own', () => {
      class Base {
        @Replies(Receipt) send() {}
        @Replies(String) whoami() {}
      }
      class Child extends Base {
        @Replies([Receipt]) override send() {}
      }
      expect(readReply(Child, 'send')).to.deep.equal([Receipt]);
      expect(readReply(Child, 'whoami')).to.equal(String);
      expect(readReply(Base, 'send')).to.equal(Receipt);
      expect(readReply(Child, 'other')).to.equal(undefined);
    });
  });
});
