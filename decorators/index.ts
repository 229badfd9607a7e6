/** The declarative surface: decorators and their metadata contract. */
export { Namespace } from './namespace';
export { On, typedOn, type TypedMethodDecorator } from './on';
export { OnError } from './on-error';
export { UseGuards } from './use-guards';
export { UseEventGuards } from './use-event-guards';
export { UseInterceptors } from './use-interceptors';
export { Throttle } from './throttle';
export { OnAny } from './on-any';
export { OnUnknown } from './on-unknown';
export { NspParam } from './nsp-param';
export { createParamDecorator } from './create-param-decorator';
export { Payload } from './payload';
export { ConnectedSocket } from './connected-socket';
export { Sid } from './sid';
export { Ack } from './ack';
export { Context } from './context';
export { Session } from './session';
export { Emits } from './emits';
export { Replies } from './replies';
export type { EventsMap, DefaultEventsMap, EventNames, EventParams } from './events-map';
export type {
  Class,
  NamespaceScope,
  NamespaceDecoratorOptions,
  GuardToken,
  InterceptorToken,
  ThrottleOptions,
  NamespacePath,
  ErrorFilter,
  PayloadOptions,
  ContractType,
  EmitsOptions,
} from './metadata';
