/** Called with the status and body of a response. */
export type ResponseCallback = (error: Error | null, status: number, body: string) => void;
/**
 * One keep-alive HTTP/1.1 connection carrying one request at a time, for a load generator: requests are bytes the
 * caller prepared, and responses are cut out of the stream by their Content-Length (both Engine.IO servers under
 * test send one; a chunked or close-delimited body is reported as an error rather than guessed at).
 *
 * Node's `http` client spends about as much CPU per request as the server under test, which would make the polling
 * workload measure the client; this costs a fraction of it.
 */
export declare class HttpLane {
    private readonly socket;
    private callback;
    private buffer;
    private isClosed;
    constructor(port: number);
    /** Sends a prepared request; `callback` gets the response. One request at a time. */
    request(bytes: Buffer | string, callback: ResponseCallback): void;
    close(): void;
    private onData;
    private finish;
}
/** A GET request for `path`, as bytes to send as is on every poll. */
export declare function prepareGet(port: number, path: string): Buffer;
/** A POST request of a text body. */
export declare function preparePost(port: number, path: string, body: string): Buffer;
