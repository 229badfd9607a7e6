import { ClassioError } from '../../src/errors';
/**
 * The error `run` throws, after checking that it is a catalogue error of `errorClass` with `code`; fails the test
 * when `run` throws nothing or something else.
 */
export declare function thrownBy<E extends ClassioError>(run: () => unknown, errorClass: abstract new (...args: never[]) => E, code: string): E;
