/**
 * Type test for typed events: compiled by `test/typecheck.test.ts` with the TypeScript compiler. Every
 * `@ts-expect-error` line must be an error, and nothing else may be.
 */
import { Namespace } from '../../src';
interface ClientEvents {
    chat: (text: string) => void;
    move: (x: number, y: number) => void;
}
interface ServerEvents {
    chat: (from: string, text: string) => void;
    moved: (x: number, y: number) => void;
}
export declare class Typed extends Namespace<ClientEvents, ServerEvents> {
    chat(text: string): number;
    move(x: number, y: number): number;
    wrong(text: number): number;
    fly(): void;
}
export declare class Untyped extends Namespace {
    on_anything(value: unknown): void;
}
export {};
