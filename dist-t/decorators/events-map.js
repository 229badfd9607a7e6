"use strict";
/**
 * Types for typed events. A namespace may declare what its clients send (client-to-server map) and what it sends
 * them (server-to-client map); each map is an interface from event name to a function type whose parameters are
 * the event's arguments, as in Socket.IO:
 *
 * ```ts
 * interface ClientEvents { 'chat message': (text: string) => void }
 * interface ServerEvents { 'chat message': (from: string, text: string) => void }
 * ```
 */
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=events-map.js.map