import { expect } from 'chai';
import * as path from 'node:path';
import * as ts from 'typescript';

/**
 * Compiles `typed-events.typecheck.ts` (from the sources: this file runs from dist/) and expects no diagnostic: the
 * wrong event names and payloads there are marked `@ts-expect-error`, so an unused marker (a mistake that did
 * compile) fails the test as well as an unexpected error does.
 */
describe('Typed events', () => {
  it('rejects wrong event names and payloads at compile time', function () {
    this.timeout(60_000);
    const root = path.resolve(__dirname, '../../..');
    const file = path.join(root, 'test/runtime/typed-events.typecheck.ts');
    const config = ts.readConfigFile(path.join(root, 'tsconfig.json'), (name) => ts.sys.readFile(name));
    const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
    const program = ts.createProgram([file], { ...options, noEmit: true });
    const diagnostics = ts
      .getPreEmitDiagnostics(program)
      .filter((diagnostic) => diagnostic.file === undefined || diagnostic.file.fileName === file)
      .map((diagnostic) => {
        const line = diagnostic.file?.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line;
        return `${line === undefined ? '' : `line ${line + 1}: `}${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
      });
    expect(diagnostics).to.deep.equal([]);
  });
});
