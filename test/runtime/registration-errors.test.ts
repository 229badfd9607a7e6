import { expect } from 'chai';
import { container as rootContainer, type DependencyContainer } from 'tsyringe';
import { ConfigurationError } from '../../src/errors';
import { Namespace, On, OnError, Payload, Sid, UseGuards, Ack } from '../../src';
import { NamespaceExplorer } from '../../src/runtime/explorer';

/** Asserts that compiling `target` throws a ConfigurationError with `message`. */
function expectConfigurationError(explorer: NamespaceExplorer, target: object, message: string): void {
  let caught: unknown;
  try {
    explorer.compile(target);
  } catch (error) {
    caught = error;
  }
  expect(caught).to.be.instanceOf(ConfigurationError);
  expect((caught as ConfigurationError).code).to.equal('CLASSIO_ERR_CONFIG');
  expect((caught as ConfigurationError).message).to.equal(message);
}

interface Unregistered {
  lookup(): string;
}

describe('NamespaceExplorer', () => {
  let container: DependencyContainer;
  let explorer: NamespaceExplorer;

  beforeEach(() => {
    container = rootContainer.createChildContainer();
    explorer = new NamespaceExplorer(container);
  });

  describe('#compile', () => {
    it('rejects two handlers for one event in one class', () => {
      @Namespace('/dup')
      class Dup extends Namespace {
        @On('chat') first() {}
        @On('chat') second() {}
      }
      expectConfigurationError(
        explorer,
        Dup,
        'Dup: methods first and second both handle event "chat"; an event has one handler per class',
      );
    });

    it('rejects a class without a path', () => {
      class Lost extends Namespace {}
      expectConfigurationError(
        explorer,
        Lost,
        "Lost has no namespace path: decorate it with @Namespace('/path') or pass the path to its constructor",
      );
    });

    it('rejects a bad path', () => {
      @Namespace('chat')
      class NoSlash extends Namespace {}
      @Namespace('/a,b')
      class Comma extends Namespace {}
      expectConfigurationError(
        explorer,
        NoSlash,
        'NoSlash: invalid namespace path "chat"; expected "/" followed by no ",", "?", "#" or space',
      );
      expectConfigurationError(
        explorer,
        Comma,
        'Comma: invalid namespace path "/a,b"; expected "/" followed by no ",", "?", "#" or space',
      );
    });

    it('rejects a guard that cannot be resolved, naming the class and method', () => {
      class NeedsService {
        constructor(readonly service: Unregistered) {}
        canActivate() {
          return true;
        }
      }
      Reflect.defineMetadata('design:paramtypes', [Object], NeedsService);
      @Namespace('/guarded')
      class Guarded extends Namespace {
        @UseGuards(NeedsService)
        on_secret() {}
      }
      let caught: unknown;
      try {
        explorer.compile(Guarded);
      } catch (error) {
        caught = error;
      }
      expect(caught).to.be.instanceOf(ConfigurationError);
      expect((caught as Error).message).to.match(
        /^Guarded\.on_secret: guard NeedsService cannot be resolved from the container: /,
      );
      expect((caught as ConfigurationError).cause).to.be.instanceOf(Error);
    });

    it('rejects a guard without canActivate', () => {
      @Namespace('/odd')
      @UseGuards({ check: () => true } as never)
      class Odd extends Namespace {}
      expectConfigurationError(explorer, Odd, 'Odd: guard Object has no canActivate(context) method');
    });

    it('rejects a namespace class whose dependencies cannot be resolved', () => {
      @Namespace('/needy')
      class Needy extends Namespace {
        constructor(readonly service: Unregistered) {
          super();
        }
      }
      expect(() => explorer.compile(Needy)).to.throw(
        ConfigurationError,
        /^Needy cannot be resolved from the container: /,
      );
    });

    it('rejects a reserved event name', () => {
      @Namespace('/reserved')
      class Reserved extends Namespace {
        @On('disconnecting') leaving() {}
      }
      expectConfigurationError(
        explorer,
        Reserved,
        'Reserved.leaving: "disconnecting" is reserved by Socket.IO and cannot be handled as an event',
      );
    });

    it('rejects @Ack() on a lifecycle hook', () => {
      @Namespace('/hook')
      class Hook extends Namespace {
        on_connect(@Ack() ack: () => void) {
          ack();
        }
      }
      expectConfigurationError(
        explorer,
        Hook,
        'Hook.on_connect: connect and disconnect hooks have no ack to inject with @Ack()',
      );
    });

    it('rejects guards on on_disconnect', () => {
      class Allow {
        canActivate() {
          return true;
        }
      }
      @Namespace('/bye')
      class Bye extends Namespace {
        @UseGuards(Allow)
        on_disconnect() {}
      }
      expectConfigurationError(
        explorer,
        Bye,
        'Bye.on_disconnect: a disconnect cannot be refused, so it takes no guards',
      );
    });

    it('rejects a connection-scoped instance', () => {
      @Namespace('/per', { scope: 'connection' })
      class Per extends Namespace {}
      expectConfigurationError(
        explorer,
        new Per(),
        "Per: a namespace with scope 'connection' is created per connection; register the class, not an instance",
      );
    });

    it('rejects an @OnError() filter that is neither an event name nor a class', () => {
      @Namespace('/filters')
      class Filters extends Namespace {
        @OnError('upload', 42 as never) failed() {}
      }
      expectConfigurationError(
        explorer,
        Filters,
        'Filters.failed: @OnError() takes event names and error classes, got number',
      );
    });

    it('rejects a parameter decorator on the constructor or on a static method', () => {
      @Namespace('/built')
      class Built extends Namespace {
        constructor(@Sid() readonly clientId: string) {
          super();
        }
      }
      expectConfigurationError(
        explorer,
        Built,
        "Built: @Sid() decorates parameter 0 of the constructor; classio's parameter decorators apply to instance methods only",
      );
      @Namespace('/static')
      class Static extends Namespace {
        static helper(@Payload() payload: unknown) {
          return payload;
        }
      }
      expectConfigurationError(
        explorer,
        Static,
        "Static: @Payload() decorates parameter 0 of static method helper; classio's parameter decorators apply to instance methods only",
      );
    });

    it('rejects @Namespace() without a path when the class is declared', () => {
      let caught: unknown;
      try {
        Namespace(undefined as unknown as string);
      } catch (error) {
        caught = error;
      }
      expect(caught).to.be.instanceOf(ConfigurationError);
      expect((caught as ConfigurationError).code).to.equal('CLASSIO_ERR_CONFIG');
      expect((caught as ConfigurationError).message).to.equal(
        '@Namespace(path) needs the namespace path, e.g. "/chat"',
      );
    });

    it('rejects an unknown scope', () => {
      @Namespace('/scope', { scope: 'request' as never })
      class Scoped extends Namespace {}
      expectConfigurationError(
        explorer,
        Scoped,
        "Scoped: invalid scope \"request\"; expected 'singleton' or 'connection'",
      );
    });

    it('rejects an option name @Namespace() does not know', () => {
      @Namespace('/scoped', { scoped: 'connection' } as never)
      class Misspelt extends Namespace {}
      expectConfigurationError(
        explorer,
        Misspelt,
        'Misspelt: @Namespace(): unknown option "scoped"; did you mean "scope"?',
      );
    });

    it('rejects an option name @Payload() does not know', () => {
      class Dto {}
      @Namespace('/payload')
      class Misspelt extends Namespace {
        on_send(@Payload({ transfomer: { excludeExtraneousValues: true } } as never) dto: Dto) {
          return dto;
        }
      }
      expectConfigurationError(
        explorer,
        Misspelt,
        'Misspelt.on_send: @Payload() of parameter 0: unknown option "transfomer"; did you mean "transformer"?',
      );
    });
  });
});
