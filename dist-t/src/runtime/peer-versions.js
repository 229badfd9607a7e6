"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DTO_PEERS = void 0;
exports.checkDtoPeers = checkDtoPeers;
exports.checkInstalledPeers = checkInstalledPeers;
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const errors_1 = require("../errors");
exports.DTO_PEERS = [
    // `plainToInstance` is 0.5's; `payload-validator-instance.ts` reads 0.5's `cjs/storage` maps and copy rules.
    { name: 'class-transformer', range: '~0.5.1', from: [0, 5, 1], below: [0, 6, 0] },
    // `payload-validator-checks.ts` replays `getTargetValidationMetadatas` and the executor of 0.14 and 0.15. Before
    // 0.14.2, a payload that is not an object makes validateSync throw instead of failing as an unknown value.
    { name: 'class-validator', range: '^0.14.2 || ^0.15.0', from: [0, 14, 2], below: [0, 16, 0] },
];
/** Set once the installed versions passed, so that later DTOs skip the check. */
let isChecked = false;
/**
 * Throws a `ConfigurationError` naming the package, the version found and the range supported when the copy of a
 * DTO library that classio loads is outside its range. The copies checked are the ones classio's own `require`
 * finds, which, for peer dependencies, are the ones the user's code imports. Runs at registration, never per
 * message, and only until it first passes.
 */
function checkDtoPeers() {
    if (isChecked)
        return;
    checkInstalledPeers(require.resolve);
    isChecked = true;
}
/** {@link checkDtoPeers} against the packages `resolve` finds (a test points it at another tree). */
function checkInstalledPeers(resolve) {
    for (const peer of exports.DTO_PEERS)
        checkPeer(peer, findInstalled(peer.name, resolve));
}
function checkPeer(peer, installed) {
    const version = /^(\d+)\.(\d+)\.(\d+)/.exec(installed.version);
    const parts = version === null ? null : [Number(version[1]), Number(version[2]), Number(version[3])];
    if (parts !== null && compare(parts, peer.from) >= 0 && compare(parts, peer.below) < 0)
        return;
    throw new errors_1.ConfigurationError(`classio supports ${peer.name} ${peer.range}, but ${peer.name} ${installed.version} is installed ` +
        `(${installed.directory}): install a supported version, for example npm install ${peer.name}@"${peer.range}"`);
}
/** The version of the package `name` resolves to: the nearest package.json of that name above its entry point. */
function findInstalled(name, resolve) {
    let entry;
    try {
        entry = resolve(name);
    }
    catch (err) {
        throw new errors_1.ConfigurationError(`classio needs the peer dependency ${name}: npm install ${name}`, { cause: err });
    }
    for (let directory = (0, node_path_1.dirname)(entry);; directory = (0, node_path_1.dirname)(directory)) {
        const manifest = readManifest((0, node_path_1.join)(directory, 'package.json'));
        if (manifest?.name === name && typeof manifest.version === 'string')
            return { version: manifest.version, directory };
        if ((0, node_path_1.dirname)(directory) === directory)
            break;
    }
    throw new errors_1.ConfigurationError(`classio cannot tell which version of ${name} is installed (from ${entry})`);
}
function readManifest(file) {
    try {
        return JSON.parse((0, node_fs_1.readFileSync)(file, 'utf8'));
    }
    catch {
        return undefined;
    }
}
function compare(a, b) {
    for (let i = 0; i < 3; i++)
        if (a[i] !== b[i])
            return a[i] - b[i];
    return 0;
}
//# sourceMappingURL=peer-versions.js.map