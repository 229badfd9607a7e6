import fc from 'fast-check';
import { type ValidatorOptions } from 'class-validator';
/**
 * The DTOs, validator options and payload generator of `payload-fast-path.test.ts`. The DTOs cover every metadata
 * type the compiled checks replay, and the ones that must keep the old path.
 */
/** Two properties, two constraints each, and a method the copy must not overwrite. */
export declare class Message {
    text: string;
    priority: number;
    describe(): string;
}
/** `each: true` constraints over arrays. */
export declare class Tagged {
    tags: string[];
    scores?: number[];
}
declare class Person {
    name: string;
    greet(): string;
}
/** Inherited metadata, a redeclared property, field initialisers (one a function). */
export declare class Member extends Person {
    age: number;
    name: string;
    role: string;
    callback: () => number;
}
/** No constraints at all: compilePayload only transforms. */
export declare class Bag {
    size: number;
    open(): boolean;
}
/** The nested DTO of Post. */
export declare class Author {
    name: string;
}
/** Kept on the old path twice over: @Type is class-transformer metadata, @ValidateNested is not replayed. */
export declare class Post {
    title: string;
    author: Author;
}
/** Self-referential: class-transformer and class-validator recurse once per level of the payload. */
export declare class Tree {
    name: string;
    child?: Tree;
}
/** Nested validation without @Type: compiled instantiation, class-validator checks (async, as its type is unknown). */
export declare class Loose {
    title: string;
    meta: object;
}
/** @Exclude drops a key. */
declare class Hidden {
    title: string;
    secret?: string;
}
/** Inherits class-transformer metadata without having any of its own. */
export declare class HiddenChild extends Hidden {
    n: number;
}
/** A getter on the prototype keeps plainToInstance. */
export declare class Guarded {
    title: string;
    get upper(): string;
}
/** An async constraint: validate(), never the compiled checks. */
export declare class Remote {
    handle: string;
    n: number;
}
/** One DTO of the equivalence runs, with what the compiler is expected to make of it. */
export interface Case {
    readonly dto: new () => object;
    /** Valid values per property, mixed with random JSON by the payload generator. */
    readonly fields: Record<string, fc.Arbitrary<unknown>>;
    readonly hasFastInstance: boolean;
    /** Under the default options. */
    readonly hasFastChecks: boolean;
}
/** Every DTO above, with the fast paths each one gets. */
export declare const CASES: readonly Case[];
/** Validator options the checks replay; each runs over every case. */
export declare const OPTION_SETS: readonly ValidatorOptions[];
/** Mostly objects near the DTO (each field valid, random or missing, plus odd keys), sometimes anything. */
export declare function payloadText(fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<string>;
export {};
