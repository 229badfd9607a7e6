/**
 * The set `{sid}` that a socket in only its own room is described by twice: as its rooms (`socketRooms(sid)`) and as
 * the members of its sid room (`rooms.get(sid)`). A `Set` of one costs about 150 bytes (the object and its hash
 * table), two per idle connection; this object holds only the sid (about 32 bytes), and one serves both places.
 *
 * It is immutable, so that sharing it is safe: the adapter replaces it by a real `Set`, in the one map where the change
 * happens, when something is added (the socket joins another room, or another socket joins the room named after
 * this sid). A caller that kept the object from before then holds the old contents, not a live view.
 */
export class OwnRoom implements ReadonlySet<string> {
  readonly #sid: string;

  constructor(sid: string) {
    this.#sid = sid;
  }

  /** The one member (the adapter reads it on the broadcast path, where it skips the iterator). */
  get sid(): string {
    return this.#sid;
  }

  get size(): number {
    return 1;
  }

  has(value: string): boolean {
    return value === this.#sid;
  }

  forEach(callbackfn: (value: string, key: string, set: ReadonlySet<string>) => void, thisArg?: unknown): void {
    callbackfn.call(thisArg, this.#sid, this.#sid, this);
  }

  keys(): SetIterator<string> {
    return new OnceIterator(this.#sid);
  }

  values(): SetIterator<string> {
    return new OnceIterator(this.#sid);
  }

  entries(): SetIterator<[string, string]> {
    return new OnceIterator<[string, string]>([this.#sid, this.#sid]);
  }

  [Symbol.iterator](): SetIterator<string> {
    return new OnceIterator(this.#sid);
  }

  /** `console.log` and `util.inspect` show it as the `Set` it stands for, as they showed `socket.rooms` before. */
  [Symbol.for('nodejs.util.inspect.custom')](
    _depth: number,
    options: object,
    inspect: (value: unknown, options: object) => string,
  ): string {
    return inspect(new Set([this.#sid]), options);
  }
}

/** Shared by every exhausted iterator: the result is frozen, and for-of reads only `done`. */
const DONE: IteratorReturnResult<undefined> = Object.freeze({ value: undefined, done: true });

/** An iterator over one value, what a `Set` of one returns from `values()`; one object per iteration, as a Set's. */
class OnceIterator<T> implements SetIterator<T> {
  readonly #value: T;
  #isDone = false;

  constructor(value: T) {
    this.#value = value;
  }

  next(): IteratorResult<T, undefined> {
    if (this.#isDone) return DONE;
    this.#isDone = true;
    return { value: this.#value, done: false };
  }

  [Symbol.iterator](): SetIterator<T> {
    return this;
  }
}
