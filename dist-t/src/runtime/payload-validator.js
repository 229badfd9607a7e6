"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_VALIDATOR_OPTIONS = void 0;
exports.compilePayload = compilePayload;
exports.createDepthError = createDepthError;
exports.createValidationError = createValidationError;
exports.createMissingPayloadError = createMissingPayloadError;
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
const errors_1 = require("../errors");
const debug_1 = require("../debug");
const payload_validator_checks_1 = require("./payload-validator-checks");
const payload_validator_instance_1 = require("./payload-validator-instance");
const payload_depth_1 = require("./payload-depth");
const peer_versions_1 = require("./peer-versions");
/**
 * Compiles a `@Payload()` parameter into one function, once, at registration: which class to instantiate, whether
 * to validate at all, and whether class-validator's synchronous path is safe. `validateSync` skips async
 * constraints, so it is chosen only when the DTO (and every nested DTO we can see) has none; otherwise the payload
 * goes through `validate` and the handler becomes async.
 *
 * class-transformer and class-validator stay the authority, but they redo their metadata lookups on every call,
 * which profiles of the echo benchmark put at about 13% of server time (issue 7). So where the DTO allows it, two
 * compiled fast paths stand in front of them: `payload-validator-instance.ts` builds the instance of a DTO without
 * class-transformer decorators, and `payload-validator-checks.ts` accepts a valid instance by calling the
 * constraints directly. Neither ever rejects: a payload they do not handle, or one that fails a check, goes through
 * `plainToInstance` / `validateSync` exactly as before, so the error a client sees is unchanged.
 *
 * One refusal is classio's own: a payload nested deeper than `MAX_PAYLOAD_DEPTH` (128 levels of objects and arrays)
 * is a `ValidationError` before class-transformer runs, with one violation on the payload itself (property `''`,
 * constraint `maxDepth`). Left to them, it would end in a stack overflow at a depth that changes with the Node
 * version and the JIT (see payload-depth.ts).
 *
 * The other refusal made before both is a missing or `null` payload, which class-validator cannot judge (see
 * `createMissingPayloadError`).
 */
const debug = (0, debug_1.createDebug)('classio:runtime');
/** Declared types that are not DTOs: passed through untouched. */
const PLAIN_TYPES = new Set([
    undefined,
    Object,
    String,
    Number,
    Boolean,
    Array,
    Symbol,
    BigInt,
    Function,
    Promise,
]);
/** Validation defaults; `forbidUnknownValues` makes a non-object payload fail instead of passing unchecked. */
exports.DEFAULT_VALIDATOR_OPTIONS = { forbidUnknownValues: true };
/** Compiles a payload parameter; null when there is nothing to do (no DTO class, or `validate: false`). */
function compilePayload(declaredType, options, namespaceValidator, event) {
    const type = options.type ?? declaredType;
    if (options.validate === false || PLAIN_TYPES.has(type) || typeof type !== 'function')
        return null;
    // Before anything reads the DTO libraries: a version this path was not written for fails registration here.
    (0, peer_versions_1.checkDtoPeers)();
    const dto = type;
    const transformOptions = options.transformer;
    const validatorOptions = {
        ...exports.DEFAULT_VALIDATOR_OPTIONS,
        ...namespaceValidator,
        ...options.validator,
    };
    const fastInstance = (0, payload_validator_instance_1.compileFastInstance)(dto, transformOptions);
    const builder = typeof fastInstance === 'string' ? null : fastInstance;
    // A DTO without constraints would fail every payload under forbidUnknownValues: transform only.
    if (!hasConstraints(dto)) {
        logFastPaths(event, dto, fastInstance, 'no constraints');
        return {
            isAsync: false,
            transform: (value) => {
                // Nothing to validate, but there must be something to build the instance from.
                if (value === null || value === undefined)
                    throw createMissingPayloadError(event, dto.name, value);
                return instantiate(builder, dto, value, transformOptions, event);
            },
        };
    }
    const fail = (errors) => {
        throw createValidationError(event, dto.name, errors);
    };
    if (hasAsyncConstraints(dto, new Set())) {
        logFastPaths(event, dto, fastInstance, 'async constraints');
        return {
            isAsync: true,
            transform: async (value) => {
                if (value === null || value === undefined)
                    throw createMissingPayloadError(event, dto.name, value);
                const instance = instantiate(builder, dto, value, transformOptions, event);
                const errors = await (0, class_validator_1.validate)(instance, validatorOptions);
                return errors.length === 0 ? instance : fail(errors);
            },
        };
    }
    const compiled = (0, payload_validator_checks_1.compileChecks)(dto, validatorOptions);
    const checks = typeof compiled === 'string' ? null : compiled;
    logFastPaths(event, dto, fastInstance, compiled);
    return {
        isAsync: false,
        transform: (value) => {
            if (value === null || value === undefined)
                throw createMissingPayloadError(event, dto.name, value);
            const instance = instantiate(builder, dto, value, transformOptions, event);
            if (checks !== null && checks.accepts(instance))
                return instance;
            const errors = (0, class_validator_1.validateSync)(instance, validatorOptions);
            return errors.length === 0 ? instance : fail(errors);
        },
    };
}
/**
 * `plainToInstance(dto, value)`, built by the compiled builder when it can; throws the depth `ValidationError` for a
 * payload past `MAX_PAYLOAD_DEPTH` (the builder never copies one, so only the fallback needs to look).
 */
function instantiate(builder, dto, value, transformOptions, event) {
    const instance = builder === null ? undefined : builder.build(value);
    if (instance !== undefined)
        return instance;
    if ((0, payload_depth_1.isNestedDeeperThan)(value, payload_depth_1.MAX_PAYLOAD_DEPTH))
        throw createDepthError(event, dto.name);
    return (0, class_transformer_1.plainToInstance)(dto, value, transformOptions);
}
/** The `ValidationError` of a payload nested deeper than `MAX_PAYLOAD_DEPTH`: one violation, on the payload itself. */
function createDepthError(event, dtoName) {
    return new errors_1.ValidationError(`invalid payload for event "${event}": expected a valid ${dtoName}; failing: (payload)`, [
        { property: '', constraints: { maxDepth: `payload must not nest deeper than ${payload_depth_1.MAX_PAYLOAD_DEPTH} levels` } },
    ]);
}
function logFastPaths(event, dto, instance, checks) {
    if (!debug.enabled)
        return;
    const instancePath = typeof instance === 'string' ? `plainToInstance (${instance})` : 'compiled';
    const checkPath = typeof checks === 'string' ? `class-validator (${checks})` : 'compiled';
    debug('payload %s of "%s": instance %s, validation %s', dto.name, event, instancePath, checkPath);
}
/** Builds the `ValidationError` naming the event, the DTO and every failing property. */
function createValidationError(event, dtoName, errors) {
    const violations = [];
    flatten(errors, '', violations);
    const names = violations.map((violation) => violation.property || '(payload)').join(', ');
    return new errors_1.ValidationError(`invalid payload for event "${event}": expected a valid ${dtoName}; failing: ${names}`, violations);
}
/**
 * Builds the `ValidationError` of a missing or `null` payload. class-validator cannot judge one (`validateSync(null)`
 * throws a TypeError reading `constructor`), so the refusal is ours, shaped as its own refusals are: one violation of
 * the payload itself (`property: ''`), under the name of the constraint that would have caught it, `isDefined`.
 */
function createMissingPayloadError(event, dtoName, value) {
    return new errors_1.ValidationError(`invalid payload for event "${event}": expected a valid ${dtoName}; got ${value === null ? 'null' : 'no payload'}`, [{ property: '', constraints: { isDefined: 'the payload should not be null or undefined' } }]);
}
function flatten(errors, prefix, out) {
    for (const error of errors) {
        const property = error.property ? (prefix ? `${prefix}.${error.property}` : error.property) : prefix;
        if (error.constraints !== undefined)
            out.push({ property, constraints: { ...error.constraints } });
        if (error.children !== undefined && error.children.length > 0)
            flatten(error.children, property, out);
    }
}
function hasConstraints(dto) {
    return (0, class_validator_1.getMetadataStorage)().getTargetValidationMetadatas(dto, '', true, false).length > 0;
}
/** Whether validating `dto` may need class-validator's async path; unknown nested types count as async. */
function hasAsyncConstraints(dto, seen) {
    if (seen.has(dto))
        return false;
    seen.add(dto);
    const storage = (0, class_validator_1.getMetadataStorage)();
    for (const metadata of storage.getTargetValidationMetadatas(dto, '', true, false)) {
        if (metadata.type === class_validator_1.ValidationTypes.PROMISE_VALIDATION)
            return true;
        if (metadata.type === class_validator_1.ValidationTypes.CUSTOM_VALIDATION && metadata.constraintCls !== undefined) {
            if (storage.getTargetValidatorConstraints(metadata.constraintCls).some((constraint) => constraint.async)) {
                return true;
            }
        }
        if (metadata.type === class_validator_1.ValidationTypes.NESTED_VALIDATION) {
            const nested = readDesignType(dto.prototype, metadata.propertyName);
            // Arrays and maps hide their element class from design metadata: take the safe (async) path.
            if (typeof nested !== 'function' || PLAIN_TYPES.has(nested))
                return true;
            if (hasAsyncConstraints(nested, seen))
                return true;
        }
    }
    return false;
}
function readDesignType(prototype, property) {
    const reflect = Reflect;
    return typeof reflect.getMetadata === 'function'
        ? reflect.getMetadata('design:type', prototype, property)
        : undefined;
}
//# sourceMappingURL=payload-validator.js.map