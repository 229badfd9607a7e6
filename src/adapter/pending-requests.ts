import { ClusterError } from '../errors';

/** What a tracked request does with its answers. */
export interface RequestHandlers {
  /** Called once when the request expires before it completed. */
  onTimeout(): void;
  /** Called with each answer's payload and message type; returns true once the request is complete. */
  onAnswer(payload: unknown, type: number): boolean;
}

interface PendingRequest {
  readonly timer: NodeJS.Timeout;
  readonly handlers: RequestHandlers;
}

/**
 * The requests of one adapter that wait for answers from the other processes, by request id. Ids are unique per
 * adapter, and answers come back on the adapter's own response channel, so an id never meets another process's.
 */
export class PendingRequests {
  readonly #requests = new Map<number, PendingRequest>();
  #nextId = 1;

  /** Starts tracking a request that expires after `timeoutMs`; returns its id (never 0, which means "no answer"). */
  track(timeoutMs: number, handlers: RequestHandlers): number {
    const id = this.#nextId++;
    const timer = setTimeout(() => {
      this.#requests.delete(id);
      handlers.onTimeout();
    }, timeoutMs);
    // A pending request must not keep a process alive that has nothing else to do.
    timer.unref();
    this.#requests.set(id, { timer, handlers });
    return id;
  }

  /** Routes one answer; an answer for an expired or unknown request is dropped. */
  answer(id: number, payload: unknown, type: number): void {
    const request = this.#requests.get(id);
    if (request === undefined || !request.handlers.onAnswer(payload, type)) return;
    clearTimeout(request.timer);
    this.#requests.delete(id);
  }

  /** Forgets every request without calling its handlers (the adapter is closing). */
  clear(): void {
    for (const request of this.#requests.values()) clearTimeout(request.timer);
    this.#requests.clear();
  }

  /**
   * Sends a request with `send(id)` and resolves with one answer per other server: as many as `countSubscribers()`
   * resolves with (this process included), minus one, in arrival order. Rejects with a {@link ClusterError} when the count fails
   * (the medium is away) or when the answers are not all in after `timeoutMs`. `label` names the request in those
   * errors (`fetchSockets on namespace '/'`), `medium` the link (`Redis`).
   */
  async collect<T>(
    label: string,
    medium: string,
    countSubscribers: () => Promise<number>,
    timeoutMs: number,
    send: (id: number) => void,
  ): Promise<T[]> {
    let expected: number;
    try {
      expected = (await countSubscribers()) - 1;
    } catch (err) {
      throw new ClusterError(`${label}: ${medium} is unavailable`, { cause: err });
    }
    if (expected <= 0) return [];
    return new Promise<T[]>((resolve, reject) => {
      const answers: T[] = [];
      const id = this.track(timeoutMs, {
        onTimeout: () =>
          reject(
            new ClusterError(
              `${label} timed out after ${timeoutMs} ms: ${answers.length} of ${expected} other servers answered`,
            ),
          ),
        onAnswer: (payload) => {
          answers.push(payload as T);
          if (answers.length < expected) return false;
          resolve(answers);
          return true;
        },
      });
      send(id);
    });
  }
}
