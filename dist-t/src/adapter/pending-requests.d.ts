/** What a tracked request does with its answers. */
export interface RequestHandlers {
    /** Called once when the request expires before it completed. */
    onTimeout(): void;
    /** Called with each answer's payload and message type; returns true once the request is complete. */
    onAnswer(payload: unknown, type: number): boolean;
}
/**
 * The requests of one adapter that wait for answers from the other processes, by request id. Ids are unique per
 * adapter, and answers come back on the adapter's own response channel, so an id never meets another process's.
 */
export declare class PendingRequests {
    #private;
    /** Starts tracking a request that expires after `timeoutMs`; returns its id (never 0, which means "no answer"). */
    track(timeoutMs: number, handlers: RequestHandlers): number;
    /** Routes one answer; an answer for an expired or unknown request is dropped. */
    answer(id: number, payload: unknown, type: number): void;
    /** Forgets every request without calling its handlers (the adapter is closing). */
    clear(): void;
}
