import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Keeps the README's "Server options" table in step with the option interfaces (`ServerOptions` in src/server.ts
 * and `EngineServerOptions` in src/engine/options.ts). Interfaces leave nothing at run time, so the sources are
 * read: every `name?:` member of the two interfaces needs a row, and every row names a real option.
 */
describe('README server options', () => {
  // Compiled to dist/test/, so the repository root is two levels up.
  const root = join(__dirname, '..', '..');

  function interfaceMembers(file: string, name: string): string[] {
    const source = readFileSync(join(root, file), 'utf8');
    const start = source.indexOf(`export interface ${name}`);
    expect(start, `${name} in ${file}`).to.be.greaterThan(-1);
    const body = source.slice(source.indexOf('{', start) + 1, source.indexOf('\n}', start));
    return [...body.matchAll(/^ {2}(\w+)\?:/gm)].map((match) => match[1]);
  }

  function readmeOptions(): string[] {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const section = readme.split(/^## /m).find((part) => part.startsWith('Server options'));
    expect(section, 'README has a "## Server options" section').to.be.a('string');
    return [...(section as string).matchAll(/^\|\s*`(\w+)`\s*\|/gm)].map((match) => match[1]);
  }

  const options = [
    ...interfaceMembers('src/engine/options.ts', 'EngineServerOptions'),
    ...interfaceMembers('src/server.ts', 'ServerOptions'),
  ];

  it('documents every option', () => {
    const listed = new Set(readmeOptions());
    expect(
      options.filter((option) => !listed.has(option)),
      'options missing from the README',
    ).to.deep.equal([]);
  });

  it('documents no option that does not exist, and none twice', () => {
    const rows = readmeOptions();
    expect(
      rows.filter((row) => !options.includes(row)),
      'README rows that are not options',
    ).to.deep.equal([]);
    expect(rows.length, 'duplicate rows').to.equal(new Set(rows).size);
  });
});
