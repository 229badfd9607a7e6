"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.LatencyHistogram = void 0;
exports.median = median;
/**
 * A fixed latency histogram with 1 µs buckets up to 500 ms: recording is one array increment, so measuring every
 * round trip costs the load generator almost nothing and allocates nothing.
 */
class LatencyHistogram {
    constructor() {
        this.buckets = new Uint32Array(LatencyHistogram.MAX_MICROS + 1);
        this.total = 0;
    }
    static { this.MAX_MICROS = 500_000; }
    /** Records one latency, in milliseconds (as measured with `performance.now()`). */
    record(milliseconds) {
        let micros = Math.round(milliseconds * 1000);
        if (micros > LatencyHistogram.MAX_MICROS)
            micros = LatencyHistogram.MAX_MICROS;
        this.buckets[micros]++;
        this.total++;
    }
    get count() {
        return this.total;
    }
    /** The latency at quantile `q` (0..1), in milliseconds; NaN when nothing was recorded. */
    quantile(q) {
        if (this.total === 0)
            return NaN;
        const rank = Math.ceil(q * this.total);
        let seen = 0;
        for (let micros = 0; micros < this.buckets.length; micros++) {
            seen += this.buckets[micros];
            if (seen >= rank)
                return micros / 1000;
        }
        return LatencyHistogram.MAX_MICROS / 1000;
    }
    reset() {
        this.buckets.fill(0);
        this.total = 0;
    }
}
exports.LatencyHistogram = LatencyHistogram;
/** The median of a list of numbers (NaN for an empty list; NaN entries are ignored). */
function median(values) {
    const sorted = values.filter((value) => !Number.isNaN(value)).sort((a, b) => a - b);
    if (sorted.length === 0)
        return NaN;
    const middle = sorted.length >> 1;
    return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
//# sourceMappingURL=histogram.js.map