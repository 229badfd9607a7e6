"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
const chai_1 = require("chai");
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const errors = __importStar(require("../src/errors"));
const errors_1 = require("../src/errors");
/**
 * Keeps the catalogue honest (fastify `test/internals/errors.test.js`): every error class of `src/errors.ts` is a
 * ClassioError with a code of its own, every code is in `ERROR_CODES` and in the README's error table, and nothing
 * in `src/` or `decorators/` throws an error from outside the catalogue.
 */
// Compiled to dist/test/, so the sources and the README are two levels up.
const root = (0, node_path_1.join)(__dirname, '..', '..');
/** The kinds that only give their subclasses a base: they have no code of their own. */
const BASES = [errors_1.ClassioError, errors_1.HandlerError];
/** How to build each class whose constructor does not start with the message. */
const BUILDERS = new Map([[errors_1.ProtocolError, () => new errors_1.ProtocolError(3)]]);
/** Every class exported by src/errors.ts. */
function exportedClasses() {
    const entries = Object.entries(errors);
    return entries.filter((entry) => typeof entry[1] === 'function' && /^class\b/.test(String(entry[1])));
}
/** One instance of a concrete catalogue class. */
function instanceOf(cls) {
    const build = BUILDERS.get(cls);
    if (build !== undefined)
        return build();
    return new cls('a message');
}
/** The codes in the first column of the README's "Error codes" table. */
function readmeCodes() {
    const readme = (0, node_fs_1.readFileSync)((0, node_path_1.join)(root, 'README.md'), 'utf8');
    const section = readme.split(/^## /m).find((part) => part.startsWith('Error codes'));
    (0, chai_1.expect)(section, 'README has a "## Error codes" section').to.be.a('string');
    const codes = [];
    for (const line of section.split('\n')) {
        const match = /^\|\s*`(CLASSIO_ERR_[A-Z0-9_]+)`\s*\|/.exec(line);
        if (match !== null)
            codes.push(match[1]);
    }
    return codes;
}
/** Every TypeScript source file under `dir`. */
function sourcesUnder(dir) {
    return (0, node_fs_1.readdirSync)(dir, { withFileTypes: true }).flatMap((entry) => {
        const path = (0, node_path_1.join)(dir, entry.name);
        if (entry.isDirectory())
            return sourcesUnder(path);
        return entry.name.endsWith('.ts') ? [path] : [];
    });
}
describe('error catalogue', () => {
    describe('classes', () => {
        it('exports only ClassioError and kinds that extend it', () => {
            const classes = exportedClasses();
            (0, chai_1.expect)(classes.length, 'classes found in src/errors.ts').to.be.greaterThan(5);
            for (const [name, cls] of classes) {
                const isBase = cls === errors_1.ClassioError;
                (0, chai_1.expect)(isBase || cls.prototype instanceof errors_1.ClassioError, `${name} extends ClassioError`).to.equal(true);
            }
        });
        it('gives every concrete kind its own CLASSIO_ERR_ code, listed in ERROR_CODES, and its class name', () => {
            const owners = new Map();
            for (const [name, cls] of exportedClasses()) {
                if (BASES.includes(cls))
                    continue;
                const error = instanceOf(cls);
                (0, chai_1.expect)(error.code, name).to.match(/^CLASSIO_ERR_[A-Z0-9_]+$/);
                (0, chai_1.expect)(owners.get(error.code), `${error.code} is the code of ${name} only`).to.equal(undefined);
                owners.set(error.code, name);
                (0, chai_1.expect)(errors_1.ERROR_CODES, `${name}'s code in ERROR_CODES`).to.have.property(error.code);
                (0, chai_1.expect)(error.name, `${name}'s name`).to.equal(name);
            }
            // And no code of ERROR_CODES is left without its class.
            (0, chai_1.expect)([...owners.keys()].sort()).to.deep.equal(Object.keys(errors_1.ERROR_CODES).sort());
        });
    });
    describe('README', () => {
        it('lists every code of ERROR_CODES in the README table', () => {
            const listed = new Set(readmeCodes());
            const missing = Object.keys(errors_1.ERROR_CODES).filter((code) => !listed.has(code));
            (0, chai_1.expect)(missing, 'codes missing from the README').to.deep.equal([]);
        });
        it('lists no code that ERROR_CODES does not know, and none twice', () => {
            const codes = readmeCodes();
            const unknown = codes.filter((code) => !(code in errors_1.ERROR_CODES));
            (0, chai_1.expect)(unknown, 'README codes unknown to src/errors.ts').to.deep.equal([]);
            (0, chai_1.expect)(codes.length, 'duplicate rows').to.equal(new Set(codes).size);
        });
    });
    describe('sources', () => {
        it('throw or reject with no error from outside the catalogue in src/ and decorators/', () => {
            // AggregateError is not matched: it only carries several errors to the logger together.
            const plain = /(?:\bthrow|Promise\.reject\()\s*new\s+(?:Error|TypeError|RangeError|SyntaxError|ReferenceError)\(/;
            const offenders = [];
            for (const file of [...sourcesUnder((0, node_path_1.join)(root, 'src')), ...sourcesUnder((0, node_path_1.join)(root, 'decorators'))]) {
                (0, node_fs_1.readFileSync)(file, 'utf8')
                    .split('\n')
                    .forEach((line, index) => {
                    if (plain.test(line))
                        offenders.push(`${(0, node_path_1.relative)(root, file)}:${index + 1}: ${line.trim()}`);
                });
            }
            (0, chai_1.expect)(offenders, 'throws that bypass src/errors.ts').to.deep.equal([]);
        });
    });
});
//# sourceMappingURL=errors-catalogue.test.js.map