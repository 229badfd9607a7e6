import { container as globalContainer, injectable, type DependencyContainer } from 'tsyringe';
import type { ServerNamespace } from '../namespace/server-namespace';
import type { ErrorHandler, Route, RouteTable, SessionExpiredHook } from '../namespace/route-table';
import {
  readNamespace,
  type Class,
  type NamespaceDecoratorOptions,
  type NamespacePath,
  type ThrottleOptions,
} from '../../decorators/metadata';
import { ConfigurationError } from '../errors';
import { checkOptionNames } from '../option-names';
import { createDebug } from '../debug';
import { describeClass, type ErrorHandlerDescription, type MethodDescription } from './describe-class';
import { attachNamespace, NamespaceBase } from './namespace-base';
import { InstanceSource, type ResolvableClass } from './connection-scope';
import { compilePayload } from './payload-validator';
import type { Guard, GuardContext } from './guard-context';
import type { Interceptor } from './interceptor';
import { Throttler } from './throttle';
import { EnhancerResolver, enhancerName } from './enhancers';
import type { Instrumentation } from '../namespace/instrumentation';
import { instrumentGuards, instrumentInterceptor, instrumentPayload } from './instrument-stages';
import {
  ConnectState,
  createAnyHandler,
  createConnectHook,
  createDisconnectHook,
  createErrorHandler,
  createRoute,
  DisconnectState,
  ErrorEntry,
  MethodInvoker,
  RouteState,
  type ParamSlot,
} from './compile-route';

const debug = createDebug('classio:runtime');

/** Characters a namespace path cannot hold: `,` ends the namespace in a packet, `?` and `#` belong to URLs. */
const INVALID_PATH = /[,?#\s]/;

/** A namespace's options once defaults are applied. */
export interface ResolvedNamespaceOptions {
  /** `'singleton'` (default) or `'connection'`. */
  readonly scope: 'singleton' | 'connection';
  /** Default class-validator options of the namespace's payloads (default: none beyond the runtime's). */
  readonly validator: Record<string, unknown> | undefined;
}

const DEFAULT_OPTIONS: ResolvedNamespaceOptions = { scope: 'singleton', validator: undefined };

const NAMESPACE_OPTION_NAMES: readonly string[] = Object.keys(DEFAULT_OPTIONS);

/** The names of `PayloadOptions`. */
const PAYLOAD_OPTION_NAMES: readonly string[] = ['type', 'index', 'validator', 'transformer', 'validate'];

/** The server-wide enhancers (`useGlobalGuards`, `useGlobalInterceptors`), resolved, that every route runs first. */
export interface GlobalEnhancers {
  readonly guards: readonly Guard[];
  readonly guardNames: readonly string[];
  readonly interceptors: readonly Interceptor[];
}

/** No global enhancers. */
export const NO_GLOBAL_ENHANCERS: GlobalEnhancers = Object.freeze({ guards: [], guardNames: [], interceptors: [] });

/** The names of `ThrottleOptions`. */
const THROTTLE_OPTION_NAMES: readonly string[] = ['limit', 'windowMs', 'key'];

/** The result of compiling one namespace class or instance. */
export interface CompiledNamespace {
  /** The namespace path (`/chat`), or the dynamic path it serves (`/tenant/:id`, a RegExp, a function). */
  readonly path: NamespacePath;
  /** The compiled class's name, for messages (`Chat`). */
  readonly name: string;
  /** The routes, connect / disconnect hooks and error handler to install with `ServerNamespace.install`. */
  readonly table: RouteTable;
  readonly options: ResolvedNamespaceOptions;
  /** The singleton instance (null for `scope: 'connection'`). */
  readonly instance: object | null;
  /** Gives the singleton its `ServerNamespace`; call it once the table is installed. */
  bind(nsp: ServerNamespace): void;
  /** @internal The routes' throttles (their state is what the bounded-state tests read). */
  readonly throttlers: readonly Throttler[];
}

/** Any class (that tsyringe can resolve). */
type Constructor = ResolvableClass;

/**
 * Compiles decorated namespace classes (or instances, as Flask's `on_namespace`) into route tables. It reads the
 * metadata contract once, resolves the class and its guards through tsyringe, compiles every payload class, and
 * fails with a `ConfigurationError` naming the class and method for every mistake it can see. Nothing it returns
 * reads metadata or touches the container per message.
 */
export class NamespaceExplorer {
  readonly #container: DependencyContainer;
  readonly #instrumentation: Instrumentation | null;

  /**
   * @param container the root container (default: tsyringe's global `container`).
   * @param instrumentation the server's, to trace guards and validation (see `instrument-stages.ts`), or null.
   */
  constructor(container: DependencyContainer = globalContainer, instrumentation: Instrumentation | null = null) {
    this.#container = container;
    this.#instrumentation = instrumentation;
  }

  /** Compiles a class (resolved through the container) or a ready instance, inside the server's global enhancers. */
  compile(target: Constructor | object, globals: GlobalEnhancers = NO_GLOBAL_ENHANCERS): CompiledNamespace {
    const isClass = typeof target === 'function';
    const cls = (isClass ? target : target.constructor) as Constructor;
    const declared = readNamespace(cls);
    const path = checkPath(
      cls,
      (!isClass && target instanceof NamespaceBase ? target.path : undefined) ?? declared?.path,
    );
    const options = resolveOptions(cls, declared?.options);
    if (!isClass && options.scope === 'connection') {
      throw new ConfigurationError(
        `${cls.name}: a namespace with scope 'connection' is created per connection; register the class, not an instance`,
      );
    }
    const description = describeClass(cls);
    const singleton = isClass ? (options.scope === 'singleton' ? this.#resolveClass(cls) : null) : target;
    if (options.scope === 'connection') makeInjectable(cls);
    const instances = new InstanceSource(singleton, cls, this.#container);
    const enhancers = new EnhancerResolver(this.#container, instances);
    const invoke = (method: MethodDescription, event: string) =>
      compileInvoker(method, event, instances, options, this.#instrumentation);

    const errorHandlers = description.errorHandlers.map((handler) => ({
      handler,
      entry: new ErrorEntry(invoke(handler, 'error'), handler.errorClasses),
    }));
    const namespaceOnError = createErrorHandler(
      errorHandlers.filter((e) => e.handler.events === null).map((e) => e.entry),
    );

    const eventGuardTokens = description.eventGuards;
    const eventGuards = eventGuardTokens.map((token) => enhancers.guard(token, cls.name));
    const classInterceptors = description.classInterceptors.map((token) => enhancers.interceptor(token, cls.name));
    const throttlers: Throttler[] = [];
    const instrumentation = this.#instrumentation;
    const compileRoute = (event: string, method: MethodDescription, isUnknown = false): Route => {
      const guardNames = [
        ...globals.guardNames,
        ...eventGuardTokens.map(enhancerName),
        ...method.guards.map(enhancerName),
      ];
      const guardList = instrumentGuards(
        instrumentation,
        [...globals.guards, ...eventGuards, ...method.guards.map((token) => enhancers.guard(token, method.label))],
        guardNames,
      );
      const interceptors = [
        ...globals.interceptors.map((interceptor) =>
          instrumentInterceptor(instrumentation, interceptor, enhancerName(interceptor)),
        ),
        ...description.classInterceptors.map((token, i) =>
          instrumentInterceptor(instrumentation, classInterceptors[i], enhancerName(token)),
        ),
        ...method.interceptors.map((token) =>
          instrumentInterceptor(instrumentation, enhancers.interceptor(token, method.label), enhancerName(token)),
        ),
      ];
      const throttleOptions = method.throttle ?? description.classThrottle;
      const throttle = throttleOptions === undefined ? null : compileThrottle(throttleOptions, event, method.label);
      if (throttle !== null) throttlers.push(throttle);
      const state = new RouteState(
        event,
        invoke(method, event),
        guardList.length > 0 ? guardList : null,
        guardNames,
        interceptors.length > 0 ? interceptors : null,
        throttle,
      );
      const answersAck = method.params.some((param) => param.kind === 'ack');
      return createRoute(state, answersAck, routeErrorHandler(errorHandlers, event), isUnknown);
    };
    const routes = new Map<string, Route>();
    for (const [event, method] of description.events) routes.set(event, compileRoute(event, method));
    const unknown = description.onUnknown && compileRoute('*', description.onUnknown, true);
    const onAny = description.onAny && createAnyHandler(invoke(description.onAny, 'any'));

    // `@UseGuards` on `on_connect` guards the connection too, after the class guards.
    // Event guards check the connect too; in a connection-scoped namespace they need the connection's container,
    // so they run once it exists (ConnectState.scopedGuards).
    const isScoped = instances.isPerConnection;
    const connectTokens = [
      ...description.classGuards,
      ...(isScoped ? [] : eventGuardTokens),
      ...(description.connect?.guards ?? []),
    ];
    const connectNames = connectTokens.map(enhancerName);
    const classGuards = instrumentGuards(
      instrumentation,
      connectTokens.map((token) => enhancers.guard(token, cls.name, false)),
      connectNames,
    );
    if (description.disconnect !== null && description.disconnect.guards.length > 0) {
      throw new ConfigurationError(
        `${description.disconnect.label}: a disconnect cannot be refused, so it takes no guards`,
      );
    }
    checkLifecycle(description.connect);
    checkLifecycle(description.disconnect);
    const table: RouteTable = Object.freeze({
      routes,
      connect: createConnectHook(
        new ConnectState(
          classGuards.length > 0 ? classGuards : null,
          connectNames,
          instances,
          description.connect && invoke(description.connect, 'connect'),
          isScoped && eventGuards.length > 0
            ? instrumentGuards(instrumentation, eventGuards, eventGuardTokens.map(enhancerName))
            : null,
        ),
      ),
      disconnect: createDisconnectHook(
        new DisconnectState(instances, description.disconnect && invoke(description.disconnect, 'disconnect')),
      ),
      onError: namespaceOnError,
      onAny,
      unknown,
      sessionExpired: compileSessionExpired(description.sessionExpired, singleton),
    });
    debug('compiled %s for %s: %d routes', cls.name, path, routes.size);
    return {
      path,
      name: cls.name,
      table,
      options,
      instance: singleton,
      bind(nsp: ServerNamespace): void {
        if (singleton !== null) attachNamespace(singleton, nsp);
      },
      throttlers,
    };
  }

  #resolveClass(cls: Constructor): object {
    makeInjectable(cls);
    try {
      return this.#container.resolve(cls);
    } catch (error) {
      throw new ConfigurationError(
        `${cls.name} cannot be resolved from the container: ${messageOf(error)}; ` +
          'register its constructor dependencies (or give them @injectable())',
        { cause: error },
      );
    }
  }
}

/**
 * Compiles `target` and installs it on `server.of(path)`: what `Server.register` does.
 */
export function registerNamespace(
  server: { of(path: NamespacePath): ServerNamespace; readonly instrumentation?: Instrumentation | null },
  target: Constructor | object,
  container?: DependencyContainer,
  globals?: GlobalEnhancers,
): CompiledNamespace {
  const compiled = new NamespaceExplorer(container, server.instrumentation ?? null).compile(target, globals);
  const nsp = server.of(compiled.path);
  nsp.install(compiled.table, compiled.name);
  compiled.bind(nsp);
  return compiled;
}

function checkPath(cls: Class, path: unknown): NamespacePath {
  // A RegExp or function path is a dynamic namespace, matched against each name a client asks for.
  if (path instanceof RegExp || typeof path === 'function') return path as NamespacePath;
  if (path === undefined) {
    throw new ConfigurationError(
      `${cls.name} has no namespace path: decorate it with @Namespace('/path') or pass the path to its constructor`,
    );
  }
  if (typeof path !== 'string' || !path.startsWith('/') || INVALID_PATH.test(path)) {
    throw new ConfigurationError(
      `${cls.name}: invalid namespace path ${JSON.stringify(path)}; expected "/" followed by no ",", "?", "#" or space`,
    );
  }
  return path;
}

function resolveOptions(cls: Class, declared: NamespaceDecoratorOptions | undefined): ResolvedNamespaceOptions {
  if (declared !== undefined) checkOptionNames(declared, NAMESPACE_OPTION_NAMES, `${cls.name}: @Namespace()`);
  const options = { ...DEFAULT_OPTIONS, ...declared };
  if (options.scope !== 'singleton' && options.scope !== 'connection') {
    throw new ConfigurationError(
      `${cls.name}: invalid scope ${JSON.stringify(options.scope)}; expected 'singleton' or 'connection'`,
    );
  }
  return options;
}

/**
 * `on_session_expired(session)` runs when no connection exists any more, so it has no context and takes the
 * session as its one argument; it needs the singleton instance to run on.
 */
function compileSessionExpired(method: MethodDescription | null, singleton: object | null): SessionExpiredHook | null {
  if (method === null) return null;
  if (singleton === null) {
    throw new ConfigurationError(
      `${method.label}: a saved session expires when its connection is gone, so scope 'connection' cannot run it; ` +
        'declare it on a singleton namespace',
    );
  }
  if (method.params.length > 0 || method.guards.length > 0) {
    throw new ConfigurationError(`${method.label}: on_session_expired takes the session only, with no decorators`);
  }
  const fn = method.fn;
  return (session) => fn.call(singleton, session);
}

function checkLifecycle(method: MethodDescription | null): void {
  if (method?.params.some((param) => param.kind === 'ack')) {
    throw new ConfigurationError(`${method.label}: connect and disconnect hooks have no ack to inject with @Ack()`);
  }
}

/** The error handler of one route: the event-specific `@OnError` methods, then the namespace-wide ones. */
function routeErrorHandler(
  handlers: readonly { handler: ErrorHandlerDescription; entry: ErrorEntry }[],
  event: string,
): ErrorHandler | null {
  const specific = handlers.filter((h) => h.handler.events?.has(event) === true);
  // Without one, the route defers to the table's handler (RouteTable.onError), which covers every event.
  if (specific.length === 0) return null;
  return createErrorHandler([...specific, ...handlers.filter((h) => h.handler.events === null)].map((h) => h.entry));
}

/** Plans the parameters of a method: client arguments in order, injected values where decorated. */
function compileInvoker(
  method: MethodDescription,
  event: string,
  instances: InstanceSource,
  options: ResolvedNamespaceOptions,
  instrumentation: Instrumentation | null,
): MethodInvoker {
  if (method.params.length === 0) return new MethodInvoker(method.label, method.fn, instances, null, false);
  const count = Math.max(method.fn.length, method.paramTypes.length, ...method.params.map((p) => p.index + 1));
  const slots: ParamSlot[] = [];
  let nextArg = 0;
  let isAsync = false;
  for (let index = 0; index < count; index++) {
    const param = method.params.find((p) => p.index === index);
    if (param === undefined) {
      slots.push({ kind: 'arg', argIndex: nextArg++, payload: null });
      continue;
    }
    if (param.kind !== 'payload') {
      slots.push({
        kind: param.kind,
        argIndex: -1,
        payload: null,
        name: param.name,
        factory: param.factory as ((context: GuardContext) => unknown) | undefined,
      });
      continue;
    }
    if (param.payload !== undefined) {
      checkOptionNames(param.payload, PAYLOAD_OPTION_NAMES, `${method.label}: @Payload() of parameter ${index}`);
    }
    const argIndex = param.payload?.index ?? nextArg;
    nextArg = Math.max(nextArg, argIndex + 1);
    let payload;
    try {
      payload = compilePayload(method.paramTypes[index], param.payload ?? {}, options.validator, event);
    } catch (error) {
      throw new ConfigurationError(
        `${method.label}: cannot compile the payload of parameter ${index}: ${messageOf(error)}`,
        {
          cause: error,
        },
      );
    }
    isAsync ||= payload?.isAsync === true;
    slots.push({
      kind: 'payload',
      argIndex,
      payload: instrumentPayload(instrumentation, payload, `${method.label} #${index}`),
    });
  }
  return new MethodInvoker(method.label, method.fn, instances, slots, isAsync);
}

/** Checks an `@Throttle`'s options and builds the route's throttle. */
function compileThrottle(options: ThrottleOptions, event: string, label: string): Throttler {
  if (options === null || typeof options !== 'object') {
    throw new ConfigurationError(`${label}: @Throttle() takes { limit, windowMs, key? }`);
  }
  checkOptionNames(options, THROTTLE_OPTION_NAMES, `${label}: @Throttle()`);
  if (!Number.isInteger(options.limit) || options.limit < 1) {
    throw new ConfigurationError(
      `${label}: @Throttle() limit must be a positive integer, got ${String(options.limit)}`,
    );
  }
  if (typeof options.windowMs !== 'number' || !(options.windowMs > 0) || !Number.isFinite(options.windowMs)) {
    throw new ConfigurationError(
      `${label}: @Throttle() windowMs must be a positive number of ms, got ${String(options.windowMs)}`,
    );
  }
  if (options.key !== undefined && typeof options.key !== 'function') {
    throw new ConfigurationError(`${label}: @Throttle() key must be a function of the context`);
  }
  const key = options.key as ((context: GuardContext) => unknown) | undefined;
  return new Throttler(
    event,
    options.limit,
    options.windowMs,
    key === undefined ? null : (context) => String(key(context)),
  );
}

/** Registers the class's constructor parameter types with tsyringe (its `@injectable()`), so it can be resolved. */
function makeInjectable(cls: Constructor): void {
  injectable()(cls);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
