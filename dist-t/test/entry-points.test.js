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
const node_child_process_1 = require("node:child_process");
const node_path_1 = require("node:path");
/** The modules a fresh Node process has loaded after requiring `entry` (paths relative to the repository). */
function modulesLoadedBy(entry) {
    const root = (0, node_path_1.resolve)(__dirname, '..', '..');
    const script = `require(${JSON.stringify((0, node_path_1.resolve)(root, entry))});
    process.stdout.write(JSON.stringify(Object.keys(require.cache)));`;
    const loaded = JSON.parse((0, node_child_process_1.execFileSync)(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' }));
    return loaded.map((file) => file.slice(root.length + 1).replaceAll('\\', '/'));
}
describe('Package entries', () => {
    describe('classio', () => {
        it('loads neither the test client nor the Redis adapter, ioredis, notepack.io or the Emitter', function () {
            this.timeout(20_000);
            const loaded = modulesLoadedBy('dist/src/index.js');
            (0, chai_1.expect)(loaded).to.include('dist/src/server.js');
            (0, chai_1.expect)(loaded.filter((file) => file.startsWith('dist/src/testing/'))).to.deep.equal([]);
            (0, chai_1.expect)(loaded.filter((file) => file.startsWith('dist/src/adapter/redis/'))).to.deep.equal([]);
            (0, chai_1.expect)(loaded).not.to.include('dist/src/emitter.js');
            (0, chai_1.expect)(loaded.filter((file) => /node_modules\/(ioredis|notepack\.io)\//.test(file))).to.deep.equal([]);
            (0, chai_1.expect)(loaded.filter((file) => file.startsWith('dist/src/admin-ui/') || /node_modules\/bcryptjs\//.test(file))).to.deep.equal([]);
        });
    });
    describe('classio/admin-ui', () => {
        it('loads bcryptjs, and neither the Redis adapter nor ioredis', function () {
            this.timeout(20_000);
            const loaded = modulesLoadedBy('dist/src/admin-ui/index.js');
            (0, chai_1.expect)(loaded.some((file) => /node_modules\/bcryptjs\//.test(file))).to.equal(true);
            (0, chai_1.expect)(loaded.filter((file) => file.startsWith('dist/src/adapter/redis/'))).to.deep.equal([]);
            (0, chai_1.expect)(loaded.filter((file) => /node_modules\/ioredis\//.test(file))).to.deep.equal([]);
        });
    });
    describe('classio errors', () => {
        it('exports every class of the error catalogue, so that users can test errors with instanceof', async () => {
            const catalogue = await Promise.resolve().then(() => __importStar(require('../src/errors')));
            const entry = (await Promise.resolve().then(() => __importStar(require('../src'))));
            const classes = Object.entries(catalogue).filter(([, value]) => typeof value === 'function' && value.prototype instanceof Error);
            (0, chai_1.expect)(classes.length).to.be.greaterThan(10);
            for (const [name, value] of classes)
                (0, chai_1.expect)(entry[name], `classio exports ${name}`).to.equal(value);
        });
    });
    describe('classio/emitter', () => {
        it('loads neither the server nor the DTO libraries', function () {
            this.timeout(20_000);
            const loaded = modulesLoadedBy('dist/src/emitter.js');
            (0, chai_1.expect)(loaded).not.to.include('dist/src/server.js');
            (0, chai_1.expect)(loaded.filter((file) => /node_modules\/(tsyringe|class-validator|class-transformer)\//.test(file))).to.deep.equal([]);
        });
    });
});
//# sourceMappingURL=entry-points.test.js.map