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
exports.areaOf = areaOf;
exports.summarizeProfile = summarizeProfile;
const fs = __importStar(require("node:fs"));
const path = __importStar(require("node:path"));
/**
 * Where a function lives, coarsely: an npm package, a classio layer, a Node internal module, or V8's own buckets
 * ((garbage collector), (program), (idle)).
 */
function areaOf(url, functionName) {
    if (url === '')
        return functionName;
    const nodeModules = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
    if (nodeModules !== null)
        return nodeModules[1];
    if (url.includes('/dist/test/bench/'))
        return 'bench peer code';
    const classio = /\/dist\/(src|decorators|examples)\/(?:([^/]+)\/)?/.exec(url);
    if (classio !== null)
        return `classio ${classio[1]}${classio[2] !== undefined && !classio[2].endsWith('.js') ? '/' + classio[2] : ''}`;
    if (url.startsWith('node:'))
        return url.replace(/^node:(internal\/)?/, 'node:').split('/')[0];
    return path.basename(url);
}
/** Self time per function and per area of one profile, largest first. */
function summarizeProfile(file, top = 15) {
    const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
    const selfTime = new Map();
    let total = 0;
    // Percentages are of the time the process was busy: (idle) is the event loop waiting, not a cost.
    const idle = new Set(profile.nodes.filter((node) => node.callFrame.functionName === '(idle)').map((node) => node.id));
    for (let i = 0; i < profile.samples.length; i++) {
        const delta = profile.timeDeltas[i] ?? 0;
        if (idle.has(profile.samples[i]))
            continue;
        selfTime.set(profile.samples[i], (selfTime.get(profile.samples[i]) ?? 0) + delta);
        total += delta;
    }
    const byFunction = new Map();
    const byArea = new Map();
    for (const node of profile.nodes) {
        const time = selfTime.get(node.id) ?? 0;
        if (time === 0)
            continue;
        const { functionName, url, lineNumber } = node.callFrame;
        const name = functionName === '' ? '(anonymous)' : functionName;
        const location = url === '' ? '' : `${url.replace(/^.*?\/(node_modules|dist)\//, '$1/')}:${lineNumber + 1}`;
        const key = `${name} ${location}`;
        const entry = byFunction.get(key) ?? { functionName: name, location, selfPercent: 0 };
        entry.selfPercent += (100 * time) / total;
        byFunction.set(key, entry);
        const area = areaOf(url, name);
        byArea.set(area, (byArea.get(area) ?? 0) + (100 * time) / total);
    }
    return {
        file,
        top: [...byFunction.values()].sort((a, b) => b.selfPercent - a.selfPercent).slice(0, top),
        areas: [...byArea.entries()]
            .map(([area, selfPercent]) => ({ area, selfPercent }))
            .filter((area) => area.selfPercent >= 0.5)
            .sort((a, b) => b.selfPercent - a.selfPercent),
    };
}
if (require.main === module) {
    const file = process.argv[2];
    if (file === undefined) {
        console.error('usage: node dist/test/bench/support/profile.js <file.cpuprofile>');
        process.exit(2);
    }
    const summary = summarizeProfile(file, 25);
    for (const entry of summary.top) {
        console.log(`${entry.selfPercent.toFixed(1).padStart(5)}%  ${entry.functionName}  ${entry.location}`);
    }
    console.log('');
    for (const area of summary.areas)
        console.log(`${area.selfPercent.toFixed(1).padStart(5)}%  ${area.area}`);
}
//# sourceMappingURL=profile.js.map