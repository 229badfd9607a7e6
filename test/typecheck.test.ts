import { expect } from 'chai';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

/**
 * Compiles every `*.typecheck.ts` under `test/` (from the sources: this file runs from dist/) in one program and
 * expects no diagnostic in them: the mistakes they show are marked `@ts-expect-error`, so an unused marker (a
 * mistake that did compile) fails the test as well as an unexpected error does.
 */

const root = path.resolve(__dirname, '../..');

/** The type-test files, relative to the repository root. */
function typeTests(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'bench' ? [] : typeTests(relative);
    return entry.name.endsWith('.typecheck.ts') ? [relative] : [];
  });
}

describe('Type tests', function () {
  const files = typeTests('test');
  let diagnosticsOf: (file: string) => string[] = () => [];

  before(function () {
    // One compiler run over every type test: seconds on a quiet machine, minutes on a loaded one.
    this.timeout(300_000);
    const config = ts.readConfigFile(path.join(root, 'tsconfig.json'), (file) => ts.sys.readFile(file));
    const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
    const program = ts.createProgram(
      files.map((file) => path.join(root, file)),
      { ...options, noEmit: true },
    );
    const diagnostics = ts.getPreEmitDiagnostics(program);
    diagnosticsOf = (file) =>
      diagnostics
        .filter((diagnostic) => diagnostic.file === undefined || diagnostic.file.fileName === path.join(root, file))
        .map((diagnostic) => {
          const line = diagnostic.file?.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line;
          return `${line === undefined ? '' : `line ${line + 1}: `}${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
        });
  });

  it('finds the type tests', () => {
    expect(files).to.include.members([
      path.join('test', 'runtime', 'typed-events.typecheck.ts'),
      path.join('test', 'namespace', 'socket-api.typecheck.ts'),
      path.join('test', 'namespace', 'typed-server.typecheck.ts'),
      path.join('test', 'testing', 'typed-test-client.typecheck.ts'),
    ]);
  });

  for (const file of files) {
    it(`compiles ${file} with exactly its expected errors`, () => {
      expect(diagnosticsOf(file)).to.deep.equal([]);
    });
  }
});
