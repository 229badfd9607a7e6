import type { RawResponse } from '../../support/raw-engine-client';
import type { RawTransport } from './harness';
/**
 * A raw client that misbehaves, over either transport: the same wire literals go out as websocket frames or as
 * the packets of one polling POST (binary as `b` + base64, the v4 payload encoding).
 */
export interface Offender {
    readonly sid: string;
    /** Sends Engine.IO packets (text packets with their type digit; Buffers are binary messages). */
    send(...packets: (string | Buffer)[]): Promise<RawResponse | null>;
    /** Resolves once the server ended the session (websocket closed, or polling saw the close packet or an error). */
    closed(): Promise<void>;
    /** Whether the session still answers (websocket open, or a POST accepted). */
    isAlive(): Promise<boolean>;
    close(): void;
}
export declare function openOffender(transport: RawTransport, port: number, joinNamespace?: boolean): Promise<Offender>;
