"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const chai_1 = require("chai");
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
/**
 * Keeps the README's "Server options" table in step with the option interfaces (`ServerOptions` in src/server.ts
 * and `EngineServerOptions` in src/engine/options.ts). Interfaces leave nothing at run time, so the sources are
 * read: every `name?:` member of the two interfaces needs a row, and every row names a real option.
 */
describe('README server options', () => {
    // Compiled to dist/test/, so the repository root is two levels up.
    const root = (0, node_path_1.join)(__dirname, '..', '..');
    function interfaceMembers(file, name) {
        const source = (0, node_fs_1.readFileSync)((0, node_path_1.join)(root, file), 'utf8');
        const start = source.indexOf(`export interface ${name}`);
        (0, chai_1.expect)(start, `${name} in ${file}`).to.be.greaterThan(-1);
        const body = source.slice(source.indexOf('{', start) + 1, source.indexOf('\n}', start));
        return [...body.matchAll(/^ {2}(\w+)\?:/gm)].map((match) => match[1]);
    }
    function readmeOptions() {
        const readme = (0, node_fs_1.readFileSync)((0, node_path_1.join)(root, 'README.md'), 'utf8');
        const section = readme.split(/^## /m).find((part) => part.startsWith('Server options'));
        (0, chai_1.expect)(section, 'README has a "## Server options" section').to.be.a('string');
        return [...section.matchAll(/^\|\s*`(\w+)`\s*\|/gm)].map((match) => match[1]);
    }
    const options = [
        ...interfaceMembers('src/engine/options.ts', 'EngineServerOptions'),
        ...interfaceMembers('src/server.ts', 'ServerOptions'),
    ];
    it('documents every option', () => {
        const listed = new Set(readmeOptions());
        (0, chai_1.expect)(options.filter((option) => !listed.has(option)), 'options missing from the README').to.deep.equal([]);
    });
    it('documents no option that does not exist, and none twice', () => {
        const rows = readmeOptions();
        (0, chai_1.expect)(rows.filter((row) => !options.includes(row)), 'README rows that are not options').to.deep.equal([]);
        (0, chai_1.expect)(rows.length, 'duplicate rows').to.equal(new Set(rows).size);
    });
});
//# sourceMappingURL=readme-options.test.js.map