import 'reflect-metadata';
import { expect } from 'chai';
import {
  Ack,
  ConnectedSocket,
  Context,
  Namespace,
  On,
  OnError,
  Payload,
  Session,
  Sid,
  UseGuards,
} from '../../decorators';
import { kClassMetadata, readNamespace, readOwnMetadata, readParamTypes } from '../../decorators/metadata';

class Guard {
  canActivate(): boolean {
    return true;
  }
}
class OtherGuard extends Guard {}
class Dto {}
class KnownError extends Error {}

describe('Decorators', () => {
  describe('@Namespace', () => {
    it('records the path and options on the class', () => {
      @Namespace('/chat', { scope: 'connection' })
      class Chat {}
      expect(readNamespace(Chat)).to.deep.equal({ path: '/chat', options: { scope: 'connection' } });
    });

    it('is inherited by a subclass until it declares its own', () => {
      @Namespace('/base')
      class Base {}
      class Child extends Base {}
      @Namespace('/own')
      class Own extends Base {}
      expect(readNamespace(Child)?.path).to.equal('/base');
      expect(readNamespace(Own)?.path).to.equal('/own');
    });
  });

  describe('@On', () => {
    it('records events per method, keeping each class its own record', () => {
      class Base {
        @On('my event') handle() {}
      }
      class Child extends Base {
        @On('a')
        @On('b')
        both() {}
      }
      expect([...readOwnMetadata(Base)!.events]).to.deep.equal([['handle', ['my event']]]);
      expect([...readOwnMetadata(Child)!.events]).to.deep.equal([['both', ['a', 'b']]]);
    });

    it('stores the record under a symbol, invisible to enumeration', () => {
      class Hidden {
        @On('x') x() {}
      }
      expect(Object.keys(Hidden)).to.deep.equal([]);
      expect(Object.getOwnPropertySymbols(Hidden)).to.deep.equal([kClassMetadata]);
    });
  });

  describe('@OnError', () => {
    it('records event names and error classes as filters', () => {
      class Handlers {
        @OnError('upload', KnownError) failed() {}
        @OnError() all() {}
      }
      expect([...readOwnMetadata(Handlers)!.errorHandlers]).to.deep.equal([
        ['failed', ['upload', KnownError]],
        ['all', []],
      ]);
    });

    it('records a filter that is neither an event name nor a class as given, for registration to refuse', () => {
      class Bad {
        @OnError(42 as never) failed() {}
      }
      expect(readOwnMetadata(Bad)!.errorHandlers.get('failed')).to.deep.equal([42]);
    });
  });

  describe('@UseGuards', () => {
    it('records class guards and method guards apart', () => {
      @UseGuards(Guard)
      class Guarded {
        @UseGuards(Guard, OtherGuard) secret() {}
      }
      const record = readOwnMetadata(Guarded)!;
      expect(record.classGuards).to.deep.equal([Guard]);
      expect([...record.methodGuards]).to.deep.equal([['secret', [Guard, OtherGuard]]]);
    });

    it('keeps several @UseGuards in source order', () => {
      @UseGuards(Guard)
      @UseGuards(OtherGuard)
      class Twice {
        @UseGuards(OtherGuard)
        @UseGuards(Guard)
        secret() {}
      }
      const record = readOwnMetadata(Twice)!;
      expect(record.classGuards).to.deep.equal([Guard, OtherGuard]);
      expect(record.methodGuards.get('secret')).to.deep.equal([OtherGuard, Guard]);
    });
  });

  describe('parameter decorators', () => {
    it('record each parameter in index order with its kind and payload options', () => {
      class Handler {
        handle(
          @Payload() dto: Dto,
          @ConnectedSocket() socket: unknown,
          @Sid() sid: string,
          @Ack() ack: unknown,
          @Context() context: unknown,
          @Session() session: unknown,
          @Payload({ index: 1, validate: false }) raw: unknown,
        ) {
          return [dto, socket, sid, ack, context, session, raw];
        }
      }
      expect(readOwnMetadata(Handler)!.params.get('handle')).to.deep.equal([
        { index: 0, kind: 'payload', payload: {} },
        { index: 1, kind: 'socket' },
        { index: 2, kind: 'sid' },
        { index: 3, kind: 'ack' },
        { index: 4, kind: 'context' },
        { index: 5, kind: 'session' },
        { index: 6, kind: 'payload', payload: { index: 1, validate: false } },
      ]);
    });

    it('accept the DTO class as the only argument of @Payload', () => {
      class Handler {
        handle(@Payload(Dto) dto: unknown) {
          return dto;
        }
      }
      expect(readOwnMetadata(Handler)!.params.get('handle')).to.deep.equal([
        { index: 0, kind: 'payload', payload: { type: Dto } },
      ]);
    });

    it('leave the declared parameter types readable for the runtime', () => {
      class Handler {
        handle(@Payload() dto: Dto, @Sid() sid: string) {
          return [dto, sid];
        }
      }
      expect(readParamTypes(Handler.prototype, 'handle')).to.deep.equal([Dto, String]);
    });

    it('record a parameter of the constructor or of a static method as misplaced, for registration to refuse', () => {
      class Misplaced {
        constructor(@Sid() readonly sid: string) {}
        static make(_first: unknown, @Payload() dto: Dto) {
          return dto;
        }
      }
      // TypeScript applies static member decorators before constructor parameter decorators.
      expect(readOwnMetadata(Misplaced)!.misplacedParams).to.deep.equal([
        { method: 'make', param: { index: 1, kind: 'payload', payload: {} } },
        { method: undefined, param: { index: 0, kind: 'sid' } },
      ]);
      expect(readOwnMetadata(Misplaced)!.params.size).to.equal(0);
    });
  });
});
