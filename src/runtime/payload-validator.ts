import { plainToInstance, type ClassTransformOptions } from 'class-transformer';
import {
  getMetadataStorage,
  validate,
  validateSync,
  ValidationTypes,
  type ValidationError as ClassValidatorError,
  type ValidatorOptions,
} from 'class-validator';
import type { PayloadOptions } from '../../decorators/metadata';
import { ValidationError } from '../errors';
import { createDebug } from '../debug';
import { compileChecks, type CompiledChecks } from './payload-validator-checks';
import { compileFastInstance, type FastInstanceBuilder } from './payload-validator-instance';
import { isNestedDeeperThan, MAX_PAYLOAD_DEPTH } from './payload-depth';
import { checkDtoPeers } from './peer-versions';

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

const debug = createDebug('classio:runtime');

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

/** Declared types that are not DTOs: passed through untouched. */
const PLAIN_TYPES = new Set<unknown>([
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
export const DEFAULT_VALIDATOR_OPTIONS: Readonly<ValidatorOptions> = { forbidUnknownValues: true };

/** Compiles a payload parameter; null when there is nothing to do (no DTO class, or `validate: false`). */
export function compilePayload(
  declaredType: unknown,
  options: PayloadOptions,
  namespaceValidator: Record<string, unknown> | undefined,
  event: string,
): CompiledPayload | null {
  const type = options.type ?? declaredType;
  if (options.validate === false || PLAIN_TYPES.has(type) || typeof type !== 'function') return null;
  // Before anything reads the DTO libraries: a version this path was not written for fails registration here.
  checkDtoPeers();
  const dto = type as new () => object;
  const transformOptions = options.transformer as ClassTransformOptions | undefined;
  const validatorOptions: ValidatorOptions = {
    ...DEFAULT_VALIDATOR_OPTIONS,
    ...(namespaceValidator as ValidatorOptions | undefined),
    ...(options.validator as ValidatorOptions | undefined),
  };
  const fastInstance = compileFastInstance(dto, transformOptions);
  const builder = typeof fastInstance === 'string' ? null : fastInstance;
  // A DTO without constraints would fail every payload under forbidUnknownValues: transform only.
  if (!hasConstraints(dto)) {
    logFastPaths(event, dto, fastInstance, 'no constraints');
    return { isAsync: false, transform: (value) => instantiate(builder, dto, value, transformOptions, event) };
  }
  const fail = (errors: ClassValidatorError[]): never => {
    throw createValidationError(event, dto.name, errors);
  };
  if (hasAsyncConstraints(dto, new Set())) {
    logFastPaths(event, dto, fastInstance, 'async constraints');
    return {
      isAsync: true,
      transform: async (value) => {
        if (value === null || value === undefined) throw createMissingPayloadError(event, dto.name, value);
        const instance = instantiate(builder, dto, value, transformOptions, event);
        const errors = await validate(instance as object, validatorOptions);
        return errors.length === 0 ? instance : fail(errors);
      },
    };
  }
  const compiled = compileChecks(dto, validatorOptions);
  const checks = typeof compiled === 'string' ? null : compiled;
  logFastPaths(event, dto, fastInstance, compiled);
  return {
    isAsync: false,
    transform: (value) => {
      if (value === null || value === undefined) throw createMissingPayloadError(event, dto.name, value);
      const instance = instantiate(builder, dto, value, transformOptions, event);
      if (checks !== null && checks.accepts(instance)) return instance;
      const errors = validateSync(instance as object, validatorOptions);
      return errors.length === 0 ? instance : fail(errors);
    },
  };
}

/**
 * `plainToInstance(dto, value)`, built by the compiled builder when it can; throws the depth `ValidationError` for a
 * payload past `MAX_PAYLOAD_DEPTH` (the builder never copies one, so only the fallback needs to look).
 */
function instantiate(
  builder: FastInstanceBuilder | null,
  dto: new () => object,
  value: unknown,
  transformOptions: ClassTransformOptions | undefined,
  event: string,
): unknown {
  const instance = builder === null ? undefined : builder.build(value);
  if (instance !== undefined) return instance;
  if (isNestedDeeperThan(value, MAX_PAYLOAD_DEPTH)) throw createDepthError(event, dto.name);
  return plainToInstance(dto, value, transformOptions);
}

/** The `ValidationError` of a payload nested deeper than `MAX_PAYLOAD_DEPTH`: one violation, on the payload itself. */
export function createDepthError(event: string, dtoName: string): ValidationError {
  return new ValidationError(`invalid payload for event "${event}": expected a valid ${dtoName}; failing: (payload)`, [
    { property: '', constraints: { maxDepth: `payload must not nest deeper than ${MAX_PAYLOAD_DEPTH} levels` } },
  ]);
}

function logFastPaths(
  event: string,
  dto: new () => object,
  instance: FastInstanceBuilder | string,
  checks: CompiledChecks | string,
): void {
  if (!debug.enabled) return;
  const instancePath = typeof instance === 'string' ? `plainToInstance (${instance})` : 'compiled';
  const checkPath = typeof checks === 'string' ? `class-validator (${checks})` : 'compiled';
  debug('payload %s of "%s": instance %s, validation %s', dto.name, event, instancePath, checkPath);
}

/** Builds the `ValidationError` naming the event, the DTO and every failing property. */
export function createValidationError(event: string, dtoName: string, errors: ClassValidatorError[]): ValidationError {
  const violations: PropertyViolation[] = [];
  flatten(errors, '', violations);
  const names = violations.map((violation) => violation.property || '(payload)').join(', ');
  return new ValidationError(
    `invalid payload for event "${event}": expected a valid ${dtoName}; failing: ${names}`,
    violations,
  );
}

/**
 * Builds the `ValidationError` of a missing or `null` payload. class-validator cannot judge one (`validateSync(null)`
 * throws a TypeError reading `constructor`), so the refusal is ours, shaped as its own refusals are: one violation of
 * the payload itself (`property: ''`), under the name of the constraint that would have caught it, `isDefined`.
 */
export function createMissingPayloadError(event: string, dtoName: string, value: null | undefined): ValidationError {
  return new ValidationError(
    `invalid payload for event "${event}": expected a valid ${dtoName}; got ${value === null ? 'null' : 'no payload'}`,
    [{ property: '', constraints: { isDefined: 'the payload should not be null or undefined' } }],
  );
}

function flatten(errors: readonly ClassValidatorError[], prefix: string, out: PropertyViolation[]): void {
  for (const error of errors) {
    const property = error.property ? (prefix ? `${prefix}.${error.property}` : error.property) : prefix;
    if (error.constraints !== undefined) out.push({ property, constraints: { ...error.constraints } });
    if (error.children !== undefined && error.children.length > 0) flatten(error.children, property, out);
  }
}

function hasConstraints(dto: new () => object): boolean {
  return getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false).length > 0;
}

/** Whether validating `dto` may need class-validator's async path; unknown nested types count as async. */
function hasAsyncConstraints(dto: new () => object, seen: Set<unknown>): boolean {
  if (seen.has(dto)) return false;
  seen.add(dto);
  const storage = getMetadataStorage();
  for (const metadata of storage.getTargetValidationMetadatas(dto, '', true, false)) {
    if (metadata.type === ValidationTypes.PROMISE_VALIDATION) return true;
    if (metadata.type === ValidationTypes.CUSTOM_VALIDATION && metadata.constraintCls !== undefined) {
      if (storage.getTargetValidatorConstraints(metadata.constraintCls).some((constraint) => constraint.async)) {
        return true;
      }
    }
    if (metadata.type === ValidationTypes.NESTED_VALIDATION) {
      const nested = readDesignType(dto.prototype as object, metadata.propertyName);
      // Arrays and maps hide their element class from design metadata: take the safe (async) path.
      if (typeof nested !== 'function' || PLAIN_TYPES.has(nested)) return true;
      if (hasAsyncConstraints(nested as new () => object, seen)) return true;
    }
  }
  return false;
}

function readDesignType(prototype: object, property: string): unknown {
  const reflect = Reflect as unknown as { getMetadata?: (key: string, target: object, key2: string) => unknown };
  return typeof reflect.getMetadata === 'function'
    ? reflect.getMetadata('design:type', prototype, property)
    : undefined;
}
