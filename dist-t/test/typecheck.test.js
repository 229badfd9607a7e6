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
const path = __importStar(require("node:path"));
const ts = __importStar(require("typescript"));
/**
 * Compiles every `*.typecheck.ts` under `test/` (from the sources: this file runs from dist/) in one program and
 * expects no diagnostic in them: the mistakes they show are marked `@ts-expect-error`, so an unused marker (a
 * mistake that did compile) fails the test as well as an unexpected error does.
 */
const root = path.resolve(__dirname, '../..');
/** The type-test files, relative to the repository root. */
function typeTests(dir) {
    return (0, node_fs_1.readdirSync)(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
        const relative = path.join(dir, entry.name);
        if (entry.isDirectory())
            return entry.name === 'bench' ? [] : typeTests(relative);
        return entry.name.endsWith('.typecheck.ts') ? [relative] : [];
    });
}
describe('Type tests', function () {
    const files = typeTests('test');
    let diagnosticsOf = () => [];
    before(function () {
        // One compiler run over every type test: seconds on a quiet machine, minutes on a loaded one.
        this.timeout(300_000);
        const config = ts.readConfigFile(path.join(root, 'tsconfig.json'), (file) => ts.sys.readFile(file));
        const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
        const program = ts.createProgram(files.map((file) => path.join(root, file)), { ...options, noEmit: true });
        const diagnostics = ts.getPreEmitDiagnostics(program);
        diagnosticsOf = (file) => diagnostics
            .filter((diagnostic) => diagnostic.file === undefined || diagnostic.file.fileName === path.join(root, file))
            .map((diagnostic) => {
            const line = diagnostic.file?.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line;
            return `${line === undefined ? '' : `line ${line + 1}: `}${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
        });
    });
    it('finds the type tests', () => {
        (0, chai_1.expect)(files).to.include.members([
            path.join('test', 'runtime', 'typed-events.typecheck.ts'),
            path.join('test', 'namespace', 'socket-api.typecheck.ts'),
        ]);
    });
    for (const file of files) {
        it(`compiles ${file} with exactly its expected errors`, () => {
            (0, chai_1.expect)(diagnosticsOf(file)).to.deep.equal([]);
        });
    }
});
//# sourceMappingURL=typecheck.test.js.map