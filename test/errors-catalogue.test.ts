import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as errors from '../src/errors';
import { ClassioError, ERROR_CODES, HandlerError, ProtocolError } from '../src/errors';

/**
 * Keeps the catalogue honest (fastify `test/internals/errors.test.js`): every error class of `src/errors.ts` is a
 * ClassioError with a code of its own, every code is in `ERROR_CODES` and in the README's error table, and nothing
 * in `src/` or `decorators/` throws an error from outside the catalogue.
 */

// Compiled to dist/test/, so the sources and the README are two levels up.
const root = join(__dirname, '..', '..');

type ErrorClass = abstract new (...args: never[]) => Error;

/** The kinds that only give their subclasses a base: they have no code of their own. */
const BASES: readonly ErrorClass[] = [ClassioError, HandlerError];

/** How to build each class whose constructor does not start with the message. */
const BUILDERS = new Map<ErrorClass, () => ClassioError>([[ProtocolError, () => new ProtocolError(3)]]);

/** Every class exported by src/errors.ts. */
function exportedClasses(): [string, ErrorClass][] {
  const entries: [string, unknown][] = Object.entries(errors);
  return entries.filter(
    (entry): entry is [string, ErrorClass] => typeof entry[1] === 'function' && /^class\b/.test(String(entry[1])),
  );
}

/** One instance of a concrete catalogue class. */
function instanceOf(cls: ErrorClass): ClassioError {
  const build = BUILDERS.get(cls);
  if (build !== undefined) return build();
  return new (cls as unknown as new (message: string) => ClassioError)('a message');
}

/** The codes in the first column of the README's "Error codes" table. */
function readmeCodes(): string[] {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.split(/^## /m).find((part) => part.startsWith('Error codes'));
  expect(section, 'README has a "## Error codes" section').to.be.a('string');
  const codes: string[] = [];
  for (const line of (section as string).split('\n')) {
    const match = /^\|\s*`(CLASSIO_ERR_[A-Z0-9_]+)`\s*\|/.exec(line);
    if (match !== null) codes.push(match[1]);
  }
  return codes;
}

/** Every TypeScript source file under `dir`. */
function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourcesUnder(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('error catalogue', () => {
  describe('classes', () => {
    it('exports only ClassioError and kinds that extend it', () => {
      const classes = exportedClasses();
      expect(classes.length, 'classes found in src/errors.ts').to.be.greaterThan(5);
      for (const [name, cls] of classes) {
        const isBase = cls === ClassioError;
        expect(isBase || cls.prototype instanceof ClassioError, `${name} extends ClassioError`).to.equal(true);
      }
    });

    it('gives every concrete kind its own CLASSIO_ERR_ code, listed in ERROR_CODES, and its class name', () => {
      const owners = new Map<string, string>();
      for (const [name, cls] of exportedClasses()) {
        if (BASES.includes(cls)) continue;
        const error = instanceOf(cls);
        expect(error.code, name).to.match(/^CLASSIO_ERR_[A-Z0-9_]+$/);
        expect(owners.get(error.code), `${error.code} is the code of ${name} only`).to.equal(undefined);
        owners.set(error.code, name);
        expect(ERROR_CODES, `${name}'s code in ERROR_CODES`).to.have.property(error.code);
        expect(error.name, `${name}'s name`).to.equal(name);
      }
      // And no code of ERROR_CODES is left without its class.
      expect([...owners.keys()].sort()).to.deep.equal(Object.keys(ERROR_CODES).sort());
    });
  });

  describe('README', () => {
    it('lists every code of ERROR_CODES in the README table', () => {
      const listed = new Set(readmeCodes());
      const missing = Object.keys(ERROR_CODES).filter((code) => !listed.has(code));
      expect(missing, 'codes missing from the README').to.deep.equal([]);
    });

    it('lists no code that ERROR_CODES does not know, and none twice', () => {
      const codes = readmeCodes();
      const unknown = codes.filter((code) => !(code in ERROR_CODES));
      expect(unknown, 'README codes unknown to src/errors.ts').to.deep.equal([]);
      expect(codes.length, 'duplicate rows').to.equal(new Set(codes).size);
    });
  });

  describe('sources', () => {
    it('throw or reject with no error from outside the catalogue in src/ and decorators/', () => {
      // AggregateError is not matched: it only carries several errors to the logger together.
      const plain = /(?:\bthrow|Promise\.reject\()\s*new\s+(?:Error|TypeError|RangeError|SyntaxError|ReferenceError)\(/;
      const offenders: string[] = [];
      for (const file of [...sourcesUnder(join(root, 'src')), ...sourcesUnder(join(root, 'decorators'))]) {
        readFileSync(file, 'utf8')
          .split('\n')
          .forEach((line, index) => {
            if (plain.test(line)) offenders.push(`${relative(root, file)}:${index + 1}: ${line.trim()}`);
          });
      }
      expect(offenders, 'throws that bypass src/errors.ts').to.deep.equal([]);
    });
  });
});
