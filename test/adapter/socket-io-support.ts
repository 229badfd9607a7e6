import { io } from 'socket.io-client';
import type { ClusterNode } from './redis-support';
import { recordEvents, type RecordingClient } from '../support/recording-client';

/** The clients of the Redis cluster tests: classio's own format, and the mixed cluster (`format: 'socket.io'`). */

export type Transport = 'websocket' | 'polling';

export type Client = RecordingClient;

/**
 * Connects an official client to `node` over `transport` (the mixed-cluster tests and the Redis cluster test); it
 * answers `question` and `binary-question` acks.
 */
export async function connect(node: ClusterNode, transport: Transport = 'websocket'): Promise<Client> {
  const socket = io(node.url, { transports: [transport], forceNew: true, reconnection: false });
  const record = recordEvents(socket);
  socket.on('question', (value: number, ack: (answer: number) => void) => ack(value + 1));
  socket.on('binary-question', (value: Buffer, ack: (answer: Buffer) => void) => ack(Buffer.concat([value, value])));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return { socket, id: socket.id!, ...record };
}
