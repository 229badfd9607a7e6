import { type ValidatorConstraintInterface, type ValidatorOptions } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
/** One constraint decorator on a property, with its validator instances resolved at registration. */
interface ConstraintCheck {
    readonly metadata: ValidationMetadata;
    /**
     * class-validator resolves these through its container on every call (a linear search of its default container).
     * Resolved once here, they are the same objects under that default, which keeps one instance per class; a
     * `useContainer` call made after registration is not seen.
     */
    readonly validators: readonly ValidatorConstraintInterface[];
}
interface PropertyChecks {
    readonly name: string;
    /** `@IsOptional` and `@ValidateIf`: the condition is `constraints[0]`, called with that array as `this`. */
    readonly conditions: readonly ValidationMetadata[];
    readonly defined: readonly ConstraintCheck[];
    readonly constraints: readonly ConstraintCheck[];
}
/** The compiled checks of one DTO under one set of validator options. */
export declare class CompiledChecks {
    #private;
    constructor(dto: new () => object, properties: readonly PropertyChecks[], grouped: Record<string, ValidationMetadata[]>, options: ValidatorOptions);
    /**
     * True when class-validator would find no error in `candidate`; false when it might, and `validateSync` must
     * decide. Like the executor, it strips non-whitelisted properties under `whitelist` (the authority then finds
     * nothing left to strip).
     */
    accepts(candidate: unknown): boolean;
}
/**
 * Compiles the checks of `dto` for the merged validator options, or returns why the DTO stays on `validateSync`.
 * Call it only for a DTO whose constraints are all synchronous: async ones go through `validate`, never here.
 */
export declare function compileChecks(dto: new () => object, options: ValidatorOptions): CompiledChecks | string;
export {};
