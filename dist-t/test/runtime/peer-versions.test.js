"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const chai_1 = require("chai");
const node_fs_1 = require("node:fs");
const node_module_1 = require("node:module");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const errors_1 = require("../../src/errors");
const peer_versions_1 = require("../../src/runtime/peer-versions");
/** A scratch project whose node_modules holds the given versions of the DTO libraries. */
function projectWith(versions) {
    const root = (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'classio-peers-'));
    for (const [name, version] of Object.entries(versions)) {
        const directory = (0, node_path_1.join)(root, 'node_modules', name);
        (0, node_fs_1.mkdirSync)((0, node_path_1.join)(directory, 'cjs'), { recursive: true });
        (0, node_fs_1.writeFileSync)((0, node_path_1.join)(directory, 'package.json'), JSON.stringify({ name, version, main: './cjs/index.js' }));
        (0, node_fs_1.writeFileSync)((0, node_path_1.join)(directory, 'cjs', 'index.js'), '');
    }
    return { resolve: (name) => (0, node_module_1.createRequire)((0, node_path_1.join)(root, 'index.js')).resolve(name), root };
}
describe('DTO peer versions', () => {
    const roots = [];
    function scratch(versions) {
        const project = projectWith(versions);
        roots.push(project.root);
        return project.resolve;
    }
    afterEach(() => {
        for (const root of roots.splice(0))
            (0, node_fs_1.rmSync)(root, { recursive: true, force: true });
    });
    describe('#checkInstalledPeers', () => {
        it('accepts the versions installed for the tests', () => {
            (0, chai_1.expect)(() => (0, peer_versions_1.checkInstalledPeers)(require.resolve)).not.to.throw();
        });
        it('accepts the lowest and the highest version of each range', () => {
            (0, chai_1.expect)(() => (0, peer_versions_1.checkInstalledPeers)(scratch({ 'class-transformer': '0.5.1', 'class-validator': '0.14.2' }))).not.to.throw();
            (0, chai_1.expect)(() => (0, peer_versions_1.checkInstalledPeers)(scratch({ 'class-transformer': '0.5.9', 'class-validator': '0.15.9' }))).not.to.throw();
        });
        it('refuses class-transformer 0.4, naming the package, the version found and the range supported', () => {
            const resolvePackage = scratch({ 'class-transformer': '0.4.0', 'class-validator': '0.15.1' });
            (0, chai_1.expect)(() => (0, peer_versions_1.checkInstalledPeers)(resolvePackage))
                .to.throw(errors_1.ConfigurationError)
                .that.satisfies((err) => {
                (0, chai_1.expect)(err.code).to.equal('CLASSIO_ERR_CONFIG');
                (0, chai_1.expect)(err.message).to.match(/^classio supports class-transformer ~0\.5\.1, but class-transformer 0\.4\.0 is installed \(.*node_modules[/\\]class-transformer\): install a supported version, for example npm install class-transformer@"~0\.5\.1"$/);
                return true;
            });
        });
        it('refuses a class-validator past the range', () => {
            const resolvePackage = scratch({ 'class-transformer': '0.5.1', 'class-validator': '0.16.0' });
            (0, chai_1.expect)(() => (0, peer_versions_1.checkInstalledPeers)(resolvePackage)).to.throw(errors_1.ConfigurationError, 'classio supports class-validator ^0.14.2 || ^0.15.0, but class-validator 0.16.0 is installed');
        });
        it('refuses a class-validator before the range', () => {
            const resolvePackage = scratch({ 'class-transformer': '0.5.1', 'class-validator': '0.14.1' });
            (0, chai_1.expect)(() => (0, peer_versions_1.checkInstalledPeers)(resolvePackage)).to.throw(errors_1.ConfigurationError, 'class-validator 0.14.1 is installed');
        });
        it('names a peer dependency that is not installed', () => {
            const resolvePackage = scratch({ 'class-transformer': '0.5.1' });
            (0, chai_1.expect)(() => (0, peer_versions_1.checkInstalledPeers)(resolvePackage)).to.throw(errors_1.ConfigurationError, 'classio needs the peer dependency class-validator: npm install class-validator');
        });
    });
    describe('package.json', () => {
        it('declares the ranges the runtime checks as peer dependencies', () => {
            const manifest = JSON.parse((0, node_fs_1.readFileSync)((0, node_path_1.resolve)(__dirname, '../../../package.json'), 'utf8'));
            for (const peer of peer_versions_1.DTO_PEERS)
                (0, chai_1.expect)(manifest.peerDependencies[peer.name]).to.equal(peer.range);
        });
    });
});
//# sourceMappingURL=peer-versions.test.js.map