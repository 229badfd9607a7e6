/** Starts the peer on 127.0.0.1:`port` (0 for any free port). */
export declare function startBareWsPeer(port?: number): Promise<{
    port: number;
    close(): Promise<void>;
}>;
