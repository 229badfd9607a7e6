import { expect } from 'chai';
import { Parser } from '@asyncapi/parser';

/** One parser for the whole run: building it loads the AsyncAPI schemas and rulesets once. */
let parser: Parser | undefined;

/**
 * Parses an AsyncAPI document with `@asyncapi/parser` (schema validation and its ruleset) and fails on any error
 * (severity 0) or warning (severity 1); hints such as "a newer AsyncAPI version exists" are kept out.
 */
export async function expectValidAsyncApi(document: unknown): Promise<void> {
  parser ??= new Parser();
  const { document: parsed, diagnostics } = await parser.parse(JSON.stringify(document));
  const problems = diagnostics
    .filter((diagnostic) => diagnostic.severity <= 1)
    .map((diagnostic) => `${diagnostic.code} at ${diagnostic.path.join('.')}: ${diagnostic.message}`);
  expect(problems).to.deep.equal([]);
  expect(parsed, 'the parser returns a document').to.not.equal(undefined);
}
