import { type DependencyContainer } from 'tsyringe';
import type { Socket as ClientSocket } from 'socket.io-client';
import type { Server } from '../../src/server';
import { type ClientPool } from '../support/io';
/** The runtime's end-to-end suites run over these transports. */
export declare const MODES: import("../support/io").TransportMode[];
/** A server whose namespaces resolve from a fresh child container (so tests never share registrations). */
export declare function startRuntimeServer(): Promise<{
    server: Server;
    container: DependencyContainer;
}>;
/**
 * Gives every test of the enclosing `describe` a fresh runtime server (handed to `onStart`), and closes it and the
 * pool's clients after each test.
 */
export declare function useRuntimeServer(clients: ClientPool, onStart: (started: {
    server: Server;
    container: DependencyContainer;
}) => void): void;
/** Registers through the server, as users do. */
export declare function register(server: Server, target: object): void;
/**
 * Emits with an ack and resolves with the ack's first argument (2 s client-side timeout). `T` is what the test
 * expects the server to answer: nothing checks it, so give it only where the answer is read field by field.
 */
export declare function request<T = unknown>(client: ClientSocket, event: string, ...args: unknown[]): Promise<T>;
/** The ack an event refused with a ValidationError answers with: its code, message and violations. */
export interface ValidationAnswer {
    readonly error: {
        readonly code: string;
        readonly message: string;
        readonly data: readonly {
            readonly property: string;
            readonly constraints: Record<string, string>;
        }[];
    };
}
