import { expect } from 'chai';
import { ClassioError } from '../../src/errors';

/**
 * The error `run` throws, after checking that it is a catalogue error of `errorClass` with `code`; fails the test
 * when `run` throws nothing or something else.
 */
export function thrownBy<E extends ClassioError>(
  run: () => unknown,
  errorClass: abstract new (...args: never[]) => E,
  code: string,
): E {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).to.be.instanceOf(errorClass);
  expect(caught).to.be.instanceOf(ClassioError);
  expect(caught).to.have.property('code', code);
  return caught as E;
}
