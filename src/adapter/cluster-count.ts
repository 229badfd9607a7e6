/**
 * The recipient count of a cluster-wide broadcast with acks, reported once: this process's count plus the count each
 * other server answers with, once as many servers answered as the medium counts subscribers (minus this one).
 * Callers compare the number of acks with it, so a partial count would end a cluster-wide `emitWithAck` (or a
 * `call()` to a remote sid, whose local count is 0) before the remote answers came in.
 */
export class ClusterCount {
  readonly #report: (count: number) => void;
  #local = -1;
  #remote = 0;
  #answered = 0;
  #expected = -1;
  #isReported = false;

  constructor(report: (count: number) => void) {
    this.#report = report;
  }

  /** This process's recipients. */
  setLocal(count: number): void {
    this.#local = count;
    this.#check();
  }

  /** One other server's recipients. */
  addRemote(count: number): void {
    this.#remote += count;
    this.#answered++;
    this.#check();
  }

  /**
   * Waits for as many answers as `subscribers` resolves with, this process left out; for none when it rejects (the
   * medium is away, so the broadcast reached only this process).
   */
  expectFrom(subscribers: Promise<number>): void {
    subscribers.then(
      (count) => this.#expect(count - 1),
      () => this.#expect(0),
    );
  }

  #expect(servers: number): void {
    this.#expected = servers;
    this.#check();
  }

  #check(): void {
    if (this.#isReported || this.#local < 0 || this.#expected < 0 || this.#answered < this.#expected) return;
    this.#isReported = true;
    this.#report(this.#local + this.#remote);
  }
}
