import type { Server } from '../server';
import type { Socket } from '../namespace/socket';
/** The features the UI shows, as `@socket.io/admin-ui` names them in the `config` event. */
export type Feature = 'EMIT' | 'JOIN' | 'LEAVE' | 'DISCONNECT' | 'MJOIN' | 'MLEAVE' | 'MDISCONNECT' | 'AGGREGATED_EVENTS' | 'ALL_EVENTS';
/** The actions a UI may ask for, each acting on every matching socket of the cluster (Socket.IO 4's features). */
export declare const ACTION_FEATURES: readonly Feature[];
/**
 * Listens to the UI's actions on one admin socket. `filter` is a room (a socket's own sid room to act on one
 * socket); without it the action applies to the whole namespace. A namespace this server does not have is not
 * created. Bad arguments are ignored, or answered with CLASSIO_ERR_VALIDATION when the UI asked for an ack; in
 * readonly mode every action is answered with CLASSIO_ERR_FORBIDDEN and nothing happens.
 */
export declare function listenToActions(server: Server, socket: Socket, isReadonly: boolean): void;
