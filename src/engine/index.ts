/** The Engine.IO layer's public surface (the layers above import from here or from `./types`). */
export { EngineServer, type EngineConnectionError } from './server';
export type { EngineQuery } from './request';
export { EngineSocket } from './socket';
export {
  ENGINE_DEFAULTS,
  type AllowRequest,
  type CorsOptions,
  type CorsOrigin,
  type EngineServerOptions,
  type EngineSettings,
} from './options';
export type { EngineCloseReason, EngineConnection, EngineData, HandshakeRequest, TransportName } from './types';
