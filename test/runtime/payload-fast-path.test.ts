import { expect } from 'chai';
import fc from 'fast-check';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validate, validateSync, type ValidatorOptions } from 'class-validator';
import { ValidationError } from '../../src/errors';
import {
  compilePayload,
  createMissingPayloadError,
  createValidationError,
  DEFAULT_VALIDATOR_OPTIONS,
  type CompiledPayload,
} from '../../src/runtime/payload-validator';
import { isNestedDeeperThan, MAX_PAYLOAD_DEPTH } from '../../src/runtime/payload-depth';
import { compileChecks, CompiledChecks } from '../../src/runtime/payload-validator-checks';
import { compileFastInstance, FastInstanceBuilder } from '../../src/runtime/payload-validator-instance';
import {
  Author,
  Bag,
  CASES,
  Guarded,
  HiddenChild,
  Loose,
  Member,
  Message,
  OPTION_SETS,
  payloadText,
  Post,
  Remote,
  Tagged,
  Tree,
} from './payload-cases';

// The fast paths must be invisible: for every DTO and payload, compilePayload answers exactly what the old
// `plainToInstance` + `validateSync` (or `validate`) pipeline answers.

type Outcome = { value: unknown } | { error: unknown };

/**
 * What compilePayload did before the fast paths: plainToInstance, then class-validator on every message (a missing
 * or null payload excepted).
 */
async function reference(
  dto: new () => object,
  value: unknown,
  validator: ValidatorOptions,
  isAsync: boolean,
): Promise<Outcome> {
  try {
    const instance = plainToInstance(dto, value);
    if (getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false).length === 0)
      return { value: instance };
    // The one refusal made before class-validator, which cannot judge these (it throws reading `constructor`).
    if (value === null || value === undefined) return { error: createMissingPayloadError('evt', dto.name, value) };
    const options = { ...DEFAULT_VALIDATOR_OPTIONS, ...validator };
    const errors = isAsync ? await validate(instance, options) : validateSync(instance, options);
    if (errors.length > 0) return { error: createValidationError('evt', dto.name, errors) };
    return { value: instance };
  } catch (error) {
    return { error };
  }
}

async function subject(compiled: CompiledPayload, value: unknown): Promise<Outcome> {
  try {
    // Only an async stage is awaited, as the route does: a sync one may return a promise (a thenable payload).
    const result = compiled.transform(value);
    return { value: compiled.isAsync ? await result : result };
  } catch (error) {
    return { error };
  }
}

/** Same prototypes, same own keys in the same order, same values, all the way down. */
function expectSameShape(actual: unknown, expected: unknown, path = 'payload'): void {
  expect(typeof actual, `${path}: type`).to.equal(typeof expected);
  if (typeof expected === 'function') {
    // Field initialisers make a new function per instance: the same source is the same value.
    expect(String(actual), `${path}: function`).to.equal(String(expected));
    return;
  }
  if (typeof expected !== 'object' || expected === null) {
    expect(Object.is(actual, expected), `${path}: ${String(actual)} is ${String(expected)}`).to.equal(true);
    return;
  }
  const actualObject = actual as Record<string, unknown>;
  const expectedObject = expected as Record<string, unknown>;
  const isSamePrototype = Object.getPrototypeOf(actualObject) === Object.getPrototypeOf(expectedObject);
  expect(isSamePrototype, `${path}: prototype`).to.equal(true);
  if (Buffer.isBuffer(expected)) {
    expect((actual as Buffer).equals(expected), `${path}: bytes`).to.equal(true);
    return;
  }
  if (expected instanceof Date) {
    expect((actual as Date).getTime(), `${path}: time`).to.equal(expected.getTime());
    return;
  }
  expect(Object.keys(actualObject), `${path}: keys`).to.deep.equal(Object.keys(expectedObject));
  for (const key of Object.keys(expectedObject)) {
    expectSameShape(actualObject[key], expectedObject[key], `${path}.${key}`);
  }
}

function expectSameOutcome(actual: Outcome, expected: Outcome): void {
  if ('value' in expected) {
    expect(actual, 'accepted by class-validator').to.have.property('value');
    expectSameShape((actual as { value: unknown }).value, expected.value);
    return;
  }
  expect(actual, 'rejected by class-validator').to.have.property('error');
  const actualError = (actual as { error: Error }).error;
  const expectedError = expected.error as Error;
  expect(actualError.constructor).to.equal(expectedError.constructor);
  expect(actualError.message).to.equal(expectedError.message);
  if (expectedError instanceof ValidationError) {
    expect((actualError as ValidationError).code).to.equal(expectedError.code);
    expect((actualError as ValidationError).data).to.deep.equal(expectedError.data);
  }
}

function compile(dto: new () => object, validator: ValidatorOptions): CompiledPayload {
  const compiled = compilePayload(dto, { validator: validator as Record<string, unknown> }, undefined, 'evt');
  expect(compiled).to.not.equal(null);
  return compiled as CompiledPayload;
}

function label(options: ValidatorOptions): string {
  return Object.keys(options).length === 0 ? 'default options' : JSON.stringify(options);
}

describe('Payload fast path', () => {
  describe('#compileFastInstance', () => {
    for (const testCase of CASES) {
      it(`${testCase.hasFastInstance ? 'compiles' : 'refuses'} ${testCase.dto.name}`, () => {
        const compiled = compileFastInstance(testCase.dto, undefined);
        if (testCase.hasFastInstance) expect(compiled).to.be.instanceOf(FastInstanceBuilder);
        else expect(compiled).to.be.a('string');
      });
    }

    it('refuses when class-transformer options are given', () => {
      expect(compileFastInstance(Message, { excludeExtraneousValues: true })).to.equal(
        'class-transformer options are set',
      );
      expect(compileFastInstance(Message, {})).to.be.instanceOf(FastInstanceBuilder);
    });

    it('names the reason for a refused DTO', () => {
      expect(compileFastInstance(Guarded, undefined)).to.equal('the class or an ancestor defines a getter or setter');
      expect(compileFastInstance(HiddenChild, undefined)).to.equal(
        'the class or an ancestor has class-transformer decorators',
      );
    });
  });

  describe('#compileChecks', () => {
    for (const testCase of CASES.filter((c) => c.dto !== Bag && c.dto !== Remote)) {
      it(`${testCase.hasFastChecks ? 'compiles' : 'refuses'} ${testCase.dto.name}`, () => {
        const compiled = compileChecks(testCase.dto, { ...DEFAULT_VALIDATOR_OPTIONS });
        if (testCase.hasFastChecks) expect(compiled).to.be.instanceOf(CompiledChecks);
        else expect(compiled).to.be.a('string');
      });
    }

    it('refuses nested validation and async constraints, naming the property', () => {
      expect(compileChecks(Loose, {})).to.equal('meta: nestedValidation is not replayed');
      expect(compileChecks(Remote, {})).to.equal('handle: constraint isHandle is async');
    });

    it('refuses a validator option it does not know', () => {
      expect(compileChecks(Message, { someFutureOption: true } as ValidatorOptions)).to.equal(
        'validator option someFutureOption is not replayed',
      );
    });

    it('refuses when no metadata applies under the options', () => {
      expect(compileChecks(Message, { groups: ['nobody'] })).to.equal(
        'no validation metadata applies under these options',
      );
    });

    it('never accepts what is not an instance of the DTO', () => {
      const checks = compileChecks(Message, {}) as CompiledChecks;
      expect(checks.accepts({ text: 'hi', priority: 1 })).to.equal(false);
      expect(checks.accepts(null)).to.equal(false);
      expect(checks.accepts('hi')).to.equal(false);
      expect(checks.accepts(Object.assign(new Message(), { text: 'hi', priority: 1 }))).to.equal(true);
    });
  });

  describe('#compilePayload', () => {
    for (const testCase of CASES) {
      const optionSets = testCase.hasFastChecks || testCase.dto === Loose ? OPTION_SETS : OPTION_SETS.slice(0, 1);
      for (const options of optionSets) {
        const title = `accepts exactly what plainToInstance + class-validator accept: ${testCase.dto.name}, ${label(options)}`;
        it(title, async () => {
          const compiled = compile(testCase.dto, options);
          // An unknown nested class (Loose.meta) may need the async path, as an async constraint does.
          expect(compiled.isAsync).to.equal(testCase.dto === Remote || testCase.dto === Loose);
          let accepted = 0;
          let rejected = 0;
          await fc.assert(
            fc.asyncProperty(payloadText(testCase.fields), async (text) => {
              const expected = await reference(testCase.dto, JSON.parse(text), options, compiled.isAsync);
              const actual = await subject(compiled, JSON.parse(text));
              expectSameOutcome(actual, expected);
              if ('value' in expected) accepted++;
              else rejected++;
            }),
            { numRuns: 150 },
          );
          // Where the checks apply, the run must reach both of their answers, or it proves nothing.
          if (compileChecks(testCase.dto, { ...DEFAULT_VALIDATOR_OPTIONS, ...options }) instanceof CompiledChecks) {
            expect(accepted, 'some payloads are valid').to.be.greaterThan(0);
            expect(rejected, 'some payloads are invalid').to.be.greaterThan(0);
          }
        });
      }
    }

    it('returns an instance of the DTO, with its methods and initialised fields', () => {
      const member = compile(Member, {}).transform(JSON.parse('{"name":"ada","age":36,"greet":"x","callback":2}'));
      expect(member).to.be.instanceOf(Member);
      expect((member as Member).greet()).to.equal('hello ada');
      expect(member).to.deep.include({ name: 'ada', age: 36, role: 'user' });
      expect((member as Member).callback()).to.equal(1);
    });

    it('copies nested values instead of sharing them with the payload', () => {
      const payload = JSON.parse('{"tags":["a"],"scores":[1],"extra":{"deep":[{"x":1}]}}') as {
        tags: string[];
        extra: { deep: object[] };
      };
      const tagged = compile(Tagged, {}).transform(payload) as Tagged & { extra: { deep: object[] } };
      expect(tagged.tags).to.deep.equal(['a']);
      expect(tagged.tags).to.not.equal(payload.tags);
      expect(tagged.extra.deep[0]).to.deep.equal({ x: 1 });
      expect(tagged.extra.deep[0]).to.not.equal(payload.extra.deep[0]);
    });

    it('drops __proto__ keys, at the top and nested, without touching any prototype', () => {
      const message = compile(Message, {}).transform(
        JSON.parse('{"text":"hi","priority":1,"__proto__":{"admin":true},"nested":{"__proto__":{"admin":true}}}'),
      ) as Message & { nested: object };
      expect(Object.getPrototypeOf(message)).to.equal(Message.prototype);
      expect(Object.keys(message)).to.deep.equal(['text', 'priority', 'nested']);
      expect(Object.getPrototypeOf(message.nested)).to.equal(Object.prototype);
      expect(Object.keys(message.nested)).to.deep.equal([]);
      expect(({} as Record<string, unknown>).admin).to.equal(undefined);
    });

    it('answers an invalid payload with the ValidationError class-validator describes', () => {
      const compiled = compile(Message, {});
      expect(() => compiled.transform({ text: '', priority: -1 }))
        .to.throw(ValidationError, 'invalid payload for event "evt": expected a valid Message; failing: text, priority')
        .with.property('data')
        .that.deep.equals([
          { property: 'text', constraints: { isLength: 'text must be longer than or equal to 1 characters' } },
          { property: 'priority', constraints: { min: 'priority must not be less than 0' } },
        ]);
    });
  });

  /** `depth` objects around a string: `nest(2)` is `{ next: { next: 'bottom' } }`, two levels. */
  const nest = (depth: number): unknown => {
    let value: unknown = 'bottom';
    for (let i = 0; i < depth; i++) value = { next: value };
    return value;
  };
  /** `depth` arrays around a string. */
  const nestArrays = (depth: number): unknown => {
    let value: unknown = 'bottom';
    for (let i = 0; i < depth; i++) value = [value];
    return value;
  };

  describe('#compilePayload with values JSON cannot hold', () => {
    const sparse = [1, , 3]; // eslint-disable-line no-sparse-arrays
    const fn = (): number => 1;
    const withoutPrototype = (fields: object): object => Object.assign(Object.create(null) as object, fields);
    const payloads: [string, () => unknown][] = [
      ['a Buffer where a string is expected', () => ({ text: Buffer.from('hi'), priority: 1 })],
      ['a Buffer beside valid fields', () => ({ text: 'hi', priority: 1, blob: Buffer.from([1, 2]) })],
      ['a Buffer in a nested object', () => ({ text: 'hi', priority: 1, nested: { blob: Buffer.from([1]) } })],
      ['Buffers in an array', () => ({ text: 'hi', priority: 1, list: [Buffer.from([1]), 2] })],
      ['a Date', () => ({ text: 'hi', priority: 1, when: new Date(0) })],
      ['a Map', () => ({ text: 'hi', priority: 1, map: new Map([['a', 1]]) })],
      ['a Set', () => ({ text: 'hi', priority: 1, set: new Set([1]) })],
      ['a class instance', () => ({ text: 'hi', priority: 1, other: Object.assign(new Author(), { name: 'x' }) })],
      ['a null-prototype payload', () => withoutPrototype({ text: 'hi', priority: 1 })],
      ['a null-prototype nested object', () => ({ text: 'hi', priority: 1, bare: withoutPrototype({ a: 1 }) })],
      ['a sparse array', () => ({ text: 'hi', priority: 1, sparse })],
      ['nesting of 21 levels', () => ({ text: 'hi', priority: 1, deep: nest(20) })],
      ['nesting of 101 levels', () => ({ text: 'hi', priority: 1, deep: nest(100) })],
      // The payload is level 1: this is exactly MAX_PAYLOAD_DEPTH, the deepest accepted.
      ['objects nested to the depth limit', () => ({ text: 'hi', priority: 1, deep: nest(MAX_PAYLOAD_DEPTH - 1) })],
      [
        'arrays nested to the depth limit',
        () => ({ text: 'hi', priority: 1, deep: nestArrays(MAX_PAYLOAD_DEPTH - 1) }),
      ],
      ['the depth limit beside a Buffer', () => ({ text: 'hi', priority: 1, b: Buffer.from([1]), deep: nest(127) })],
      ['a string "then"', () => ({ text: 'hi', priority: 1, then: 'x' })],
      ['a nested thenable', () => ({ text: 'hi', priority: 1, later: { then: () => undefined } })],
      ['a thenable payload', () => ({ text: 'hi', priority: 1, then: () => undefined })],
      ['a function value', () => ({ text: 'hi', priority: 1, fn })],
      ['typed arrays', () => ({ text: 'hi', priority: 1, bytes: new Uint8Array(2), raw: new ArrayBuffer(2) })],
      ['an instance of the DTO', () => Object.assign(new Message(), { text: 'hi', priority: 1 })],
      ['an array of payloads', () => [{ text: 'hi', priority: 1 }]],
      ['a Buffer payload', () => Buffer.from('{"text":"hi"}')],
      ['a Date payload', () => new Date(0)],
      ['a Map payload', () => new Map([['text', 'hi']])],
      ['a nested own constructor key', (): unknown => JSON.parse('{"text":"hi","priority":1,"a":{"constructor":"x"}}')],
      ['a top-level constructor key', (): unknown => JSON.parse('{"text":"hi","priority":1,"constructor":"x"}')],
      ['a string', () => 'just text'],
      ['a number', () => 42],
      ['null', () => null],
      ['undefined', () => undefined],
    ];
    for (const dto of [Message, Bag, Tagged]) {
      for (const [name, make] of payloads) {
        it(`handles ${name} as plainToInstance + validateSync do (${dto.name})`, async () => {
          const compiled = compile(dto, {});
          expectSameOutcome(await subject(compiled, make()), await reference(dto, make(), {}, false));
        });
      }
    }
  });

  // Past the limit, classio refuses before class-transformer runs. Left to it, the outcome would depend on the stack:
  // on Node 24, 4000 levels overflow class-transformer on a cold run and not once its code is optimised.
  describe('#compilePayload with payloads nested past MAX_PAYLOAD_DEPTH', () => {
    const cyclic = (): unknown => {
      const payload: Record<string, unknown> = { text: 'hi', priority: 1 };
      payload.self = payload;
      return payload;
    };
    const payloads: [string, () => unknown][] = [
      ['objects one level past the limit', () => ({ text: 'hi', priority: 1, deep: nest(MAX_PAYLOAD_DEPTH) })],
      ['arrays one level past the limit', () => ({ text: 'hi', priority: 1, deep: nestArrays(MAX_PAYLOAD_DEPTH) })],
      ['a payload that is an array past the limit', () => nestArrays(MAX_PAYLOAD_DEPTH + 1)],
      ['nesting past the limit beside a Buffer', () => ({ b: Buffer.from([1]), deep: nest(MAX_PAYLOAD_DEPTH) })],
      ['nesting past the limit inside a Map', () => ({ m: new Map([['k', nest(MAX_PAYLOAD_DEPTH)]]) })],
      ['4000 levels, near where class-transformer overflows', () => ({ text: 'hi', deep: nest(4000) })],
      ['100000 levels of arrays', () => ({ text: 'hi', deep: nestArrays(100_000) })],
      ['a payload that contains itself', cyclic],
    ];
    const dtos: (new () => object)[] = [Message, Bag, Tagged, Loose, Post, Remote, Tree];
    for (const dto of dtos) {
      for (const [name, make] of payloads) {
        it(`refuses ${name} with the depth ValidationError (${dto.name})`, async () => {
          const outcome = await subject(compile(dto, {}), make());
          expect(outcome, 'refused').to.have.property('error');
          const error = (outcome as { error: unknown }).error;
          expect(error).to.be.instanceOf(ValidationError);
          expect(error).to.include({
            code: 'CLASSIO_ERR_VALIDATION',
            message: `invalid payload for event "evt": expected a valid ${dto.name}; failing: (payload)`,
          });
          expect((error as ValidationError).data).to.deep.equal([
            { property: '', constraints: { maxDepth: 'payload must not nest deeper than 128 levels' } },
          ]);
        });
      }
    }

    it('accepts a self-referential DTO nested to the limit, as class-validator does', async () => {
      let value: unknown = { name: 'leaf' };
      for (let i = 1; i < MAX_PAYLOAD_DEPTH; i++) value = { name: `n${i}`, child: value };
      const compiled = compile(Tree, {});
      const outcome = await subject(compiled, value);
      expect(outcome, 'accepted').to.have.property('value').that.is.instanceOf(Tree);
      expectSameOutcome(outcome, await reference(Tree, value, {}, compiled.isAsync));
    });
  });

  describe('isNestedDeeperThan', () => {
    it('counts each object, array, Map and Set as a level, the value itself being the first', () => {
      expect(isNestedDeeperThan({ a: { b: [1] } }, 3)).to.equal(false);
      expect(isNestedDeeperThan({ a: { b: [1] } }, 2)).to.equal(true);
      expect(isNestedDeeperThan([new Map([['k', new Set([{}])]])], 3)).to.equal(true);
      expect(isNestedDeeperThan([new Map([['k', new Set([{}])]])], 4)).to.equal(false);
    });

    it('counts neither primitives nor Buffers, typed arrays and Dates', () => {
      expect(isNestedDeeperThan('text', 0)).to.equal(false);
      expect(isNestedDeeperThan(null, 0)).to.equal(false);
      expect(isNestedDeeperThan([Buffer.from([1]), new Uint8Array(1), new ArrayBuffer(1), new Date(0)], 1)).to.equal(
        false,
      );
    });

    it('finds a deep branch after shallow ones', () => {
      expect(isNestedDeeperThan({ a: 1, b: [2], c: { d: { e: {} } } }, 3)).to.equal(true);
    });
  });
});
