import { expect } from 'chai';
import { injectable } from 'tsyringe';
import { Validate, ValidatorConstraint, type ValidatorConstraintInterface } from 'class-validator';
import { Namespace, On, OnError, Payload, UseGuards } from '../../src';
import type { Socket } from '../../src/namespace/socket';
import { Harness, modeOf } from './support/harness';
import { until } from '../support/io';

/**
 * A sync throw or a rejected promise anywhere user code runs (handler, guard, validator, error handler, connect
 * and disconnect hooks, Socket.IO-style listeners, middleware) is caught and reaches the error path: the client
 * gets an ack error or a connect_error, the logger gets what nobody handled, and nothing reaches the process as
 * `uncaughtException` or `unhandledRejection`. The bystander on `/` sees none of it.
 */

@injectable()
class ThrowingGuard {
  canActivate(): boolean {
    throw new Error('guard threw');
  }
}

@injectable()
class RejectingGuard {
  canActivate(): Promise<boolean> {
    return Promise.reject(new Error('guard rejected'));
  }
}

@ValidatorConstraint({ name: 'explodes' })
class ExplodingConstraint implements ValidatorConstraintInterface {
  validate(): boolean {
    throw new Error('validator threw');
  }
}

@ValidatorConstraint({ name: 'explodesLater', async: true })
class RejectingConstraint implements ValidatorConstraintInterface {
  validate(): Promise<boolean> {
    return Promise.reject(new Error('validator rejected'));
  }
}

class SyncDto {
  @Validate(ExplodingConstraint) value!: string;
}

class AsyncDto {
  @Validate(RejectingConstraint) value!: string;
}

@Namespace('/failing')
@injectable()
class Failing extends Namespace {
  @On('sync throw')
  syncThrow(): never {
    throw new Error('sync throw');
  }

  @On('async reject')
  asyncReject(): Promise<never> {
    return Promise.reject(new Error('async reject'));
  }

  @On('reject with a string')
  rejectWithString(): Promise<never> {
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- a non-Error reason is what it tests
    return Promise.reject('not an Error');
  }

  @On('guard throws')
  @UseGuards(ThrowingGuard)
  guarded(): string {
    return 'unreachable';
  }

  @On('guard rejects')
  @UseGuards(RejectingGuard)
  guardedAsync(): string {
    return 'unreachable';
  }

  @On('validator throws')
  validated(@Payload() _payload: SyncDto): string {
    return 'unreachable';
  }

  @On('validator rejects')
  validatedAsync(@Payload() _payload: AsyncDto): string {
    return 'unreachable';
  }
}

@Namespace('/error-handler-throws')
@injectable()
class ErrorHandlerThrows extends Namespace {
  @On('fail')
  fail(): never {
    throw new Error('original');
  }

  @OnError()
  failed(): never {
    throw new Error('error handler threw');
  }
}

@Namespace('/error-handler-rejects')
@injectable()
class ErrorHandlerRejects extends Namespace {
  @On('fail')
  fail(): Promise<never> {
    return Promise.reject(new Error('original'));
  }

  @OnError()
  failed(): Promise<never> {
    return Promise.reject(new Error('error handler rejected'));
  }
}

@Namespace('/connect-throws')
@injectable()
class ConnectThrows extends Namespace {
  on_connect(): void {
    throw new Error('connect hook threw');
  }
}

@Namespace('/connect-rejects')
@injectable()
class ConnectRejects extends Namespace {
  on_connect(): Promise<void> {
    return Promise.reject(new Error('connect hook rejected'));
  }
}

@Namespace('/guard-rejects')
@UseGuards(RejectingGuard)
@injectable()
class ClassGuardRejects extends Namespace {}

@Namespace('/disconnect-fails')
@injectable()
class DisconnectFails extends Namespace {
  on_disconnect(): Promise<void> {
    return Promise.reject(new Error('disconnect hook rejected'));
  }
}

describe('Handler failures', () => {
  let harness: Harness;

  before(async () => {
    harness = await Harness.start('websocket');
    const { server } = harness;
    server.register(Failing).register(ErrorHandlerThrows).register(ErrorHandlerRejects);
    server.register(ConnectThrows).register(ConnectRejects).register(ClassGuardRejects).register(DisconnectFails);
    // A second disconnect hook on the same namespace: the hooks are chained, and both fail.
    server.on(
      'disconnect',
      () => {
        throw new Error('functional disconnect hook threw');
      },
      { namespace: '/disconnect-fails' },
    );
    server.of('/middleware-throws').use(() => {
      throw new Error('middleware threw');
    });
    server.of('/listeners').on('connection', (socket: Socket) => {
      socket.on('listener throws', () => {
        throw new Error('listener threw');
      });
      socket.on('listener rejects', () => Promise.reject(new Error('listener rejected')));
      socket.on('disconnect', () => {
        throw new Error('disconnect listener threw');
      });
      socket.onAny(() => {
        throw new Error('catch-all listener threw');
      });
      throw new Error('connection listener threw');
    });
  });

  after(async () => {
    await harness.stop();
  });

  beforeEach(() => {
    harness.logged.length = 0;
  });

  afterEach(async () => {
    await harness.assertBystanderHealthy();
    harness.assertNothingEscaped();
  });

  const modeOfTest = modeOf('websocket');

  async function ask(nsp: string, event: string, ...args: unknown[]): Promise<unknown> {
    const client = await harness.pool.connect(harness.server, nsp, modeOfTest);
    try {
      return await client.timeout(3000).emitWithAck(event, ...args);
    } finally {
      client.disconnect();
    }
  }

  async function connectError(nsp: string): Promise<Error> {
    const client = harness.pool.open(harness.server, nsp, modeOfTest);
    return new Promise((resolve) => client.once('connect_error', resolve));
  }

  describe('in event handlers', () => {
    it('answers a sync throw with the handler error body and logs it', async () => {
      expect(await ask('/failing', 'sync throw')).to.deep.equal({
        error: { code: 'CLASSIO_ERR_HANDLER', message: 'sync throw' },
      });
      expect(harness.logged.map((err) => (err as Error).message)).to.deep.equal(['sync throw']);
    });

    it('answers a rejected promise the same way', async () => {
      expect(await ask('/failing', 'async reject')).to.deep.equal({
        error: { code: 'CLASSIO_ERR_HANDLER', message: 'async reject' },
      });
      await until(() => harness.logged.length === 1, 'the log');
    });

    it('answers a rejection with a non-Error value', async () => {
      expect(await ask('/failing', 'reject with a string')).to.deep.equal({
        error: { code: 'CLASSIO_ERR_HANDLER', message: 'not an Error' },
      });
    });
  });

  describe('in method guards', () => {
    for (const event of ['guard throws', 'guard rejects']) {
      it(`answers an error when a guard ${event.split(' ')[1]} and never runs the handler`, async () => {
        const answer = (await ask('/failing', event)) as { error: { code: string; message: string } };
        expect(answer.error.code).to.match(/^CLASSIO_ERR_(FORBIDDEN|HANDLER)$/);
        expect(answer.error.message).to.match(/guard (threw|rejected)/);
      });
    }
  });

  describe('in validators', () => {
    for (const event of ['validator throws', 'validator rejects']) {
      it(`answers an error when a ${event.replace(' ', ' constraint ')} and never runs the handler`, async () => {
        const answer = (await ask('/failing', event, { value: 'x' })) as { error: { code: string; message: string } };
        expect(answer.error.code).to.match(/^CLASSIO_ERR_/);
        expect(answer.error.message).to.match(/validator (threw|rejected)/);
      });
    }
  });

  describe('in error handlers', () => {
    it('answers the original error when the error handler throws, and logs the handler failure', async () => {
      expect(await ask('/error-handler-throws', 'fail')).to.deep.equal({
        error: { code: 'CLASSIO_ERR_HANDLER', message: 'original' },
      });
      await until(() => harness.logged.length === 1, 'the log');
      expect((harness.logged[0] as Error).message).to.equal('error handler threw');
    });

    it('answers the original error when the error handler rejects', async () => {
      expect(await ask('/error-handler-rejects', 'fail')).to.deep.equal({
        error: { code: 'CLASSIO_ERR_HANDLER', message: 'original' },
      });
      await until(() => harness.logged.length === 1, 'the log');
      expect((harness.logged[0] as Error).message).to.equal('error handler rejected');
    });
  });

  describe('in connect hooks, class guards and middleware', () => {
    const cases = [
      ['/connect-throws', 'connect hook threw'],
      ['/connect-rejects', 'connect hook rejected'],
      ['/guard-rejects', 'guard rejected'],
      ['/middleware-throws', 'middleware threw'],
    ];
    for (const [nsp, message] of cases) {
      it(`refuses the connection to ${nsp} with connect_error "server error" and logs "${message}"`, async () => {
        const error = await connectError(nsp);
        expect(error.message).to.equal('server error');
        expect(harness.server.of(nsp).sockets.size).to.equal(0);
        expect(harness.logged.map((err) => (err as Error).message)).to.deep.equal([message]);
      });
    }
  });

  describe('in disconnect hooks and Socket.IO-style listeners', () => {
    it('logs chained disconnect hooks that throw and reject, and still removes the socket', async () => {
      const client = await harness.pool.connect(harness.server, '/disconnect-fails', modeOfTest);
      client.disconnect();
      await until(() => harness.logged.length === 1, 'the hook failures to be logged');
      expect(harness.logged[0]).to.be.instanceOf(AggregateError);
      expect((harness.logged[0] as AggregateError).errors.map((err: Error) => err.message).sort()).to.deep.equal([
        'disconnect hook rejected',
        'functional disconnect hook threw',
      ]);
      expect(harness.server.of('/disconnect-fails').sockets.size).to.equal(0);
    });

    it('logs throwing connection, catch-all, event and disconnect listeners and answers the ack', async () => {
      const client = await harness.pool.connect(harness.server, '/listeners', modeOfTest);
      client.emit('listener throws');
      const answer: unknown = await client.timeout(3000).emitWithAck('listener rejects');
      expect(answer).to.deep.equal({ error: { code: 'CLASSIO_ERR_HANDLER', message: 'listener rejected' } });
      client.disconnect();
      const expected = [
        'catch-all listener threw',
        'catch-all listener threw',
        'connection listener threw',
        'disconnect listener threw',
        'listener rejected',
        'listener threw',
      ];
      await until(
        () => harness.logged.length === expected.length,
        `every failure to be logged (${harness.logged.length})`,
      );
      expect(harness.logged.map((err) => (err as Error).message).sort()).to.deep.equal(expected);
    });
  });
});
