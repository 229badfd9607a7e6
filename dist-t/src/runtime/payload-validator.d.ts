import { type ValidationError as ClassValidatorError, type ValidatorOptions } from 'class-validator';
import type { PayloadOptions } from '../../decorators/metadata';
import { ValidationError } from '../errors';
/** One failing property, as sent to the client in `ValidationError.data`. */
export interface PropertyViolation {
    /** Dotted path for nested DTOs (`author.name`); empty when the payload itself is not an object. */
    property: string;
    /** class-validator's constraint name to message (`{ isString: 'text must be a string' }`). */
    constraints: Record<string, string>;
}
/** A compiled payload stage: returns the DTO, or throws `ValidationError`, or (when `isAsync`) a promise of either. */
export interface CompiledPayload {
    readonly isAsync: boolean;
    readonly transform: (value: unknown) => unknown;
}
/** Validation defaults; `forbidUnknownValues` makes a non-object payload fail instead of passing unchecked. */
export declare const DEFAULT_VALIDATOR_OPTIONS: Readonly<ValidatorOptions>;
/** Compiles a payload parameter; null when there is nothing to do (no DTO class, or `validate: false`). */
export declare function compilePayload(declaredType: unknown, options: PayloadOptions, namespaceValidator: Record<string, unknown> | undefined, event: string): CompiledPayload | null;
/** The `ValidationError` of a payload nested deeper than `MAX_PAYLOAD_DEPTH`: one violation, on the payload itself. */
export declare function createDepthError(event: string, dtoName: string): ValidationError;
/** Builds the `ValidationError` naming the event, the DTO and every failing property. */
export declare function createValidationError(event: string, dtoName: string, errors: ClassValidatorError[]): ValidationError;
/**
 * Builds the `ValidationError` of a missing or `null` payload. class-validator cannot judge one (`validateSync(null)`
 * throws a TypeError reading `constructor`), so the refusal is ours, shaped as its own refusals are: one violation of
 * the payload itself (`property: ''`), under the name of the constraint that would have caught it, `isDefined`.
 */
export declare function createMissingPayloadError(event: string, dtoName: string, value: null | undefined): ValidationError;
