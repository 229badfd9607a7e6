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
exports.readCompareRef = readCompareRef;
exports.buildRef = buildRef;
const node_child_process_1 = require("node:child_process");
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
/** Reads `--compare <ref>` (or `--compare=<ref>`) from the command line; null without it. */
function readCompareRef(argv = process.argv.slice(2)) {
    for (let index = 0; index < argv.length; index++) {
        const argument = argv[index];
        if (argument.startsWith('--compare='))
            return argument.slice('--compare='.length) || null;
        if (argument === '--compare') {
            const ref = argv[index + 1];
            if (ref === undefined || ref.startsWith('--'))
                throw new Error('--compare needs a git ref: --compare main');
            return ref;
        }
    }
    return null;
}
function git(root, args) {
    return (0, node_child_process_1.execFileSync)('git', ['-C', root, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}
/**
 * Exports and compiles `ref` under `<resultsDir>/compare/<commit>`, reusing an earlier build of the same commit.
 * Throws with the compiler's output when the ref does not build against the working tree's dependencies.
 */
function buildRef(root, ref, resultsDir) {
    let commit;
    try {
        commit = git(root, ['rev-parse', '--verify', `${ref}^{commit}`]);
    }
    catch (error) {
        throw new Error(`--compare ${ref}: not a commit of the repository at ${root}`, { cause: error });
    }
    const directory = path.join(resultsDir, 'compare', commit);
    const marker = path.join(directory, '.built');
    if (fs.existsSync(marker))
        return { ref, commit, directory };
    fs.rmSync(directory, { recursive: true, force: true });
    fs.mkdirSync(directory, { recursive: true });
    const archive = (0, node_child_process_1.execFileSync)('git', ['-C', root, 'archive', '--format=tar', commit], {
        maxBuffer: 512 * 1024 * 1024,
    });
    (0, node_child_process_1.execFileSync)('tar', ['-x', '-C', directory], { input: archive });
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(directory, 'node_modules'), 'dir');
    const servers = path.join(directory, 'test', 'bench', 'servers');
    if (!fs.existsSync(servers))
        throw new Error(`--compare ${ref}: the ref has no test/bench/servers to run`);
    console.error(`[bench] compiling ${ref} (${commit.slice(0, 10)}) in ${path.relative(root, directory)}`);
    try {
        (0, node_child_process_1.execFileSync)(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', directory], {
            stdio: ['ignore', 'pipe', 'pipe'],
        });
    }
    catch (error) {
        const output = error.stdout?.toString() ?? String(error);
        throw new Error(`--compare ${ref}: the ref does not compile with the working tree's dependencies:\n${output}`, {
            cause: error,
        });
    }
    fs.writeFileSync(marker, `${commit}\n`);
    return { ref, commit, directory };
}
//# sourceMappingURL=compare.js.map