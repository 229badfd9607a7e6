"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CompiledChecks = void 0;
exports.compileChecks = compileChecks;
const class_validator_1 = require("class-validator");
/**
 * A DTO's class-validator metadata compiled, once, into plain lists of checks, so that accepting a valid payload costs
 * the constraint calls themselves and none of `ValidationExecutor`'s per-message metadata lookups, filtering and
 * error objects. The checks can only say "valid": any failure (or any value they do not handle) is answered by the
 * real `validateSync`, which stays the authority on rejection and builds the error exactly as before.
 *
 * What is replayed is `ValidationExecutor.execute` of class-validator 0.15.1 for one object: the same metadata list
 * (`getTargetValidationMetadatas` with the executor's arguments), the same property order (`groupByPropertyName`),
 * and per property the same calls in the same order with the same arguments: every `@IsOptional` / `@ValidateIf`
 * condition, then the IS_DEFINED constraints, the skip*Properties options, then the other constraints, each behind its
 * `validateIf`. The whitelist pass runs first, as there. What is not replayed makes the DTO keep the old path:
 * nested and promise validation, async constraints, and validator options this file does not know.
 */
/** Options whose effect is replayed here, or that only shape the error (which class-validator still builds). */
const SUPPORTED_OPTIONS = new Set([
    'enableDebugMessages',
    'skipUndefinedProperties',
    'skipNullProperties',
    'skipMissingProperties',
    'whitelist',
    'forbidNonWhitelisted',
    'groups',
    'always',
    'strictGroups',
    'dismissDefaultMessages',
    'validationError',
    'forbidUnknownValues',
    'stopAtFirstError',
]);
/** The compiled checks of one DTO under one set of validator options. */
class CompiledChecks {
    #dto;
    #targetName;
    #properties;
    /** The executor's grouping, kept as is: its whitelist test reads it (`!grouped[key] || !grouped[key].length`). */
    #grouped;
    #shouldForbidNonWhitelisted;
    #shouldSkipUndefined;
    #shouldSkipNull;
    #shouldSkipMissing;
    constructor(dto, properties, grouped, options) {
        this.#dto = dto;
        this.#targetName = dto.name;
        this.#properties = properties;
        this.#grouped = options.whitelist ? grouped : null;
        this.#shouldForbidNonWhitelisted = Boolean(options.forbidNonWhitelisted);
        this.#shouldSkipUndefined = options.skipUndefinedProperties === true;
        this.#shouldSkipNull = options.skipNullProperties === true;
        this.#shouldSkipMissing = options.skipMissingProperties === true;
    }
    /**
     * True when class-validator would find no error in `candidate`; false when it might, and `validateSync` must
     * decide. Like the executor, it strips non-whitelisted properties under `whitelist` (the authority then finds
     * nothing left to strip).
     */
    accepts(candidate) {
        // The metadata list was chosen for this class; the executor chooses by `object.constructor`.
        if (typeof candidate !== 'object' || candidate === null || candidate.constructor !== this.#dto)
            return false;
        const object = candidate;
        if (this.#grouped !== null && !this.#passesWhitelist(object))
            return false;
        const properties = this.#properties;
        for (let i = 0; i < properties.length; i++) {
            const property = properties[i];
            const value = object[property.name];
            if (!conditionsHold(property.conditions, object, value))
                continue;
            if (!this.#passAll(property.defined, object, value))
                return false;
            if (value === undefined && this.#shouldSkipUndefined)
                continue;
            if (value === null && this.#shouldSkipNull)
                continue;
            if ((value === null || value === undefined) && this.#shouldSkipMissing)
                continue;
            if (!this.#passAll(property.constraints, object, value))
                return false;
        }
        return true;
    }
    #passesWhitelist(object) {
        const grouped = this.#grouped;
        const keys = Object.keys(object);
        for (let i = 0; i < keys.length; i++) {
            const key = keys[i];
            const group = grouped[key];
            // Spelled as the executor spells it: `grouped` is a plain object, so for keys like `__proto__` or `toString`
            // this test and a plain "has metadata" differ.
            if (!group || group.length === 0) {
                if (this.#shouldForbidNonWhitelisted)
                    return false;
                delete object[key];
            }
        }
        return true;
    }
    #passAll(checks, object, value) {
        for (let i = 0; i < checks.length; i++) {
            const check = checks[i];
            const metadata = check.metadata;
            if (metadata.validateIf && !metadata.validateIf(object, value))
                continue;
            const validators = check.validators;
            for (let j = 0; j < validators.length; j++) {
                // Built fresh per call, as the executor does, so a validator that keeps it sees what it would have seen.
                const args = {
                    targetName: this.#targetName,
                    property: metadata.propertyName,
                    object,
                    value,
                    constraints: metadata.constraints,
                };
                // A promise is truthy: validateSync never awaits one either, so it counts as a pass in both.
                if (!metadata.each) {
                    if (!validators[j].validate(value, args))
                        return false;
                }
                else if (!passesEach(validators[j], value, args)) {
                    return false;
                }
            }
        }
        return true;
    }
}
exports.CompiledChecks = CompiledChecks;
function conditionsHold(conditions, object, value) {
    // The executor maps every condition before reducing, so all of them run even after one is false.
    let holds = true;
    for (let i = 0; i < conditions.length; i++) {
        if (!conditions[i].constraints[0](object, value))
            holds = false;
    }
    return holds;
}
/** `each: true`: arrays are checked element by element; a Set or Map is left to class-validator. */
function passesEach(validator, value, args) {
    if (!Array.isArray(value)) {
        if (value instanceof Set || value instanceof Map)
            return false;
        return Boolean(validator.validate(value, args));
    }
    for (let i = 0; i < value.length; i++) {
        if (!validator.validate(value[i], args))
            return false;
    }
    return true;
}
/**
 * Compiles the checks of `dto` for the merged validator options, or returns why the DTO stays on `validateSync`.
 * Call it only for a DTO whose constraints are all synchronous: async ones go through `validate`, never here.
 */
function compileChecks(dto, options) {
    for (const [key, value] of Object.entries(options)) {
        if (value !== undefined && !SUPPORTED_OPTIONS.has(key))
            return `validator option ${key} is not replayed`;
    }
    const storage = (0, class_validator_1.getMetadataStorage)();
    const metadatas = storage.getTargetValidationMetadatas(dto, '', options.always || false, options.strictGroups || false, options.groups);
    // With no metadata the executor reports an unknown value (or, without forbidUnknownValues, checks nothing).
    if (metadatas.length === 0)
        return 'no validation metadata applies under these options';
    const grouped = storage.groupByPropertyName(metadatas);
    const properties = [];
    for (const name of Object.keys(grouped)) {
        if (name === '__proto__')
            return 'a property is named __proto__';
        const conditions = [];
        const defined = [];
        const constraints = [];
        for (const metadata of grouped[name]) {
            switch (metadata.type) {
                case class_validator_1.ValidationTypes.CONDITIONAL_VALIDATION:
                    if (!Array.isArray(metadata.constraints) || typeof metadata.constraints[0] !== 'function') {
                        return `${name}: a condition without a function`;
                    }
                    conditions.push(metadata);
                    break;
                case class_validator_1.ValidationTypes.WHITELIST:
                    break;
                case class_validator_1.ValidationTypes.IS_DEFINED:
                case class_validator_1.ValidationTypes.CUSTOM_VALIDATION: {
                    const check = compileConstraint(metadata);
                    if (typeof check === 'string')
                        return `${name}: ${check}`;
                    (metadata.type === class_validator_1.ValidationTypes.IS_DEFINED ? defined : constraints).push(check);
                    break;
                }
                default:
                    return `${name}: ${metadata.type} is not replayed`;
            }
        }
        properties.push({ name, conditions, defined, constraints });
    }
    return new CompiledChecks(dto, properties, grouped, options);
}
function compileConstraint(metadata) {
    const validators = [];
    for (const constraint of (0, class_validator_1.getMetadataStorage)().getTargetValidatorConstraints(metadata.constraintCls)) {
        if (constraint.async)
            return `constraint ${constraint.name ?? metadata.name ?? '?'} is async`;
        let validator;
        try {
            validator = constraint.instance;
        }
        catch (error) {
            return `constraint ${constraint.name ?? metadata.name ?? '?'} cannot be resolved (${String(error)})`;
        }
        if (typeof validator?.validate !== 'function')
            return `constraint ${constraint.name ?? '?'} has no validate()`;
        validators.push(validator);
    }
    return { metadata, validators };
}
//# sourceMappingURL=payload-validator-checks.js.map