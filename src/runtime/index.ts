/**
 * The runtime's public surface. It re-exports the decorators, and its own `Namespace` (the hybrid decorator /
 * base class) shadows the decorators' plain `Namespace`, so `export * from './runtime'` is all `src/index.ts` needs.
 */
export * from '../../decorators';
export { Namespace, NamespaceBase, type NamespaceHybrid, type EmitArgs } from './namespace-base';
export {
  NamespaceExplorer,
  registerNamespace,
  type CompiledNamespace,
  type ResolvedNamespaceOptions,
} from './explorer';
export { compileFunctional, createFunctionalRoute, type FunctionalHandler } from './functional';
export { GuardContext, type Guard } from './guard-context';
export { CONNECTION_SOCKET } from './connection-scope';
export { HandlerContext, currentContext, currentSocket, currentSid, currentEvent, currentSession } from './context';
export { EmitOptions, emitOptions, type EmitOptionsInit } from './emit-options';
export { emit, send, joinRoom, leaveRoom, closeRoom, rooms, disconnect, call, DEFAULT_CALL_TIMEOUT } from './helpers';
export { DEFAULT_VALIDATOR_OPTIONS, type PropertyViolation } from './payload-validator';
/** The context an `@OnError` method receives: the failed event's name, arguments, socket, sid and session. */
export type { HandlerContext as ErrorContext } from './context';
