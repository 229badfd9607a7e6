import { performance } from 'node:perf_hooks';

/**
 * The links a {@link TimerQueue} keeps in each of its entries (an intrusive list: no node object per entry). An
 * entry is in one queue at most; `timerQueue` says which.
 */
export interface TimerEntry<T extends TimerEntry<T>> {
  /** @internal */
  timerPrev: T | null;
  /** @internal */
  timerNext: T | null;
  /** @internal When the entry expires, in whole milliseconds of `performance.now()`. */
  timerDue: number;
  /** @internal The queue the entry waits in, or null. */
  timerQueue: TimerQueue<T> | null;
}

/**
 * Deadlines of one fixed duration for many entries, on one Node timer. Every deadline is "now + duration", so the
 * entries expire in the order they were scheduled: the queue is a FIFO list, scheduling and cancelling are O(1),
 * and the timer only ever waits for the head. This is how Node keeps its own timers of one duration, but without a
 * `Timeout` object (about 200 bytes with its arguments) per entry: the engine's heartbeats use it, one entry per
 * session, which is most of the timer memory of an idle connection.
 */
export class TimerQueue<T extends TimerEntry<T>> {
  /** Milliseconds from scheduling to expiry. */
  readonly duration: number;
  readonly #onExpire: (entry: T) => void;
  #head: T | null = null;
  #tail: T | null = null;
  #timer: NodeJS.Timeout | null = null;

  constructor(duration: number, onExpire: (entry: T) => void) {
    this.duration = duration;
    this.#onExpire = onExpire;
  }

  /** Starts the entry's deadline, `duration` from now, moving it from whichever queue it was in. */
  schedule(entry: T): void {
    if (entry.timerQueue !== null) entry.timerQueue.cancel(entry);
    entry.timerDue = Math.floor(performance.now()) + this.duration;
    entry.timerQueue = this;
    entry.timerPrev = this.#tail;
    entry.timerNext = null;
    if (this.#tail === null) this.#head = entry;
    else this.#tail.timerNext = entry;
    this.#tail = entry;
    if (this.#timer === null) this.#arm(this.duration);
  }

  /** Takes the entry out of this queue; it will not expire. Nothing happens if it is not in this queue. */
  cancel(entry: T): void {
    if (entry.timerQueue !== this) return;
    const { timerPrev: prev, timerNext: next } = entry;
    if (prev === null) this.#head = next;
    else prev.timerNext = next;
    if (next === null) this.#tail = prev;
    else next.timerPrev = prev;
    entry.timerPrev = entry.timerNext = null;
    entry.timerQueue = null;
    // An empty queue holds no timer, so it never keeps the process alive.
    if (this.#head === null && this.#timer !== null) {
      clearTimeout(this.#timer);
      this.#timer = null;
    }
  }

  #arm(delay: number): void {
    this.#timer = setTimeout(TimerQueue.#fire, delay, this);
  }

  /**
   * Expires every entry that is due. Node's timer can fire up to a millisecond before `performance.now()` says
   * the head is due (it counts from the event loop's cached time): such an entry counts as due.
   */
  static #fire<T extends TimerEntry<T>>(queue: TimerQueue<T>): void {
    queue.#timer = null;
    const now = Math.floor(performance.now()) + 1;
    let head = queue.#head;
    while (head !== null && head.timerDue <= now) {
      queue.cancel(head);
      queue.#onExpire(head);
      head = queue.#head;
    }
    // An expiring entry may have scheduled itself again, arming the timer for a whole duration: the head decides.
    if (queue.#timer !== null) clearTimeout(queue.#timer);
    queue.#timer = null;
    if (head !== null) queue.#arm(head.timerDue - now + 1);
  }
}
