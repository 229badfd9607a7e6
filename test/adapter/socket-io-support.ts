import { io, type Socket as ClientSocket } from 'socket.io-client';
import type { ClusterNode } from './redis-support';

/** The clients of the mixed-cluster tests (classio and Socket.IO servers on one Redis, `format: 'socket.io'`). */

export type Transport = 'websocket' | 'polling';

/** A socket.io-client socket that records every event it receives. */
export interface Client {
  readonly socket: ClientSocket;
  readonly id: string;
  readonly received: [string, ...unknown[]][];
  next(event: string): Promise<unknown[]>;
  count(event: string): number;
}

/** Connects an official client to `node` over `transport`; it answers `question` and `binary-question` acks. */
export async function connect(node: ClusterNode, transport: Transport): Promise<Client> {
  const socket = io(node.url, { transports: [transport], forceNew: true, reconnection: false });
  const received: [string, ...unknown[]][] = [];
  const waiters: { event: string; resolve: (args: unknown[]) => void }[] = [];
  socket.onAny((event: string, ...args: unknown[]) => {
    received.push([event, ...args]);
    for (const waiter of waiters.filter((w) => w.event === event)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(args);
    }
  });
  socket.on('question', (value: number, ack: (answer: number) => void) => ack(value + 1));
  socket.on('binary-question', (value: Buffer, ack: (answer: Buffer) => void) => ack(Buffer.concat([value, value])));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return {
    socket,
    id: socket.id!,
    received,
    next(event) {
      const seen = received.find(([name]) => name === event);
      if (seen) return Promise.resolve(seen.slice(1));
      return new Promise((resolve) => waiters.push({ event, resolve }));
    },
    count(event) {
      return received.filter(([name]) => name === event).length;
    },
  };
}
