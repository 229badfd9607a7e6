import {
  hasParamTypes,
  readEmits,
  readReply,
  type Class,
  type ContractType,
  type EmitDeclaration,
  type NamespacePath,
} from '../../decorators/metadata';
import { ConfigurationError } from '../errors';
import { RESERVED_EVENTS } from '../protocol/packet';
import { describeClass, type MethodDescription } from '../runtime/describe-class';
import { enhancerName } from '../runtime/enhancers';

/**
 * The API contract of the registered namespace classes, in both directions, read from the decorators' metadata:
 * what the generated documents (`asyncapi.ts`, and the client types through it) are built from. It is read when a
 * document is asked for, never on the message path.
 */

/** A registered namespace class and the path it serves. */
export interface Registration {
  readonly target: Class;
  readonly path: NamespacePath;
}

/** The type of one argument; undefined when nothing declares it (any value). */
export type ArgumentType = ContractType | undefined;

/** An event the namespace receives from its clients. */
export interface ReceivedEvent {
  readonly event: string;
  /** The handler, as `Class.method`. */
  readonly label: string;
  /** The client's arguments, in order; null when the handler declares none it can be read from (`...args`). */
  readonly args: readonly ArgumentType[] | null;
  /** `@Replies(type)`: the ack's answer; undefined when not declared. */
  readonly reply: ContractType | undefined;
  /** The guards of the event itself (method guards), by name. */
  readonly guards: readonly string[];
}

/** What one namespace class receives and sends. */
export interface NamespaceContract {
  readonly path: NamespacePath;
  readonly className: string;
  readonly received: readonly ReceivedEvent[];
  readonly emitted: readonly EmitDeclaration[];
  /** The guards of the connection (class guards, event guards, `on_connect` guards), by name. */
  readonly connectGuards: readonly string[];
  /** The guards of every event (`@UseEventGuards`), by name. */
  readonly eventGuards: readonly string[];
}

/** Reads the contract of each registration, in registration order. */
export function describeContract(registrations: readonly Registration[]): NamespaceContract[] {
  return registrations.map(({ target, path }) => {
    const description = describeClass(target);
    const received = [...description.events].map(([event, method]) => describeReceived(target, event, method));
    const emitted = readEmits(target);
    for (const declaration of emitted) checkEmit(target, declaration);
    return {
      path,
      className: target.name,
      received,
      emitted,
      connectGuards: [
        ...description.classGuards,
        ...description.eventGuards,
        ...(description.connect?.guards ?? []),
      ].map(enhancerName),
      eventGuards: description.eventGuards.map(enhancerName),
    };
  });
}

function describeReceived(target: Class, event: string, method: MethodDescription): ReceivedEvent {
  const reply = readReply(target, method.name);
  if (reply !== undefined) checkType(reply, `${method.label}: @Replies()`);
  const args = describeArguments(method, hasParamTypes(ownerOf(target, method.name), method.name));
  return { event, label: method.label, args, reply, guards: method.guards.map(enhancerName) };
}

/** The prototype that defines `name` itself: the one TypeScript wrote the method's type metadata on. */
function ownerOf(target: Class, name: string | symbol): object {
  let prototype = target.prototype as object;
  while (!Object.prototype.hasOwnProperty.call(prototype, name)) {
    const parent = Object.getPrototypeOf(prototype) as object | null;
    if (parent === null) break;
    prototype = parent;
  }
  return prototype;
}

/**
 * The client arguments of a handler, slot by slot as the explorer compiles them (`compileInvoker`): an undecorated
 * parameter takes the next argument, `@Payload()` its own or the next, and the injected kinds none. Their types are
 * the `@Payload({ type })` or the declared parameter types (`design:paramtypes`, written for decorated methods).
 */
function describeArguments(method: MethodDescription, isTyped: boolean): ArgumentType[] | null {
  const count = Math.max(method.fn.length, method.paramTypes.length, ...method.params.map((p) => p.index + 1));
  // `fn.length` counts no rest parameter: an undecorated method that seems to take nothing may take `...args`.
  if (count === 0 && !isTyped) return null;
  const args: ArgumentType[] = [];
  let next = 0;
  for (let index = 0; index < count; index++) {
    const param = method.params.find((p) => p.index === index);
    if (param !== undefined && param.kind !== 'payload') continue;
    const argIndex = param?.payload?.index ?? next;
    next = Math.max(next, argIndex + 1);
    args[argIndex] = toArgumentType(param?.payload?.type ?? method.paramTypes[index]);
  }
  return Array.from({ length: next }, (_, i) => args[i]);
}

/** A declared parameter type as a contract type: DTO classes and primitives stay, anything else is any value. */
function toArgumentType(type: unknown): ArgumentType {
  if (type === Array) return [Object];
  if (type === String || type === Number || type === Boolean) return type as ContractType;
  if (typeof type !== 'function' || NOT_DTOS.has(type)) return undefined;
  return type as Class<unknown>;
}

/** Declared types that are no DTO (as `payload-validator.ts` passes them through). */
const NOT_DTOS = new Set<unknown>([Object, Symbol, BigInt, Function, Promise]);

function checkEmit(target: Class, declaration: EmitDeclaration): void {
  const label = `${target.name}: @Emits(${JSON.stringify(declaration.event)})`;
  if (typeof declaration.event !== 'string' || declaration.event.length === 0) {
    throw new ConfigurationError(`${target.name}: @Emits() needs a non-empty event name`);
  }
  if (RESERVED_EVENTS.has(declaration.event)) {
    throw new ConfigurationError(`${label}: the event name is reserved by Socket.IO`);
  }
  if (declaration.payload !== null) checkType(declaration.payload, label);
  if (declaration.ack !== undefined) checkType(declaration.ack, `${label} ack`);
}

/** A contract type is a function (class or primitive) or a one-element array of one. */
function checkType(type: unknown, label: string): void {
  if (typeof type === 'function') return;
  if (Array.isArray(type) && type.length === 1) return checkType(type[0], label);
  throw new ConfigurationError(
    `${label}: expected a class, String, Number, Boolean, Object or [type], got ${Array.isArray(type) ? 'an array' : typeof type}`,
  );
}
