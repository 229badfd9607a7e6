/** A file the example serves, with its content type. */
export interface PublicFile {
    readonly path: string;
    readonly contentType: string;
}
/** The file served at `pathname`, or undefined (404). Only the fixed list above is served: no path traversal. */
export declare function resolvePublicFile(pathname: string): PublicFile | undefined;
