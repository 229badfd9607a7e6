/**
 * A fixed latency histogram with 1 µs buckets up to 500 ms: recording is one array increment, so measuring every
 * round trip costs the load generator almost nothing and allocates nothing.
 */
export declare class LatencyHistogram {
    static readonly MAX_MICROS = 500000;
    private readonly buckets;
    private total;
    /** Records one latency, in milliseconds (as measured with `performance.now()`). */
    record(milliseconds: number): void;
    get count(): number;
    /** The latency at quantile `q` (0..1), in milliseconds; NaN when nothing was recorded. */
    quantile(q: number): number;
    reset(): void;
}
/** The median of a list of numbers (NaN for an empty list; NaN entries are ignored). */
export declare function median(values: readonly number[]): number;
