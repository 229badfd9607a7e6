"use strict";
/**
 * The metadata contract between the decorators and the runtime. This file owns the symbol keys, the shape of every
 * record and the functions that read them; decorators write only through {@link recordFor} and the runtime reads
 * only through the `read*` functions, once, at registration.
 *
 * Records live on the decorated class itself, under a symbol, as a non-enumerable own property. Each class keeps
 * only what was declared on it: inheritance is resolved by the runtime, which walks the prototype chain and lets a
 * subclass's declarations win. Nothing here imports from `src/`.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.kClassMetadata = void 0;
exports.recordFor = recordFor;
exports.readOwnMetadata = readOwnMetadata;
exports.readNamespace = readNamespace;
exports.readParamTypes = readParamTypes;
exports.addParam = addParam;
/** Where each class keeps its own record (fastify `lib/symbols.js` style: one place for every key). */
exports.kClassMetadata = Symbol('classio.metadata');
/** TypeScript's `design:paramtypes` key, written by `emitDecoratorMetadata` (read with reflect-metadata). */
const DESIGN_PARAMTYPES = 'design:paramtypes';
/**
 * The record declared on `target` itself, created on first use. Decorators call it with the class (class
 * decorators) or the class of the prototype (member decorators).
 */
function recordFor(target) {
    if (Object.prototype.hasOwnProperty.call(target, exports.kClassMetadata)) {
        return target[exports.kClassMetadata];
    }
    const record = {
        classGuards: [],
        eventGuards: [],
        classInterceptors: [],
        methodInterceptors: new Map(),
        methodThrottles: new Map(),
        catchAll: new Map(),
        events: new Map(),
        errorHandlers: new Map(),
        methodGuards: new Map(),
        params: new Map(),
        misplacedParams: [],
    };
    Object.defineProperty(target, exports.kClassMetadata, { value: record, enumerable: false });
    return record;
}
/** The record declared on this very class, or undefined: ancestors are not consulted. */
function readOwnMetadata(target) {
    return Object.prototype.hasOwnProperty.call(target, exports.kClassMetadata)
        ? target[exports.kClassMetadata]
        : undefined;
}
/** The nearest `@Namespace` declaration along the prototype chain, or undefined. */
function readNamespace(target) {
    for (let current = target; typeof current === 'function'; current = Object.getPrototypeOf(current)) {
        const own = readOwnMetadata(current);
        if (own?.namespace)
            return own.namespace;
    }
    return undefined;
}
/**
 * The declared parameter types of a method of `prototype` (TypeScript's `design:paramtypes`), or an empty list when
 * reflect-metadata is not loaded or the method has no decorator.
 */
function readParamTypes(prototype, method) {
    const reflect = Reflect;
    if (typeof reflect.getOwnMetadata !== 'function')
        return [];
    const types = reflect.getOwnMetadata(DESIGN_PARAMTYPES, prototype, method);
    return Array.isArray(types) ? types : [];
}
/**
 * Adds a parameter record, keeping the list sorted by index (decorators run last parameter first). `target` is the
 * prototype for an instance method, and the class itself for a constructor or static method parameter: those are
 * recorded as misplaced, for registration to refuse.
 */
function addParam(target, method, param) {
    if (typeof target === 'function' || method === undefined) {
        recordFor(typeof target === 'function' ? target : target.constructor).misplacedParams.push({ method, param });
        return;
    }
    const params = recordFor(target.constructor).params;
    const list = params.get(method) ?? [];
    list.push(param);
    list.sort((a, b) => a.index - b.index);
    params.set(method, list);
}
//# sourceMappingURL=metadata.js.map