import { type AdminSessionStore } from './stores';
/** Basic authentication: the UI's login form sends a username and a password, checked against a bcrypt hash. */
export interface BasicAuthentication {
    type: 'basic';
    username: string;
    /** A bcrypt hash of the password (`bcrypt.hashSync(password, 10)`), never the password itself. */
    password: string;
}
/** Options of {@link instrument}, named and meaning what they mean for `@socket.io/admin-ui`'s `instrument()`. */
export interface InstrumentOptions {
    /**
     * Required: basic authentication, or `false` to let anyone who reaches the namespace in (and act on sockets
     * unless `readonly`). There is no default, so that turning authentication off is a visible decision.
     */
    auth: false | BasicAuthentication;
    /**
     * `development` sends every socket, its rooms and data, and every event in and out to the UI; `production` only
     * the server stats and the aggregated counts (connections, disconnections, packets and bytes received). Default:
     * `development` when `NODE_ENV` is unset or `development`, `production` otherwise (as the reference decides).
     */
    mode?: 'development' | 'production';
    /** Whether the UI may only look: joining, leaving, disconnecting and emitting are refused. Default false. */
    readonly?: boolean;
    /** The namespace the UI connects to. Default `/admin`. */
    namespaceName?: string;
    /** This process's name in the UI. Default the hostname, with `#pid` in a cluster worker. */
    serverId?: string;
    /** Where login sessions are kept. Default a new {@link InMemoryStore}. */
    store?: AdminSessionStore;
}
/** The options with every default applied. */
export interface ResolvedInstrumentOptions {
    readonly auth: false | BasicAuthentication;
    readonly isDevelopment: boolean;
    readonly isReadonly: boolean;
    readonly namespaceName: string;
    readonly serverId: string | undefined;
    readonly store: AdminSessionStore;
}
/** Checks every option once and applies the defaults; a mistake is a {@link ConfigurationError}. */
export declare function resolveInstrumentOptions(options: InstrumentOptions): ResolvedInstrumentOptions;
