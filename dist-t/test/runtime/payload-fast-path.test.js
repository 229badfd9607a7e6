"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const chai_1 = require("chai");
const fast_check_1 = __importDefault(require("fast-check"));
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
const errors_1 = require("../../src/errors");
const payload_validator_1 = require("../../src/runtime/payload-validator");
const payload_depth_1 = require("../../src/runtime/payload-depth");
const payload_validator_checks_1 = require("../../src/runtime/payload-validator-checks");
const payload_validator_instance_1 = require("../../src/runtime/payload-validator-instance");
const payload_cases_1 = require("./payload-cases");
/**
 * What compilePayload did before the fast paths: plainToInstance, then class-validator on every message (a missing
 * or null payload excepted).
 */
async function reference(dto, value, validator, isAsync) {
    try {
        // The one refusal made before both libraries: class-validator cannot judge these (it throws reading
        // `constructor`), and a DTO without constraints would hand its handler no instance at all.
        if (value === null || value === undefined)
            return { error: (0, payload_validator_1.createMissingPayloadError)('evt', dto.name, value) };
        const instance = (0, class_transformer_1.plainToInstance)(dto, value);
        if ((0, class_validator_1.getMetadataStorage)().getTargetValidationMetadatas(dto, '', true, false).length === 0)
            return { value: instance };
        const options = { ...payload_validator_1.DEFAULT_VALIDATOR_OPTIONS, ...validator };
        const errors = isAsync ? await (0, class_validator_1.validate)(instance, options) : (0, class_validator_1.validateSync)(instance, options);
        if (errors.length > 0)
            return { error: (0, payload_validator_1.createValidationError)('evt', dto.name, errors) };
        return { value: instance };
    }
    catch (error) {
        return { error };
    }
}
async function subject(compiled, value) {
    try {
        // Only an async stage is awaited, as the route does: a sync one may return a promise (a thenable payload).
        const result = compiled.transform(value);
        return { value: compiled.isAsync ? await result : result };
    }
    catch (error) {
        return { error };
    }
}
/** Same prototypes, same own keys in the same order, same values, all the way down. */
function expectSameShape(actual, expected, path = 'payload') {
    (0, chai_1.expect)(typeof actual, `${path}: type`).to.equal(typeof expected);
    if (typeof expected === 'function') {
        // Field initialisers make a new function per instance: the same source is the same value.
        (0, chai_1.expect)(String(actual), `${path}: function`).to.equal(String(expected));
        return;
    }
    if (typeof expected !== 'object' || expected === null) {
        (0, chai_1.expect)(Object.is(actual, expected), `${path}: ${String(actual)} is ${String(expected)}`).to.equal(true);
        return;
    }
    const actualObject = actual;
    const expectedObject = expected;
    const isSamePrototype = Object.getPrototypeOf(actualObject) === Object.getPrototypeOf(expectedObject);
    (0, chai_1.expect)(isSamePrototype, `${path}: prototype`).to.equal(true);
    if (Buffer.isBuffer(expected)) {
        (0, chai_1.expect)(actual.equals(expected), `${path}: bytes`).to.equal(true);
        return;
    }
    if (expected instanceof Date) {
        (0, chai_1.expect)(actual.getTime(), `${path}: time`).to.equal(expected.getTime());
        return;
    }
    (0, chai_1.expect)(Object.keys(actualObject), `${path}: keys`).to.deep.equal(Object.keys(expectedObject));
    for (const key of Object.keys(expectedObject)) {
        expectSameShape(actualObject[key], expectedObject[key], `${path}.${key}`);
    }
}
function expectSameOutcome(actual, expected) {
    if ('value' in expected) {
        (0, chai_1.expect)(actual, 'accepted by class-validator').to.have.property('value');
        expectSameShape(actual.value, expected.value);
        return;
    }
    (0, chai_1.expect)(actual, 'rejected by class-validator').to.have.property('error');
    const actualError = actual.error;
    const expectedError = expected.error;
    (0, chai_1.expect)(actualError.constructor).to.equal(expectedError.constructor);
    (0, chai_1.expect)(actualError.message).to.equal(expectedError.message);
    if (expectedError instanceof errors_1.ValidationError) {
        (0, chai_1.expect)(actualError.code).to.equal(expectedError.code);
        (0, chai_1.expect)(actualError.data).to.deep.equal(expectedError.data);
    }
}
function compile(dto, validator) {
    const compiled = (0, payload_validator_1.compilePayload)(dto, { validator: validator }, undefined, 'evt');
    (0, chai_1.expect)(compiled).to.not.equal(null);
    return compiled;
}
function label(options) {
    return Object.keys(options).length === 0 ? 'default options' : JSON.stringify(options);
}
describe('Payload fast path', () => {
    describe('#compileFastInstance', () => {
        for (const testCase of payload_cases_1.CASES) {
            it(`${testCase.hasFastInstance ? 'compiles' : 'refuses'} ${testCase.dto.name}`, () => {
                const compiled = (0, payload_validator_instance_1.compileFastInstance)(testCase.dto, undefined);
                if (testCase.hasFastInstance)
                    (0, chai_1.expect)(compiled).to.be.instanceOf(payload_validator_instance_1.FastInstanceBuilder);
                else
                    (0, chai_1.expect)(compiled).to.be.a('string');
            });
        }
        it('refuses when class-transformer options are given', () => {
            (0, chai_1.expect)((0, payload_validator_instance_1.compileFastInstance)(payload_cases_1.Message, { excludeExtraneousValues: true })).to.equal('class-transformer options are set');
            (0, chai_1.expect)((0, payload_validator_instance_1.compileFastInstance)(payload_cases_1.Message, {})).to.be.instanceOf(payload_validator_instance_1.FastInstanceBuilder);
        });
        it('names the reason for a refused DTO', () => {
            (0, chai_1.expect)((0, payload_validator_instance_1.compileFastInstance)(payload_cases_1.Guarded, undefined)).to.equal('the class or an ancestor defines a getter or setter');
            (0, chai_1.expect)((0, payload_validator_instance_1.compileFastInstance)(payload_cases_1.HiddenChild, undefined)).to.equal('the class or an ancestor has class-transformer decorators');
        });
    });
    describe('#compileChecks', () => {
        for (const testCase of payload_cases_1.CASES.filter((c) => c.dto !== payload_cases_1.Bag && c.dto !== payload_cases_1.Remote)) {
            it(`${testCase.hasFastChecks ? 'compiles' : 'refuses'} ${testCase.dto.name}`, () => {
                const compiled = (0, payload_validator_checks_1.compileChecks)(testCase.dto, { ...payload_validator_1.DEFAULT_VALIDATOR_OPTIONS });
                if (testCase.hasFastChecks)
                    (0, chai_1.expect)(compiled).to.be.instanceOf(payload_validator_checks_1.CompiledChecks);
                else
                    (0, chai_1.expect)(compiled).to.be.a('string');
            });
        }
        it('refuses nested validation and async constraints, naming the property', () => {
            (0, chai_1.expect)((0, payload_validator_checks_1.compileChecks)(payload_cases_1.Loose, {})).to.equal('meta: nestedValidation is not replayed');
            (0, chai_1.expect)((0, payload_validator_checks_1.compileChecks)(payload_cases_1.Remote, {})).to.equal('handle: constraint isHandle is async');
        });
        it('refuses a validator option it does not know', () => {
            (0, chai_1.expect)((0, payload_validator_checks_1.compileChecks)(payload_cases_1.Message, { someFutureOption: true })).to.equal('validator option someFutureOption is not replayed');
        });
        it('refuses when no metadata applies under the options', () => {
            (0, chai_1.expect)((0, payload_validator_checks_1.compileChecks)(payload_cases_1.Message, { groups: ['nobody'] })).to.equal('no validation metadata applies under these options');
        });
        it('never accepts what is not an instance of the DTO', () => {
            const checks = (0, payload_validator_checks_1.compileChecks)(payload_cases_1.Message, {});
            (0, chai_1.expect)(checks.accepts({ text: 'hi', priority: 1 })).to.equal(false);
            (0, chai_1.expect)(checks.accepts(null)).to.equal(false);
            (0, chai_1.expect)(checks.accepts('hi')).to.equal(false);
            (0, chai_1.expect)(checks.accepts(Object.assign(new payload_cases_1.Message(), { text: 'hi', priority: 1 }))).to.equal(true);
        });
    });
    describe('#compilePayload', () => {
        for (const testCase of payload_cases_1.CASES) {
            const optionSets = testCase.hasFastChecks || testCase.dto === payload_cases_1.Loose ? payload_cases_1.OPTION_SETS : payload_cases_1.OPTION_SETS.slice(0, 1);
            for (const options of optionSets) {
                const title = `accepts exactly what plainToInstance + class-validator accept: ${testCase.dto.name}, ${label(options)}`;
                it(title, async () => {
                    const compiled = compile(testCase.dto, options);
                    // An unknown nested class (Loose.meta) may need the async path, as an async constraint does.
                    (0, chai_1.expect)(compiled.isAsync).to.equal(testCase.dto === payload_cases_1.Remote || testCase.dto === payload_cases_1.Loose);
                    let accepted = 0;
                    let rejected = 0;
                    await fast_check_1.default.assert(fast_check_1.default.asyncProperty((0, payload_cases_1.payloadText)(testCase.fields), async (text) => {
                        const expected = await reference(testCase.dto, JSON.parse(text), options, compiled.isAsync);
                        const actual = await subject(compiled, JSON.parse(text));
                        expectSameOutcome(actual, expected);
                        if ('value' in expected)
                            accepted++;
                        else
                            rejected++;
                    }), { numRuns: 150 });
                    // Where the checks apply, the run must reach both of their answers, or it proves nothing.
                    if ((0, payload_validator_checks_1.compileChecks)(testCase.dto, { ...payload_validator_1.DEFAULT_VALIDATOR_OPTIONS, ...options }) instanceof payload_validator_checks_1.CompiledChecks) {
                        (0, chai_1.expect)(accepted, 'some payloads are valid').to.be.greaterThan(0);
                        (0, chai_1.expect)(rejected, 'some payloads are invalid').to.be.greaterThan(0);
                    }
                });
            }
        }
        it('returns an instance of the DTO, with its methods and initialised fields', () => {
            const member = compile(payload_cases_1.Member, {}).transform(JSON.parse('{"name":"ada","age":36,"greet":"x","callback":2}'));
            (0, chai_1.expect)(member).to.be.instanceOf(payload_cases_1.Member);
            (0, chai_1.expect)(member.greet()).to.equal('hello ada');
            (0, chai_1.expect)(member).to.deep.include({ name: 'ada', age: 36, role: 'user' });
            (0, chai_1.expect)(member.callback()).to.equal(1);
        });
        it('copies nested values instead of sharing them with the payload', () => {
            const payload = JSON.parse('{"tags":["a"],"scores":[1],"extra":{"deep":[{"x":1}]}}');
            const tagged = compile(payload_cases_1.Tagged, {}).transform(payload);
            (0, chai_1.expect)(tagged.tags).to.deep.equal(['a']);
            (0, chai_1.expect)(tagged.tags).to.not.equal(payload.tags);
            (0, chai_1.expect)(tagged.extra.deep[0]).to.deep.equal({ x: 1 });
            (0, chai_1.expect)(tagged.extra.deep[0]).to.not.equal(payload.extra.deep[0]);
        });
        it('drops __proto__ keys, at the top and nested, without touching any prototype', () => {
            const message = compile(payload_cases_1.Message, {}).transform(JSON.parse('{"text":"hi","priority":1,"__proto__":{"admin":true},"nested":{"__proto__":{"admin":true}}}'));
            (0, chai_1.expect)(Object.getPrototypeOf(message)).to.equal(payload_cases_1.Message.prototype);
            (0, chai_1.expect)(Object.keys(message)).to.deep.equal(['text', 'priority', 'nested']);
            (0, chai_1.expect)(Object.getPrototypeOf(message.nested)).to.equal(Object.prototype);
            (0, chai_1.expect)(Object.keys(message.nested)).to.deep.equal([]);
            (0, chai_1.expect)({}.admin).to.equal(undefined);
        });
        it('answers an invalid payload with the ValidationError class-validator describes', () => {
            const compiled = compile(payload_cases_1.Message, {});
            (0, chai_1.expect)(() => compiled.transform({ text: '', priority: -1 }))
                .to.throw(errors_1.ValidationError, 'invalid payload for event "evt": expected a valid Message; failing: text, priority')
                .with.property('data')
                .that.deep.equals([
                { property: 'text', constraints: { isLength: 'text must be longer than or equal to 1 characters' } },
                { property: 'priority', constraints: { min: 'priority must not be less than 0' } },
            ]);
        });
    });
    /** `depth` objects around a string: `nest(2)` is `{ next: { next: 'bottom' } }`, two levels. */
    const nest = (depth) => {
        let value = 'bottom';
        for (let i = 0; i < depth; i++)
            value = { next: value };
        return value;
    };
    /** `depth` arrays around a string. */
    const nestArrays = (depth) => {
        let value = 'bottom';
        for (let i = 0; i < depth; i++)
            value = [value];
        return value;
    };
    describe('#compilePayload with values JSON cannot hold', () => {
        const sparse = [1, , 3]; // eslint-disable-line no-sparse-arrays
        const fn = () => 1;
        const withoutPrototype = (fields) => Object.assign(Object.create(null), fields);
        const payloads = [
            ['a Buffer where a string is expected', () => ({ text: Buffer.from('hi'), priority: 1 })],
            ['a Buffer beside valid fields', () => ({ text: 'hi', priority: 1, blob: Buffer.from([1, 2]) })],
            ['a Buffer in a nested object', () => ({ text: 'hi', priority: 1, nested: { blob: Buffer.from([1]) } })],
            ['Buffers in an array', () => ({ text: 'hi', priority: 1, list: [Buffer.from([1]), 2] })],
            ['a Date', () => ({ text: 'hi', priority: 1, when: new Date(0) })],
            ['a Map', () => ({ text: 'hi', priority: 1, map: new Map([['a', 1]]) })],
            ['a Set', () => ({ text: 'hi', priority: 1, set: new Set([1]) })],
            ['a class instance', () => ({ text: 'hi', priority: 1, other: Object.assign(new payload_cases_1.Author(), { name: 'x' }) })],
            ['a null-prototype payload', () => withoutPrototype({ text: 'hi', priority: 1 })],
            ['a null-prototype nested object', () => ({ text: 'hi', priority: 1, bare: withoutPrototype({ a: 1 }) })],
            ['a sparse array', () => ({ text: 'hi', priority: 1, sparse })],
            ['nesting of 21 levels', () => ({ text: 'hi', priority: 1, deep: nest(20) })],
            ['nesting of 101 levels', () => ({ text: 'hi', priority: 1, deep: nest(100) })],
            // The payload is level 1: this is exactly MAX_PAYLOAD_DEPTH, the deepest accepted.
            ['objects nested to the depth limit', () => ({ text: 'hi', priority: 1, deep: nest(payload_depth_1.MAX_PAYLOAD_DEPTH - 1) })],
            [
                'arrays nested to the depth limit',
                () => ({ text: 'hi', priority: 1, deep: nestArrays(payload_depth_1.MAX_PAYLOAD_DEPTH - 1) }),
            ],
            ['the depth limit beside a Buffer', () => ({ text: 'hi', priority: 1, b: Buffer.from([1]), deep: nest(127) })],
            ['a string "then"', () => ({ text: 'hi', priority: 1, then: 'x' })],
            ['a nested thenable', () => ({ text: 'hi', priority: 1, later: { then: () => undefined } })],
            ['a thenable payload', () => ({ text: 'hi', priority: 1, then: () => undefined })],
            ['a function value', () => ({ text: 'hi', priority: 1, fn })],
            ['typed arrays', () => ({ text: 'hi', priority: 1, bytes: new Uint8Array(2), raw: new ArrayBuffer(2) })],
            ['an instance of the DTO', () => Object.assign(new payload_cases_1.Message(), { text: 'hi', priority: 1 })],
            ['an array of payloads', () => [{ text: 'hi', priority: 1 }]],
            ['a Buffer payload', () => Buffer.from('{"text":"hi"}')],
            ['a Date payload', () => new Date(0)],
            ['a Map payload', () => new Map([['text', 'hi']])],
            ['a nested own constructor key', () => JSON.parse('{"text":"hi","priority":1,"a":{"constructor":"x"}}')],
            ['a top-level constructor key', () => JSON.parse('{"text":"hi","priority":1,"constructor":"x"}')],
            ['a string', () => 'just text'],
            ['a number', () => 42],
            ['null', () => null],
            ['undefined', () => undefined],
        ];
        for (const dto of [payload_cases_1.Message, payload_cases_1.Bag, payload_cases_1.Tagged]) {
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
        const cyclic = () => {
            const payload = { text: 'hi', priority: 1 };
            payload.self = payload;
            return payload;
        };
        const payloads = [
            ['objects one level past the limit', () => ({ text: 'hi', priority: 1, deep: nest(payload_depth_1.MAX_PAYLOAD_DEPTH) })],
            ['arrays one level past the limit', () => ({ text: 'hi', priority: 1, deep: nestArrays(payload_depth_1.MAX_PAYLOAD_DEPTH) })],
            ['a payload that is an array past the limit', () => nestArrays(payload_depth_1.MAX_PAYLOAD_DEPTH + 1)],
            ['nesting past the limit beside a Buffer', () => ({ b: Buffer.from([1]), deep: nest(payload_depth_1.MAX_PAYLOAD_DEPTH) })],
            ['nesting past the limit inside a Map', () => ({ m: new Map([['k', nest(payload_depth_1.MAX_PAYLOAD_DEPTH)]]) })],
            ['4000 levels, near where class-transformer overflows', () => ({ text: 'hi', deep: nest(4000) })],
            ['100000 levels of arrays', () => ({ text: 'hi', deep: nestArrays(100_000) })],
            ['a payload that contains itself', cyclic],
        ];
        const dtos = [payload_cases_1.Message, payload_cases_1.Bag, payload_cases_1.Tagged, payload_cases_1.Loose, payload_cases_1.Post, payload_cases_1.Remote, payload_cases_1.Tree];
        for (const dto of dtos) {
            for (const [name, make] of payloads) {
                it(`refuses ${name} with the depth ValidationError (${dto.name})`, async () => {
                    const outcome = await subject(compile(dto, {}), make());
                    (0, chai_1.expect)(outcome, 'refused').to.have.property('error');
                    const error = outcome.error;
                    (0, chai_1.expect)(error).to.be.instanceOf(errors_1.ValidationError);
                    (0, chai_1.expect)(error).to.include({
                        code: 'CLASSIO_ERR_VALIDATION',
                        message: `invalid payload for event "evt": expected a valid ${dto.name}; failing: (payload)`,
                    });
                    (0, chai_1.expect)(error.data).to.deep.equal([
                        { property: '', constraints: { maxDepth: 'payload must not nest deeper than 128 levels' } },
                    ]);
                });
            }
        }
        it('accepts a self-referential DTO nested to the limit, as class-validator does', async () => {
            let value = { name: 'leaf' };
            for (let i = 1; i < payload_depth_1.MAX_PAYLOAD_DEPTH; i++)
                value = { name: `n${i}`, child: value };
            const compiled = compile(payload_cases_1.Tree, {});
            const outcome = await subject(compiled, value);
            (0, chai_1.expect)(outcome, 'accepted').to.have.property('value').that.is.instanceOf(payload_cases_1.Tree);
            expectSameOutcome(outcome, await reference(payload_cases_1.Tree, value, {}, compiled.isAsync));
        });
    });
    describe('isNestedDeeperThan', () => {
        it('counts each object, array, Map and Set as a level, the value itself being the first', () => {
            (0, chai_1.expect)((0, payload_depth_1.isNestedDeeperThan)({ a: { b: [1] } }, 3)).to.equal(false);
            (0, chai_1.expect)((0, payload_depth_1.isNestedDeeperThan)({ a: { b: [1] } }, 2)).to.equal(true);
            (0, chai_1.expect)((0, payload_depth_1.isNestedDeeperThan)([new Map([['k', new Set([{}])]])], 3)).to.equal(true);
            (0, chai_1.expect)((0, payload_depth_1.isNestedDeeperThan)([new Map([['k', new Set([{}])]])], 4)).to.equal(false);
        });
        it('counts neither primitives nor Buffers, typed arrays and Dates', () => {
            (0, chai_1.expect)((0, payload_depth_1.isNestedDeeperThan)('text', 0)).to.equal(false);
            (0, chai_1.expect)((0, payload_depth_1.isNestedDeeperThan)(null, 0)).to.equal(false);
            (0, chai_1.expect)((0, payload_depth_1.isNestedDeeperThan)([Buffer.from([1]), new Uint8Array(1), new ArrayBuffer(1), new Date(0)], 1)).to.equal(false);
        });
        it('finds a deep branch after shallow ones', () => {
            (0, chai_1.expect)((0, payload_depth_1.isNestedDeeperThan)({ a: 1, b: [2], c: { d: { e: {} } } }, 3)).to.equal(true);
        });
    });
});
//# sourceMappingURL=payload-fast-path.test.js.map