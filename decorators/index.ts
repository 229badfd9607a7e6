/** The declarative surface: decorators and their metadata contract. */
export { Namespace } from './namespace';
export { On, typedOn, type TypedMethodDecorator } from './on';
export { OnError } from './on-error';
export { UseGuards } from './use-guards';
export { Payload } from './payload';
export { ConnectedSocket } from './connected-socket';
export { Sid } from './sid';
export { Ack } from './ack';
export { Context } from './context';
export { Session } from './session';
export type { EventsMap, DefaultEventsMap, EventNames, EventParams } from './events-map';
export type {
  Class,
  NamespaceScope,
  NamespaceDecoratorOptions,
  GuardToken,
  ErrorFilter,
  PayloadOptions,
} from './metadata';
