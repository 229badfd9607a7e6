import { container as rootContainer, type DependencyContainer } from 'tsyringe';
import type { Socket as ClientSocket } from 'socket.io-client';
import type { Server } from '../../src/server';
import { startServer, TRANSPORT_MODES, type ClientPool } from '../support/io';

/** The runtime's end-to-end suites run over these transports. */
export const MODES = TRANSPORT_MODES.filter((mode) => mode.name !== 'upgrade');

/** A server whose namespaces resolve from a fresh child container (so tests never share registrations). */
export async function startRuntimeServer(): Promise<{ server: Server; container: DependencyContainer }> {
  const container = rootContainer.createChildContainer();
  const server = await startServer({ container });
  return { server, container };
}

/**
 * Gives every test of the enclosing `describe` a fresh runtime server (handed to `onStart`), and closes it and the
 * pool's clients after each test.
 */
export function useRuntimeServer(
  clients: ClientPool,
  onStart: (started: { server: Server; container: DependencyContainer }) => void,
): void {
  let server: Server | undefined;
  beforeEach(async () => {
    const started = await startRuntimeServer();
    server = started.server;
    onStart(started);
  });
  afterEach(async () => {
    await clients.closeAll();
    await server?.close();
  });
}

/** Registers through the server, as users do. */
export function register(server: Server, target: object): void {
  server.register(target);
}

/**
 * Emits with an ack and resolves with the ack's first argument (2 s client-side timeout). `T` is what the test
 * expects the server to answer: nothing checks it, so give it only where the answer is read field by field.
 */
export function request<T = unknown>(client: ClientSocket, event: string, ...args: unknown[]): Promise<T> {
  return client.timeout(2000).emitWithAck(event, ...args) as Promise<T>;
}

/** The ack an event refused with a ValidationError answers with: its code, message and violations. */
export interface ValidationAnswer {
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly data: readonly { readonly property: string; readonly constraints: Record<string, string> }[];
  };
}
