import type { Socket } from '../namespace/socket';
import type { DisconnectReason } from '../namespace/disconnect-reason';
import type {
  AckCallback,
  AnyHandler,
  ConnectHook,
  DisconnectHook,
  ErrorHandler,
  Route,
  RouteHandler,
} from '../namespace/route-table';
import type { Class, ParamKind } from '../../decorators/metadata';
import { ConnectError, DisconnectedError, ForbiddenError } from '../errors';
import { isThenable, offerInTurn } from '../namespace/util';
import { createDebug } from '../debug';
import { currentContext, HandlerContext, runInContext } from './context';
import { GuardContext, type Guard } from './guard-context';
import type { CompiledPayload } from './payload-validator';
import type { InstanceSource } from './connection-scope';
import type { HandlerMethod } from './describe-class';
import { runIntercepted, type Interceptor } from './interceptor';
import type { Throttler } from './throttle';

/**
 * The compiled per-message path. Everything here is built at registration; a message costs one
 * `runInContext`, the stages that exist (a `null` stage is skipped) and one `apply`. Sync results stay sync:
 * a promise appears only when a guard, a payload or the handler itself returns one, and only then does an `async`
 * continuation take over (hono `#dispatch`). The per-message functions are shared module functions that receive
 * their compiled state as an argument, so no closure is allocated per message.
 */

const debug = createDebug('classio:runtime');

/** What the handler gets for one parameter. `arg`: the next client argument. */
export interface ParamSlot {
  readonly kind: ParamKind | 'arg';
  /** For `arg` and `payload`: which client argument. */
  readonly argIndex: number;
  readonly payload: CompiledPayload | null;
  /** For `param`: the namespace parameter's name. */
  readonly name?: string;
  /** For `custom`: the `createParamDecorator` factory. */
  readonly factory?: (context: GuardContext) => unknown;
}

/** A compiled method call: where the instance is, how to build the arguments. */
export class MethodInvoker {
  constructor(
    /** `Class.method`, for messages. */
    readonly label: string,
    readonly fn: HandlerMethod,
    readonly instances: InstanceSource,
    /** null: the client arguments are passed as they are (no parameter decorator). */
    readonly slots: readonly ParamSlot[] | null,
    /** True when a payload stage may return a promise. */
    readonly isAsync: boolean,
  ) {}
}

/**
 * A compiled event route: throttle, guards (global, class event guards, method), interceptors (global, class,
 * method), then the payloads and the method. Each enhancer stage is null when the route has none, so a route pays
 * one check per absent stage and nothing more.
 */
export class RouteState {
  constructor(
    /** The event; `*` for the `@OnUnknown` route, whose arguments start with the event's name. */
    readonly event: string,
    readonly invoker: MethodInvoker,
    readonly guards: readonly Guard[] | null,
    readonly guardNames: readonly string[],
    readonly interceptors: readonly Interceptor[] | null = null,
    readonly throttle: Throttler | null = null,
  ) {}
}

/**
 * The compiled connect hook: class guards, the connection's instance, then `on_connect`. `scopedGuards` are the
 * `@UseEventGuards` of a connection-scoped namespace: they resolve from the connection's container, so they run
 * once it exists, before `on_connect`.
 */
export class ConnectState {
  constructor(
    readonly guards: readonly Guard[] | null,
    readonly guardNames: readonly string[],
    readonly instances: InstanceSource,
    readonly onConnect: MethodInvoker | null,
    readonly scopedGuards: readonly Guard[] | null = null,
  ) {}
}

/** The compiled disconnect hook: `on_disconnect`, then disposal of the connection's instance. */
export class DisconnectState {
  constructor(
    readonly instances: InstanceSource,
    readonly onDisconnect: MethodInvoker | null,
  ) {}
}

/** One `@OnError` method of a chain, with its error-class filter. */
export class ErrorEntry {
  constructor(
    readonly invoker: MethodInvoker,
    readonly errorClasses: readonly Class<unknown>[] | null,
  ) {}
}

/** A shared no-op, given to `@Ack()` parameters when the client asked for no ack. */
function ignoreAck(): void {}

/** Runs guards from `from` on; returns -1 when all allow, else the index of the refusing guard (or a promise of it). */
function runGuards(guards: readonly Guard[], context: GuardContext, from: number): number | Promise<number> {
  for (let i = from; i < guards.length; i++) {
    const result = guards[i].canActivate(context);
    if (isThenable(result)) return resumeGuards(guards, context, i, result);
    if (!result) return i;
  }
  return -1;
}

async function resumeGuards(
  guards: readonly Guard[],
  context: GuardContext,
  index: number,
  pending: PromiseLike<unknown>,
): Promise<number> {
  if (!(await pending)) return index;
  return runGuards(guards, context, index + 1);
}

function slotValue(slot: ParamSlot, socket: Socket, args: unknown[], ack: AckCallback | null): unknown {
  switch (slot.kind) {
    case 'arg':
      return args[slot.argIndex];
    case 'payload':
      return slot.payload === null ? args[slot.argIndex] : slot.payload.transform(args[slot.argIndex]);
    case 'socket':
      return socket;
    case 'sid':
      return socket.id;
    case 'ack':
      return ack ?? ignoreAck;
    case 'context':
      return currentContext();
    case 'session':
      return socket.data;
    case 'param':
      return socket.nsp.params[slot.name!];
    case 'custom':
      return slot.factory!(new GuardContext(socket, currentContext()?.event ?? '', args));
  }
}

function requireInstance(invoker: MethodInvoker, socket: Socket): object {
  const instance = invoker.instances.instanceFor(socket);
  if (instance === undefined) {
    throw new DisconnectedError(`${invoker.label}: the connection of ${socket.id} is closed, its instance is gone`);
  }
  return instance;
}

/** Calls the method with its arguments; returns what it returns (a promise only if something was async). */
function invokeMethod(invoker: MethodInvoker, socket: Socket, args: unknown[], ack: AckCallback | null): unknown {
  const instance = invoker.instances.singleton ?? requireInstance(invoker, socket);
  const slots = invoker.slots;
  if (slots === null) return invoker.fn.apply(instance, args);
  if (invoker.isAsync) return invokeWithAsyncPayloads(invoker, instance, socket, args, ack);
  const values = new Array<unknown>(slots.length);
  for (let i = 0; i < slots.length; i++) values[i] = slotValue(slots[i], socket, args, ack);
  return invoker.fn.apply(instance, values);
}

async function invokeWithAsyncPayloads(
  invoker: MethodInvoker,
  instance: object,
  socket: Socket,
  args: unknown[],
  ack: AckCallback | null,
): Promise<unknown> {
  const slots = invoker.slots!;
  const values = new Array<unknown>(slots.length);
  for (let i = 0; i < slots.length; i++) {
    const value = slotValue(slots[i], socket, args, ack);
    values[i] = slots[i].payload?.isAsync === true ? await value : value;
  }
  return invoker.fn.apply(instance, values);
}

function refuseEvent(state: RouteState, socket: Socket, index: number): ForbiddenError {
  return new ForbiddenError(
    `guard ${state.guardNames[index]} refused event "${state.event}" in namespace "${socket.nsp.name}"`,
  );
}

function runRoute(state: RouteState, socket: Socket, args: unknown[], ack: AckCallback | null): unknown {
  if (state.throttle !== null) state.throttle.check(socket, args);
  if (state.guards !== null) {
    const refused = runGuards(state.guards, new GuardContext(socket, state.event, args), 0);
    if (typeof refused !== 'number') return resumeRoute(state, refused, socket, args, ack);
    if (refused !== -1) throw refuseEvent(state, socket, refused);
  }
  return state.interceptors === null
    ? invokeMethod(state.invoker, socket, args, ack)
    : intercept(state, socket, args, ack);
}

/** The route past its guards, inside its interceptors: what `next.handle()` of the innermost one runs. */
function invokeRoute(state: RouteState, socket: Socket, args: unknown[], ack: AckCallback | null): unknown {
  return invokeMethod(state.invoker, socket, args, ack);
}

function intercept(state: RouteState, socket: Socket, args: unknown[], ack: AckCallback | null): unknown {
  return runIntercepted(state.interceptors!, new GuardContext(socket, state.event, args), invokeRoute, state, ack);
}

async function resumeRoute(
  state: RouteState,
  pending: Promise<number>,
  socket: Socket,
  args: unknown[],
  ack: AckCallback | null,
): Promise<unknown> {
  const refused = await pending;
  if (refused !== -1) throw refuseEvent(state, socket, refused);
  return state.interceptors === null
    ? invokeMethod(state.invoker, socket, args, ack)
    : intercept(state, socket, args, ack);
}

/**
 * Builds the route of one event (`isUnknown`: the `@OnUnknown` route, which the table keeps apart). The closure
 * is created here, once; per message it only runs.
 */
export function createRoute(
  state: RouteState,
  answersAck: boolean,
  onError: ErrorHandler | null,
  isUnknown = false,
): Route {
  const event = state.event;
  // The `@OnUnknown` route gets `[event, ...args]`; its context names the event the client sent.
  const handle: RouteHandler = isUnknown
    ? (socket, args, ack) =>
        runInContext(new HandlerContext(socket, args[0] as string, args.slice(1)), runRoute, state, socket, args, ack)
    : (socket, args, ack) => runInContext(new HandlerContext(socket, event, args), runRoute, state, socket, args, ack);
  return Object.freeze({ event, handle, answersAck, onError });
}

function runConnect(state: ConnectState, socket: Socket, args: unknown[]): unknown {
  // A recovered client skips the class guards as it skips the middlewares, when `skipMiddlewares` says so.
  if (state.guards !== null && !socket.shouldSkipMiddlewares) {
    const refused = runGuards(state.guards, new GuardContext(socket, 'connect', args), 0);
    if (typeof refused !== 'number') return resumeConnect(state, refused, socket, args);
    if (refused !== -1) return refuseConnect(state, socket, refused);
  }
  return openConnection(state, socket, args);
}

async function resumeConnect(state: ConnectState, pending: Promise<number>, socket: Socket, args: unknown[]) {
  const refused = await pending;
  if (refused !== -1) return refuseConnect(state, socket, refused);
  // The client may have left while the guard ran: the namespace will not accept it, so create nothing for it.
  if (socket.disconnected) return false;
  return openConnection(state, socket, args);
}

function refuseConnect(state: ConnectState, socket: Socket, index: number): false {
  debug('guard %s refused %s in %s', state.guardNames[index], socket.id, socket.nsp.name);
  return false;
}

function openConnection(state: ConnectState, socket: Socket, args: unknown[]): unknown {
  state.instances.open(socket);
  if (state.scopedGuards !== null) return guardOpenConnection(state, socket, args);
  return startConnection(state, socket, args);
}

/** Runs the connection-scoped guards on the open instance; a refusal disposes of it. */
async function guardOpenConnection(state: ConnectState, socket: Socket, args: unknown[]): Promise<unknown> {
  let refused: number;
  try {
    refused = await runGuards(state.scopedGuards!, new GuardContext(socket, 'connect', args), 0);
  } catch (error) {
    throw failOpenConnection(state, socket, error);
  }
  if (refused !== -1 || socket.disconnected) {
    state.instances.close(socket);
    return false;
  }
  return startConnection(state, socket, args);
}

function startConnection(state: ConnectState, socket: Socket, args: unknown[]): unknown {
  if (state.onConnect === null) return true;
  let result: unknown;
  try {
    result = invokeMethod(state.onConnect, socket, args, null);
  } catch (error) {
    throw failOpenConnection(state, socket, error);
  }
  if (isThenable(result)) return settleConnect(state, socket, result);
  if (result === false) state.instances.close(socket);
  return result;
}

async function settleConnect(state: ConnectState, socket: Socket, pending: PromiseLike<unknown>): Promise<unknown> {
  try {
    const result = await pending;
    // A client that left meanwhile is never accepted, so no disconnect hook will dispose of its instance.
    if (result === false || socket.disconnected) state.instances.close(socket);
    return result;
  } catch (error) {
    throw failOpenConnection(state, socket, error);
  }
}

/**
 * `on_connect` threw or rejected: the connection is refused and its instance disposed. An error that is not a
 * `ConnectError` is a failure, handed to the error path first, while a connection-scoped instance still exists for
 * its own `@OnError` handlers; the namespace then sends the refusal it returns.
 */
function failOpenConnection(state: ConnectState, socket: Socket, error: unknown): ConnectError {
  const refusal = error instanceof ConnectError ? error : socket.nsp.failConnect(socket, error);
  state.instances.close(socket);
  return refusal;
}

/** Builds the connect hook, or null when there is nothing to run at connect. */
export function createConnectHook(state: ConnectState): ConnectHook | null {
  if (state.guards === null && state.onConnect === null && !state.instances.isPerConnection) return null;
  return (socket) => {
    const args = [socket.handshake.auth];
    return runInContext(new HandlerContext(socket, 'connect', args), runConnect, state, socket, args, undefined);
  };
}

function runDisconnect(state: DisconnectState, socket: Socket, args: unknown[]): unknown {
  if (state.onDisconnect === null) {
    state.instances.close(socket);
    return undefined;
  }
  let result: unknown;
  try {
    result = invokeMethod(state.onDisconnect, socket, args, null);
  } catch (error) {
    state.instances.close(socket);
    throw error;
  }
  if (isThenable(result)) return settleDisconnect(state, socket, result);
  state.instances.close(socket);
  return result;
}

async function settleDisconnect(state: DisconnectState, socket: Socket, pending: PromiseLike<unknown>) {
  try {
    return await pending;
  } finally {
    state.instances.close(socket);
  }
}

/** Builds the disconnect hook, or null when there is nothing to run at disconnect. */
export function createDisconnectHook(state: DisconnectState): DisconnectHook | null {
  if (state.onDisconnect === null && !state.instances.isPerConnection) return null;
  return (socket: Socket, reason: DisconnectReason) => {
    const args: unknown[] = [reason];
    return runInContext(new HandlerContext(socket, 'disconnect', args), runDisconnect, state, socket, args, undefined);
  };
}

/**
 * Offers the error to the entries whose filter covers it, in order (see {@link offerInTurn}): an entry whose filter
 * does not cover it passes it on, as a handler that rethrows it does. When none takes it, it is thrown again, and the
 * namespace layer tries the next handlers, or logs it and answers the ack with it. A continuation after an async
 * handler keeps the handler's context through the storage, so `currentContext()` still names this event.
 */
function runErrorChain(entries: readonly ErrorEntry[], error: unknown, socket: Socket, from: number): unknown {
  return offerInTurn(
    entries.length,
    error,
    (i) => {
      const entry = entries[i];
      if (entry.errorClasses !== null && !entry.errorClasses.some((errorClass) => error instanceof errorClass)) {
        throw error;
      }
      const instance = entry.invoker.instances.instanceFor(socket);
      // The connection closed while its handler was pending: nobody is left to handle the error here.
      if (instance === undefined) throw error;
      return entry.invoker.fn.call(instance, error, currentContext());
    },
    from,
  );
}

/** Builds an error handler from `@OnError` methods, tried in order; null for an empty chain. */
export function createErrorHandler(entries: readonly ErrorEntry[]): ErrorHandler | null {
  if (entries.length === 0) return null;
  return (error, socket, event, args) =>
    runInContext(new HandlerContext(socket, event, args), runErrorChain, entries, error, socket, 0);
}

function invokeAny(invoker: MethodInvoker, socket: Socket, event: string, args: unknown[]): unknown {
  return invokeMethod(invoker, socket, [event, ...args], null);
}

/** Builds the `@OnAny` catch-all: the method, called with `(event, ...args)` in the event's context. */
export function createAnyHandler(invoker: MethodInvoker): AnyHandler {
  return (socket, event, args) =>
    runInContext(new HandlerContext(socket, event, args), invokeAny, invoker, socket, event, args);
}
