/**
 * A fixed latency histogram with 1 µs buckets up to 500 ms: recording is one array increment, so measuring every
 * round trip costs the load generator almost nothing and allocates nothing.
 */
export class LatencyHistogram {
  static readonly MAX_MICROS = 500_000;
  private readonly buckets = new Uint32Array(LatencyHistogram.MAX_MICROS + 1);
  private total = 0;

  /** Records one latency, in milliseconds (as measured with `performance.now()`). */
  record(milliseconds: number): void {
    let micros = Math.round(milliseconds * 1000);
    if (micros > LatencyHistogram.MAX_MICROS) micros = LatencyHistogram.MAX_MICROS;
    this.buckets[micros]++;
    this.total++;
  }

  get count(): number {
    return this.total;
  }

  /** The latency at quantile `q` (0..1), in milliseconds; NaN when nothing was recorded. */
  quantile(q: number): number {
    if (this.total === 0) return NaN;
    const rank = Math.ceil(q * this.total);
    let seen = 0;
    for (let micros = 0; micros < this.buckets.length; micros++) {
      seen += this.buckets[micros];
      if (seen >= rank) return micros / 1000;
    }
    return LatencyHistogram.MAX_MICROS / 1000;
  }

  reset(): void {
    this.buckets.fill(0);
    this.total = 0;
  }
}

/** The median of a list of numbers (NaN for an empty list; NaN entries are ignored). */
export function median(values: readonly number[]): number {
  const sorted = values.filter((value) => !Number.isNaN(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
