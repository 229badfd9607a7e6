import * as msgpackParser from 'socket.io-msgpack-parser';
/** Starts the peer on 127.0.0.1:`port` (0 for any free port). */
export declare function startSocketIoPeer(port?: number, parser?: typeof msgpackParser | undefined, isRecovering?: boolean): Promise<{
    port: number;
    close(): Promise<void>;
}>;
