/**
 * A TCP load balancer for one client in front of several server processes: every new connection goes to the
 * current target's port. {@link cut} destroys the open connections at once (the abrupt transport loss of a
 * flaky network: no close frame, no DISCONNECT), and {@link route} sends the next connections elsewhere, so that the
 * client reconnects to a different process with nothing changed on its side.
 */
export declare class Balancer {
    #private;
    private constructor();
    /** Starts a balancer on 127.0.0.1, port 0, in front of the server on `target`. */
    static start(target: number): Promise<Balancer>;
    /** The URL clients connect to. */
    get url(): string;
    /** Destroys every open connection; new ones are refused until {@link route} is called. */
    cut(): void;
    /** Sends the next connections to the server on `target`. */
    route(target: number): void;
    close(): Promise<void>;
}
