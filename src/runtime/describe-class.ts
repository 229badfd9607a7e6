import {
  readOwnMetadata,
  readParamTypes,
  type Class,
  type ClassRecord,
  type ErrorFilter,
  type GuardToken,
  type InterceptorToken,
  type ParamKind,
  type ThrottleOptions,
  type ParamRecord,
} from '../../decorators/metadata';
import { ConfigurationError } from '../errors';
import { UNROUTABLE_EVENTS } from '../namespace/util';
import { isNamespaceRoot } from './namespace-base';

/**
 * Reads a namespace class's metadata once, at registration, and resolves inheritance: the classes are visited from
 * the farthest ancestor to the class itself, and each level's declarations replace its parent's. Within one class
 * a decorator beats an `on_<event>` method name, and two methods claiming one event are an error.
 */

/**
 * A method of a namespace class as the runtime calls it: on the instance, with the arguments its compiled slots
 * build from what the client sent (untyped on the wire, whatever the method declares).
 */
export type HandlerMethod = (this: unknown, ...args: unknown[]) => unknown;

/** A method that handles an event, with what the runtime needs to compile it. */
export interface MethodDescription {
  readonly name: string | symbol;
  /** `Class.method`, for messages. */
  readonly label: string;
  /** The method as found on the class's prototype (the most derived definition). */
  readonly fn: HandlerMethod;
  readonly guards: readonly GuardToken[];
  /** The method's own `@UseInterceptors` (the nearest declaration along the chain). */
  readonly interceptors: readonly InterceptorToken[];
  /** The method's own `@Throttle`, or undefined. */
  readonly throttle: ThrottleOptions | undefined;
  readonly params: readonly ParamRecord[];
  readonly paramTypes: readonly unknown[];
}

/** An `@OnError` method. */
export interface ErrorHandlerDescription extends MethodDescription {
  /** The events it covers; null for all. */
  readonly events: ReadonlySet<string> | null;
  /** The error classes it covers; null for all. */
  readonly errorClasses: readonly Class<unknown>[] | null;
}

/** Everything the explorer compiles for one class. */
export interface ClassDescription {
  readonly events: ReadonlyMap<string, MethodDescription>;
  readonly connect: MethodDescription | null;
  readonly disconnect: MethodDescription | null;
  /** `on_session_expired`: a session kept for connection state recovery ended without its client. */
  readonly sessionExpired: MethodDescription | null;
  readonly classGuards: readonly GuardToken[];
  /** `@UseEventGuards`: farthest ancestor first. */
  readonly eventGuards: readonly GuardToken[];
  /** `@UseInterceptors` of the classes, farthest ancestor first (outermost). */
  readonly classInterceptors: readonly InterceptorToken[];
  /** The nearest class `@Throttle`, or undefined. */
  readonly classThrottle: ThrottleOptions | undefined;
  /** The `@OnAny` and `@OnUnknown` methods (the most derived declaration of each). */
  readonly onAny: MethodDescription | null;
  readonly onUnknown: MethodDescription | null;
  /** Most derived class first, declaration order within a class. */
  readonly errorHandlers: readonly ErrorHandlerDescription[];
}

/** The lifecycle hook `on_session_expired` names: no client sends it, so it is not routed as an event. */
const SESSION_EXPIRED = 'session_expired';

/** The class and its ancestors, farthest first, stopping at the runtime's `Namespace` base. */
function lineage(target: Class): Class[] {
  const chain: Class[] = [];
  for (let current: unknown = target; typeof current === 'function' && !isNamespaceRoot(current);) {
    chain.unshift(current as Class);
    current = Object.getPrototypeOf(current);
  }
  return chain;
}

/** Reads and merges the metadata of `target` and its ancestors. */
export function describeClass(target: Class): ClassDescription {
  const chain = lineage(target);
  const records = chain.map((cls) => readOwnMetadata(cls));
  const eventMethods = new Map<string, string | symbol>();
  const decoratedMethods = new Set<string | symbol>();
  // A method named by a decorator (an `@On` event, or an `@OnError` handler such as `on_error`) is not also routed
  // by its `on_<event>` name.
  for (const record of records) {
    for (const name of record?.events.keys() ?? []) decoratedMethods.add(name);
    for (const name of record?.errorHandlers.keys() ?? []) decoratedMethods.add(name);
    for (const name of record?.catchAll.keys() ?? []) decoratedMethods.add(name);
  }

  chain.forEach((cls, level) => {
    const record = records[level];
    if (record !== undefined) checkDecoratorUse(cls.name, record);
    const claimed = new Map<string, string | symbol>();
    for (const [method, events] of record?.events ?? []) {
      for (const event of events) {
        checkEventName(event, cls, method);
        const other = claimed.get(event);
        if (other !== undefined && other !== method) {
          throw new ConfigurationError(
            `${cls.name}: methods ${String(other)} and ${String(method)} both handle event "${event}"; ` +
              'an event has one handler per class',
          );
        }
        claimed.set(event, method);
      }
    }
    for (const name of Object.getOwnPropertyNames(cls.prototype)) {
      if (!name.startsWith('on_') || name.length === 3 || decoratedMethods.has(name)) continue;
      if (typeof Object.getOwnPropertyDescriptor(cls.prototype, name)?.value !== 'function') continue;
      const event = name.slice(3);
      // The decorator wins over the method name within a class; across classes, the subclass wins.
      if (!claimed.has(event)) claimed.set(event, name);
    }
    for (const [event, method] of claimed) eventMethods.set(event, method);
  });

  const describe = (name: string | symbol): MethodDescription => describeMethod(target, chain, records, name);
  const events = new Map<string, MethodDescription>();
  let connect: MethodDescription | null = null;
  let disconnect: MethodDescription | null = null;
  let sessionExpired: MethodDescription | null = null;
  for (const [event, method] of eventMethods) {
    const description = describe(method);
    if (event === 'connect') connect = description;
    else if (event === 'disconnect') disconnect = description;
    else if (event === SESSION_EXPIRED) sessionExpired = description;
    else events.set(event, description);
  }

  const catchAll = new Map<'any' | 'unknown', string | symbol>();
  for (const record of records) {
    if (record === undefined) continue;
    for (const kind of ['any', 'unknown'] as const) {
      const methods = [...record.catchAll].filter(([, k]) => k === kind).map(([name]) => name);
      if (methods.length > 1) {
        throw new ConfigurationError(
          `${target.name}: methods ${methods.map(String).join(' and ')} are both @${kind === 'any' ? 'OnAny' : 'OnUnknown'}(); a class has one`,
        );
      }
      // A subclass's declaration replaces its parent's.
      if (methods.length === 1) catchAll.set(kind, methods[0]);
    }
  }
  const anyName = catchAll.get('any');
  const unknownName = catchAll.get('unknown');
  return {
    events,
    connect,
    disconnect,
    classGuards: records.flatMap((record) => record?.classGuards ?? []),
    eventGuards: records.flatMap((record) => record?.eventGuards ?? []),
    classInterceptors: records.flatMap((record) => record?.classInterceptors ?? []),
    classThrottle: [...records].reverse().find((record) => record?.classThrottle !== undefined)?.classThrottle,
    onAny: anyName === undefined ? null : describe(anyName),
    onUnknown: unknownName === undefined ? null : describe(unknownName),
    sessionExpired,
    errorHandlers: describeErrorHandlers(target, chain, records),
  };
}

/** The decorator that records each parameter kind, for messages. */
const PARAM_DECORATORS: Readonly<Record<ParamKind, string>> = {
  payload: '@Payload()',
  socket: '@ConnectedSocket()',
  sid: '@Sid()',
  ack: '@Ack()',
  context: '@Context()',
  session: '@Session()',
  param: '@NspParam()',
  custom: 'a createParamDecorator() decorator',
};

/** Decorators only record what they are given (they never throw): what cannot work is refused here, by class. */
function checkDecoratorUse(className: string, record: Readonly<ClassRecord>): void {
  const misplaced = record.misplacedParams[0];
  if (misplaced !== undefined) {
    const where = misplaced.method === undefined ? 'the constructor' : `static method ${String(misplaced.method)}`;
    throw new ConfigurationError(
      `${className}: ${PARAM_DECORATORS[misplaced.param.kind]} decorates parameter ${misplaced.param.index} of ${where}; ` +
        "classio's parameter decorators apply to instance methods only",
    );
  }
  for (const [method, filters] of record.errorHandlers) {
    for (const filter of filters as readonly unknown[]) {
      if (typeof filter !== 'string' && typeof filter !== 'function') {
        throw new ConfigurationError(
          `${className}.${String(method)}: @OnError() takes event names and error classes, got ${typeof filter}`,
        );
      }
    }
  }
}

function checkEventName(event: string, cls: Class, method: string | symbol): void {
  if (typeof event !== 'string' || event.length === 0) {
    throw new ConfigurationError(`${cls.name}.${String(method)}: @On() needs a non-empty event name`);
  }
  if (UNROUTABLE_EVENTS.has(event)) {
    throw new ConfigurationError(
      `${cls.name}.${String(method)}: "${event}" is reserved by Socket.IO and cannot be handled as an event`,
    );
  }
}

/** The nearest own record (most derived first) that has an entry for `name` in `map`. */
function nearest<T>(
  records: readonly (Readonly<ClassRecord> | undefined)[],
  pick: (record: Readonly<ClassRecord>) => ReadonlyMap<string | symbol, T>,
  name: string | symbol,
): T | undefined {
  for (let i = records.length - 1; i >= 0; i--) {
    const record = records[i];
    if (record !== undefined && pick(record).has(name)) return pick(record).get(name);
  }
  return undefined;
}

function describeMethod(
  target: Class,
  chain: readonly Class[],
  records: readonly (Readonly<ClassRecord> | undefined)[],
  name: string | symbol,
): MethodDescription {
  const label = `${target.name}.${String(name)}`;
  const fn = (target.prototype as Record<string | symbol, unknown>)[name];
  if (typeof fn !== 'function') throw new ConfigurationError(`${label} is not a method`);
  // Parameters belong to the definition that will run: the most derived class that defines the method itself.
  let ownerLevel = chain.length - 1;
  while (ownerLevel > 0 && !Object.prototype.hasOwnProperty.call(chain[ownerLevel].prototype, name)) ownerLevel--;
  const owner = chain[ownerLevel];
  return {
    name,
    label,
    fn: fn as HandlerMethod,
    // Guards protect the event, so an override without its own @UseGuards keeps its parent's.
    guards: nearest(records, (record) => record.methodGuards, name) ?? [],
    interceptors: nearest(records, (record) => record.methodInterceptors, name) ?? [],
    throttle: nearest(records, (record) => record.methodThrottles, name),
    params: readOwnMetadata(owner)?.params.get(name) ?? [],
    paramTypes: readParamTypes(owner.prototype as object, name),
  };
}

function describeErrorHandlers(
  target: Class,
  chain: readonly Class[],
  records: readonly (Readonly<ClassRecord> | undefined)[],
): ErrorHandlerDescription[] {
  const seen = new Set<string | symbol>();
  const handlers: ErrorHandlerDescription[] = [];
  for (let level = chain.length - 1; level >= 0; level--) {
    for (const [name, filters] of records[level]?.errorHandlers ?? []) {
      if (seen.has(name)) continue; // redeclared by a subclass: its filters replace the parent's
      seen.add(name);
      handlers.push({ ...describeMethod(target, chain, records, name), ...splitFilters(filters) });
    }
  }
  return handlers;
}

function splitFilters(filters: readonly ErrorFilter[]): Pick<ErrorHandlerDescription, 'events' | 'errorClasses'> {
  const events = filters.filter((filter): filter is string => typeof filter === 'string');
  const errorClasses = filters.filter((filter): filter is Class<unknown> => typeof filter === 'function');
  return {
    events: events.length > 0 ? new Set(events) : null,
    errorClasses: errorClasses.length > 0 ? errorClasses : null,
  };
}
