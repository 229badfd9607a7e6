import type { Socket as ClientSocket } from 'socket.io-client';

/** Every event a client socket received, in order, and a way to wait for one. */
export interface EventRecord {
  readonly received: [string, ...unknown[]][];
  /** Resolves with the arguments of the first `event` (already received or future). */
  next(event: string): Promise<unknown[]>;
  count(event: string): number;
}

/** A socket.io-client socket that records every event it receives. */
export interface RecordingClient extends EventRecord {
  readonly socket: ClientSocket;
  readonly id: string;
}

/** Records every event `socket` receives from now on (the cluster tests' clients, whatever server they reach). */
export function recordEvents(socket: ClientSocket): EventRecord {
  const received: [string, ...unknown[]][] = [];
  const waiters: { event: string; resolve: (args: unknown[]) => void }[] = [];
  socket.onAny((event: string, ...args: unknown[]) => {
    received.push([event, ...args]);
    for (const waiter of waiters.filter((w) => w.event === event)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(args);
    }
  });
  return {
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
