import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Packet } from 'engine.io-parser';
import { Transport, type CloseMode } from '../transport';
import type { TransportName } from '../types';
import { type PollingHost } from './polling-answer';
/**
 * HTTP long-polling (engine.io-protocol v4, "HTTP long-polling"): a GET waits until the server has packets and
 * receives them as one payload (text packets joined by the record separator `\x1e`, binary packets as `b` +
 * base64); a POST carries a payload from the client and is answered `ok`. At most one GET and one POST may be
 * pending: a second concurrent GET or POST is a protocol violation that closes the session.
 */
export declare class PollingTransport extends Transport {
    #private;
    readonly name: TransportName;
    readonly isBatchedPerTick = true;
    constructor(maxHttpBufferSize: number, host?: PollingHost | null);
    get writable(): boolean;
    /** Takes one HTTP request of this session (the server has already checked sid, transport and method). */
    onRequest(req: IncomingMessage, res: ServerResponse): void;
    send(packets: Packet[]): void;
    protected doClose(mode: CloseMode): void;
}
