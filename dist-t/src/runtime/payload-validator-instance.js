"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FastInstanceBuilder = void 0;
exports.compileFastInstance = compileFastInstance;
const class_transformer_1 = require("class-transformer");
const payload_depth_1 = require("./payload-depth");
/**
 * The fast half of `plainToInstance`: for a DTO that class-transformer has nothing to say about (no `@Type`,
 * `@Expose`, `@Exclude` or `@Transform` on it or its ancestors, no transformer options), `plainToInstance(Dto, value)`
 * is `new Dto()` plus a deep copy of the value, and this file does that copy without class-transformer's per-key
 * metadata lookups. It reproduces the copy rules of class-transformer 0.5.1 (`TransformOperationExecutor.transform`
 * for PLAIN_TO_CLASS) for the values a JSON payload can hold: plain objects, arrays and primitives. On anything else
 * (a Buffer from a binary packet, a Date, a Map, a class instance, a thenable, nesting deeper than
 * `MAX_PAYLOAD_DEPTH`, which the caller then refuses) `build` returns undefined and the caller runs the real `plainToInstance`, so the two can only
 * differ where we chose not to copy.
 *
 * The copy rules it keeps:
 * - keys are the value's own enumerable string keys (`Object.keys`), in order; `__proto__` and `constructor` are
 *   never copied, and neither is a key the target already answers with a function or that its class prototype owns
 *   (a method name, `toString` on a nested object);
 * - every value is copied as `transform` would: primitives and functions as they are, arrays into fresh dense arrays
 *   (holes skipped, as `forEach` does), plain and null-prototype objects into fresh `{}`; `undefined` values are
 *   kept (`exposeUnsetFields` defaults to true).
 */
/** Returned by the copy when the value is outside the subset copied here. */
const NOT_COPIED = Symbol('classio.notCopied');
/**
 * class-transformer's package entry requires this CommonJS file and does not re-export it. Whether it really is the
 * storage behind the `plainToInstance` we call (and not a second copy, under a bundler that picked the ESM build) is
 * checked once by `readsTransformerStorage`. Loaded with the first DTO, after the installed version was checked
 * (`peer-versions.ts`), so that an unsupported class-transformer is reported as such and not as a missing file.
 */
let transformerStorage;
/** Memo of `readsTransformerStorage`; undefined until the first DTO is compiled. */
let isTransformerStorageReadable;
/** Builds DTO instances for one class; made once per `@Payload()` by `compileFastInstance`. */
class FastInstanceBuilder {
    #dto;
    #prototype;
    constructor(dto) {
        this.#dto = dto;
        this.#prototype = dto.prototype;
    }
    /**
     * `plainToInstance(Dto, value)` for a plain (or null-prototype) object value, or undefined when the value, or
     * something in it, is outside the copied subset. The instance may have been constructed before we give up: a
     * fallback then constructs a second one, which only a DTO constructor with side effects could notice.
     */
    build(value) {
        if (typeof value !== 'object' || value === null || Array.isArray(value))
            return undefined;
        const proto = Object.getPrototypeOf(value);
        if (proto !== Object.prototype && proto !== null)
            return undefined;
        const source = value;
        // A thenable payload becomes a promise in class-transformer (its isPromise branch).
        if (typeof source.then === 'function')
            return undefined;
        const instance = new this.#dto();
        // class-transformer reads the prototype to skip through `instance.constructor`; a constructor that returns
        // another object, or sets its own `constructor`, would make that a different prototype.
        if (instance.constructor !== this.#dto)
            return undefined;
        const keys = Object.keys(source);
        for (let i = 0; i < keys.length; i++) {
            const key = keys[i];
            // The descriptor test of class-transformer reduces to "the prototype owns the key", because
            // `compileFastInstance` refused classes with accessors.
            if (key === '__proto__' || Object.hasOwn(this.#prototype, key) || instance[key] instanceof Function)
                continue;
            const copy = copyValue(source[key], 1);
            if (copy === NOT_COPIED)
                return undefined;
            instance[key] = copy;
        }
        return instance;
    }
}
exports.FastInstanceBuilder = FastInstanceBuilder;
/**
 * Compiles the fast instantiation of `dto`, or returns why it must stay on `plainToInstance`. Runs at registration,
 * where reading prototypes and metadata is allowed.
 */
function compileFastInstance(dto, transformOptions) {
    if (hasAnyOption(transformOptions))
        return 'class-transformer options are set';
    const prototype = dto.prototype;
    if (typeof prototype !== 'object' || prototype === null)
        return 'the class has no prototype object';
    const constructor = Object.getOwnPropertyDescriptor(prototype, 'constructor');
    if (constructor === undefined || constructor.value !== dto)
        return 'its prototype.constructor is not the class';
    if (hasAccessors(prototype))
        return 'the class or an ancestor defines a getter or setter';
    if (hasTransformerMetadata(dto))
        return 'the class or an ancestor has class-transformer decorators';
    return new FastInstanceBuilder(dto);
}
function hasAnyOption(options) {
    if (options === undefined)
        return false;
    return Object.values(options).some((value) => value !== undefined);
}
/**
 * A setter on the prototype chain would run (with its side effects) during the copy, and class-transformer decides
 * per key whether to call it; rather than replaying that, such classes keep `plainToInstance`.
 */
function hasAccessors(prototype) {
    for (let current = prototype; current !== null; current = Object.getPrototypeOf(current)) {
        if (current === Object.prototype)
            break;
        for (const name of Object.getOwnPropertyNames(current)) {
            const descriptor = Object.getOwnPropertyDescriptor(current, name);
            if (descriptor !== undefined && (descriptor.get !== undefined || descriptor.set !== undefined))
                return true;
        }
    }
    return false;
}
/**
 * Whether class-transformer holds metadata for `dto` or any class it extends. We walk the whole constructor chain,
 * a superset of the ancestors class-transformer consults, so an answer of false is safe.
 */
function hasTransformerMetadata(dto) {
    isTransformerStorageReadable ??= readsTransformerStorage();
    if (!isTransformerStorageReadable)
        return true;
    const maps = metadataMaps();
    for (let target = dto; typeof target === 'function'; target = Object.getPrototypeOf(target)) {
        if (maps.some((map) => map.has(target)))
            return true;
    }
    return false;
}
function metadataMaps() {
    transformerStorage ??=
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- this path has no type declarations to import
        require('class-transformer/cjs/storage')
            .defaultMetadataStorage;
    const maps = [
        transformerStorage._typeMetadatas,
        transformerStorage._transformMetadatas,
        transformerStorage._exposeMetadatas,
        transformerStorage._excludeMetadatas,
    ];
    return maps.every((map) => map instanceof Map) ? maps : [];
}
/**
 * Decorates a throwaway class through the package entry (the one `plainToInstance` comes from) and looks for it in
 * the storage we read: if it is not there, we would be reading the wrong storage, and every DTO keeps the old path.
 */
function readsTransformerStorage() {
    class StorageProbe {
    }
    (0, class_transformer_1.Exclude)()(StorageProbe);
    const maps = metadataMaps();
    return maps.length === 4 && maps[3].has(StorageProbe);
}
/** `depth` counts the containers above `value`: the payload's own values have depth 1 (the payload is level 1). */
function copyValue(value, depth) {
    if (typeof value !== 'object' || value === null)
        return value;
    // Past the limit the caller refuses the payload (payload-depth.ts); giving up here is what lets it.
    if (depth >= payload_depth_1.MAX_PAYLOAD_DEPTH)
        return NOT_COPIED;
    return Array.isArray(value) ? copyArray(value, depth) : copyRecord(value, depth);
}
function copyArray(value, depth) {
    // A subclass or re-prototyped array could answer forEach differently; JSON only ever makes plain arrays.
    if (Object.getPrototypeOf(value) !== Array.prototype)
        return NOT_COPIED;
    const copy = [];
    for (let i = 0; i < value.length; i++) {
        const element = value[i];
        if (element === undefined && !(i in value))
            continue;
        const elementCopy = copyValue(element, depth + 1);
        if (elementCopy === NOT_COPIED)
            return NOT_COPIED;
        copy.push(elementCopy);
    }
    return copy;
}
function copyRecord(value, depth) {
    const source = value;
    const proto = Object.getPrototypeOf(value);
    // class-transformer takes `value.constructor` as the nested target type when it is not Object: an own
    // `constructor` key (`{"constructor": "x"}` makes it call `new "x"()`) or any other prototype is its business.
    if (proto === Object.prototype) {
        if (source.constructor !== Object)
            return NOT_COPIED;
    }
    else if (proto !== null || source.constructor !== undefined) {
        return NOT_COPIED;
    }
    if (typeof source.then === 'function')
        return NOT_COPIED;
    const copy = {};
    const keys = Object.keys(source);
    for (let i = 0; i < keys.length; i++) {
        const key = keys[i];
        // The copy is a fresh `{}`, so class-transformer's skip test (a descriptor on Object.prototype without a setter,
        // or an inherited function) is "Object.prototype owns the key": its methods, `constructor` and `__proto__`.
        if (Object.hasOwn(Object.prototype, key))
            continue;
        const elementCopy = copyValue(source[key], depth + 1);
        if (elementCopy === NOT_COPIED)
            return NOT_COPIED;
        copy[key] = elementCopy;
    }
    return copy;
}
//# sourceMappingURL=payload-validator-instance.js.map