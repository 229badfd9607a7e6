/**
 * The DTO libraries are peer dependencies: the user's decorators and classio must share one copy of each. The
 * compiled payload path goes further than their public API (it reads class-transformer's metadata maps and
 * reproduces its copy rules, and replays class-validator's metadata lookups), so a version outside the range it was
 * written against could accept what the library itself would refuse. npm refuses such an install; other clients
 * (or `--legacy-peer-deps`) only warn, so the runtime checks once, when the first DTO is compiled.
 */
/** One peer dependency checked at runtime, with the versions it is supported in. */
export interface PeerRequirement {
    readonly name: string;
    /** The range as package.json's `peerDependencies` spells it. */
    readonly range: string;
    /** The lowest supported version, as [major, minor, patch]. */
    readonly from: readonly [number, number, number];
    /** The first version past the range. */
    readonly below: readonly [number, number, number];
}
export declare const DTO_PEERS: readonly PeerRequirement[];
/** Resolves a package's entry point as classio's own `require` does. */
export type ResolvePackage = (name: string) => string;
/**
 * Throws a `ConfigurationError` naming the package, the version found and the range supported when the copy of a
 * DTO library that classio loads is outside its range. The copies checked are the ones classio's own `require`
 * finds, which, for peer dependencies, are the ones the user's code imports. Runs at registration, never per
 * message, and only until it first passes.
 */
export declare function checkDtoPeers(): void;
/** {@link checkDtoPeers} against the packages `resolve` finds (a test points it at another tree). */
export declare function checkInstalledPeers(resolve: ResolvePackage): void;
