import { expect } from 'chai';
import { IsString, Validate, ValidatorConstraint, type ValidatorConstraintInterface } from 'class-validator';
import { container as rootContainer, type DependencyContainer } from 'tsyringe';
import type { Socket } from '../../src/namespace/socket';
import { ForbiddenError, ValidationError } from '../../src/errors';
import { Namespace, On, OnError, Payload, UseGuards, Ack, currentSid } from '../../src';
import { NamespaceExplorer } from '../../src/runtime/explorer';

/** Compile-level tests call the compiled handlers directly with a stand-in socket. */
function fakeSocket(id = 'sid-1'): Socket {
  return { id, nsp: { name: '/unit' }, data: {}, handshake: { auth: {} }, disconnected: false } as unknown as Socket;
}

class Named {
  @IsString()
  name!: string;
}

@ValidatorConstraint({ name: 'freeName', async: true })
class FreeName implements ValidatorConstraintInterface {
  async validate(value: unknown): Promise<boolean> {
    await Promise.resolve();
    return value !== 'taken';
  }
  defaultMessage(): string {
    return 'name is taken';
  }
}

class Registration {
  @IsString()
  @Validate(FreeName)
  name!: string;
}

let resolutions = 0;
class CountingGuard {
  constructor() {
    resolutions++;
  }
  canActivate(): boolean {
    return false;
  }
}

describe('RouteTable compilation', () => {
  let container: DependencyContainer;
  let explorer: NamespaceExplorer;

  beforeEach(() => {
    container = rootContainer.createChildContainer();
    explorer = new NamespaceExplorer(container);
  });

  describe('empty stages', () => {
    it('stores no connect, disconnect or error hook when the class declares none', () => {
      @Namespace('/unit')
      class Plain extends Namespace {
        on_echo(value: unknown) {
          return value;
        }
      }
      const { table, path } = explorer.compile(Plain);
      expect(path).to.equal('/unit');
      expect([...table.routes.keys()]).to.deep.equal(['echo']);
      expect(table.connect).to.equal(null);
      expect(table.disconnect).to.equal(null);
      expect(table.onError).to.equal(null);
      expect(table.routes.get('echo')!.onError).to.equal(null);
      expect(table.routes.get('echo')!.answersAck).to.equal(false);
    });
  });

  describe('#handle', () => {
    it('returns a synchronous result as it is, not as a promise', () => {
      @Namespace('/unit')
      class Sync extends Namespace {
        on_echo(value: unknown) {
          return [value, currentSid()];
        }
      }
      const route = explorer.compile(Sync).table.routes.get('echo')!;
      expect(route.handle(fakeSocket(), ['x'], null)).to.deep.equal(['x', 'sid-1']);
    });

    it('validates a payload synchronously and throws ValidationError for a bad one', () => {
      @Namespace('/unit')
      class Dto extends Namespace {
        on_hello(@Payload() named: Named) {
          return named instanceof Named ? named.name : 'not a Named';
        }
      }
      const route = explorer.compile(Dto).table.routes.get('hello')!;
      expect(route.handle(fakeSocket(), [{ name: 'ada' }], null)).to.equal('ada');
      expect(() => route.handle(fakeSocket(), [{ name: 1 }], null))
        .to.throw(ValidationError, 'invalid payload for event "hello": expected a valid Named; failing: name')
        .with.property('code', 'CLASSIO_ERR_VALIDATION');
    });

    it('takes the asynchronous path only for a DTO with async constraints', async () => {
      @Namespace('/unit')
      class Signup extends Namespace {
        on_signup(@Payload() registration: Registration) {
          return registration.name;
        }
      }
      const route = explorer.compile(Signup).table.routes.get('signup')!;
      const accepted = route.handle(fakeSocket(), [{ name: 'ada' }], null);
      expect(accepted).to.be.instanceOf(Promise);
      expect(await accepted).to.equal('ada');
      const refused = await (route.handle(fakeSocket(), [{ name: 'taken' }], null) as Promise<unknown>).then(
        () => null,
        (error: unknown) => error,
      );
      expect(refused).to.be.instanceOf(ValidationError);
      expect((refused as ValidationError).data).to.deep.equal([
        { property: 'name', constraints: { freeName: 'name is taken' } },
      ]);
    });

    it('marks a route whose handler takes @Ack() as answering the ack itself', () => {
      @Namespace('/unit')
      class Later extends Namespace {
        @On('later') later(@Ack() ack: (value: string) => void) {
          ack('now');
        }
      }
      const route = explorer.compile(Later).table.routes.get('later')!;
      const answers: unknown[] = [];
      route.handle(fakeSocket(), [], (value) => answers.push(value));
      expect(route.answersAck).to.equal(true);
      expect(answers).to.deep.equal(['now']);
    });
  });

  describe('guards', () => {
    it('resolves a guard once at registration and throws ForbiddenError per refused message', () => {
      resolutions = 0;
      @Namespace('/unit')
      class Guarded extends Namespace {
        @UseGuards(CountingGuard) on_a() {}
        @UseGuards(CountingGuard) on_b() {}
      }
      const { table } = explorer.compile(Guarded);
      for (let i = 0; i < 3; i++) {
        expect(() => table.routes.get('a')!.handle(fakeSocket(), [], null))
          .to.throw(ForbiddenError, 'guard CountingGuard refused event "a" in namespace "/unit"')
          .with.property('code', 'CLASSIO_ERR_FORBIDDEN');
      }
      expect(resolutions).to.equal(1);
    });

    it('compiles class guards into the connect hook, which returns false on refusal', () => {
      @Namespace('/unit')
      @UseGuards(CountingGuard)
      class Closed extends Namespace {}
      const { table } = explorer.compile(Closed);
      expect(table.connect!(fakeSocket())).to.equal(false);
    });
  });

  describe('error handlers', () => {
    it('gives event-specific handlers to their route and the rest to the table', () => {
      @Namespace('/unit')
      class Handlers extends Namespace {
        on_a() {}
        on_b() {}
        @OnError('a') onlyA() {
          return 'a';
        }
        @OnError() all() {
          return 'all';
        }
      }
      const { table } = explorer.compile(Handlers);
      expect(table.routes.get('a')!.onError!(new Error('x'), fakeSocket(), 'a', [])).to.equal('a');
      expect(table.routes.get('b')!.onError).to.equal(null);
      expect(table.onError!(new Error('x'), fakeSocket(), 'b', [])).to.equal('all');
    });

    it('does not route an @OnError method named on_error as the "error" event', () => {
      @Namespace('/unit')
      class Flaskish extends Namespace {
        @OnError()
        on_error() {
          return 'handled';
        }
      }
      const { table } = explorer.compile(Flaskish);
      expect(table.routes.size).to.equal(0);
      expect(table.onError!(new Error('x'), fakeSocket(), 'any', [])).to.equal('handled');
    });
  });
});
