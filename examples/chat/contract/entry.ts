/**
 * The entry of the example's contract: `classio asyncapi` and `classio client-types` take the default export, a
 * function that builds the chat's server without listening (see docs/contract.md).
 *
 *   npm run contract:chat   # rewrites asyncapi.json and events.d.ts beside this file
 */
import { createChatApp } from '../server';

export default function buildChatServer() {
  return createChatApp({ backgroundIntervalMs: 0, log: () => {} }).server;
}
