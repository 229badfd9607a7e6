import { expect } from 'chai';
import { dispatchEvent, type DispatchScope } from '../../src/namespace/dispatch';
import type { ErrorHandler, Route } from '../../src/namespace/route-table';
import type { Socket } from '../../src/namespace/socket';

/**
 * Dispatch works from the scope it is given (STYLE.md, layers): these tests hand it a plain object, with no server
 * and no namespace behind it, so reaching through `socket.nsp.server` would fail them.
 */

/** A socket without listeners: dispatch only asks it for its Socket.IO-style listeners. */
const socket = { anyListeners: null, listenersOf: () => undefined } as unknown as Socket;

function scopeWith(options: {
  routes?: Route[];
  onError?: ErrorHandler | null;
  defaultErrorHandler?: ErrorHandler | null;
}): DispatchScope & { logged: string[] } {
  const logged: string[] = [];
  return {
    name: '/scope',
    routes: new Map((options.routes ?? []).map((route) => [route.event, route])),
    onError: options.onError ?? null,
    anyHandler: null,
    unknownRoute: null,
    defaultErrorHandler: options.defaultErrorHandler ?? null,
    handlersInFlight: 0,
    metricsProbe: null,
    logged,
    logError(message: string) {
      logged.push(message);
    },
  };
}

function route(event: string, handle: Route['handle']): Route {
  return { event, handle, answersAck: false, onError: null };
}

describe('dispatchEvent', () => {
  it('runs the route of the scope and answers the ack with its result', () => {
    const answers: unknown[][] = [];
    const scope = scopeWith({ routes: [route('sum', (_socket, args) => (args as number[]).reduce((a, b) => a + b))] });
    dispatchEvent(scope, socket, 'sum', [1, 2, 3], (...args) => answers.push(args));
    expect(answers).to.deep.equal([[6]]);
  });

  it("hands a failure to the scope's namespace error handler, then to its server-wide one", () => {
    const seen: string[] = [];
    const failing = route('fail', () => {
      throw new Error('boom');
    });
    const answers: unknown[][] = [];
    dispatchEvent(
      scopeWith({
        routes: [failing],
        onError: (err) => {
          seen.push(`namespace: ${(err as Error).message}`);
          return 'handled';
        },
      }),
      socket,
      'fail',
      [],
      (...args) => answers.push(args),
    );
    dispatchEvent(
      scopeWith({ routes: [failing], defaultErrorHandler: (err) => seen.push(`server: ${(err as Error).message}`) }),
      socket,
      'fail',
      [],
      null,
    );
    expect(seen).to.deep.equal(['namespace: boom', 'server: boom']);
    expect(answers).to.deep.equal([['handled']]);
  });

  it("reports an error nobody handles through the scope's logger and answers the ack with the error body", () => {
    const scope = scopeWith({
      routes: [
        route('fail', () => {
          throw new Error('boom');
        }),
      ],
    });
    const answers: unknown[][] = [];
    dispatchEvent(scope, socket, 'fail', [], (...args) => answers.push(args));
    expect(scope.logged).to.deep.equal(['handler of "fail" in /scope failed']);
    expect(answers).to.deep.equal([[{ error: { code: 'CLASSIO_ERR_HANDLER', message: 'server error' } }]]);
  });

  it('counts an asynchronous handler in the scope until it settles', async () => {
    let finish: () => void = () => {};
    const scope = scopeWith({ routes: [route('slow', () => new Promise<void>((resolve) => (finish = resolve)))] });
    dispatchEvent(scope, socket, 'slow', [], null);
    expect(scope.handlersInFlight).to.equal(1);
    finish();
    await new Promise((resolve) => setImmediate(resolve));
    expect(scope.handlersInFlight).to.equal(0);
  });
});
