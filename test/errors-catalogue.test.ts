import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODES } from '../src/errors';

/**
 * Keeps the README's error table in step with the catalogue (fastify `test/internals/errors.test.js`): every code in
 * `ERROR_CODES` has a row, and every row names a real code.
 */
describe('error catalogue', () => {
  // Compiled to dist/test/, so the README is two levels up.
  const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

  /** The codes in the first column of the README's "Error codes" table. */
  function readmeCodes(): string[] {
    const section = readme.split(/^## /m).find((part) => part.startsWith('Error codes'));
    expect(section, 'README has a "## Error codes" section').to.be.a('string');
    const codes: string[] = [];
    for (const line of (section as string).split('\n')) {
      const match = /^\|\s*`(CLASSIO_ERR_[A-Z0-9_]+)`\s*\|/.exec(line);
      if (match !== null) codes.push(match[1]);
    }
    return codes;
  }

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

  it('uses the CLASSIO_ERR_ prefix for every code', () => {
    for (const code of Object.keys(ERROR_CODES)) expect(code).to.match(/^CLASSIO_ERR_[A-Z0-9_]+$/);
  });
});
