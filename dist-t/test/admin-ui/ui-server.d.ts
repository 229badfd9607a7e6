/** The official Admin UI bundle, as the devDependency `@socket.io/admin-ui` ships it. */
export declare const UI_DIST: string;
/** Serves the UI bundle on 127.0.0.1 (port 0), as a user would host it next to their server. */
export declare function serveUi(): Promise<{
    url: string;
    close(): Promise<void>;
}>;
