#!/usr/bin/env node
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { AsyncApiDocument, AsyncApiOptions } from './asyncapi';
import { buildClientTypes } from './client-types';

/**
 * The `classio` command: writes the API contract of an application's server to stdout.
 *
 *   classio asyncapi <entry> [--export NAME] [--title T] [--api-version V]   > asyncapi.json
 *   classio client-types <entry> [--export NAME]                             > events.d.ts
 *
 * `<entry>` is a module Node can require (compiled JavaScript, CommonJS or ESM without top-level await; a `.ts`
 * entry through a loader such as `NODE_OPTIONS='--import tsx'`). Its export `--export NAME`, else its default
 * export, else its `server` export, else the module itself, is the server: a classio `Server`, an object with a
 * `server` property (an app), or a function, sync or async, that returns either. The server is only asked for its
 * `asyncapi()`: the entry registers its namespaces and must not listen; the command exits once it has written.
 * Exit codes: 0 written, 1 the entry failed or gave no server, 2 a usage mistake.
 */

const USAGE = `Usage:
  classio asyncapi <entry> [--export NAME] [--title TITLE] [--api-version VERSION]   AsyncAPI 3.0 JSON
  classio client-types <entry> [--export NAME]                                      socket.io-client .d.ts

<entry> exports the server: a classio Server, an app with a \`server\`, or a function returning either
(default export, else \`server\`, else the module; --export NAME picks another). It must not listen.`;

/** What the command needs of a server: duck-typed, since the entry may load another copy of classio. */
interface ContractSource {
  asyncapi(options?: AsyncApiOptions): AsyncApiDocument;
}

class UsageMistake extends Error {}

function isContractSource(value: unknown): value is ContractSource {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as Record<string, unknown>).asyncapi === 'function'
  );
}

/** The server an entry's export stands for, calling it if it is a factory. */
async function serverOf(value: unknown, depth = 0): Promise<ContractSource | null> {
  const settled: unknown = await value;
  if (isContractSource(settled)) return settled;
  if (typeof settled === 'function' && depth === 0) return serverOf((settled as () => unknown)(), depth + 1);
  if (typeof settled === 'object' && settled !== null && 'server' in settled && depth < 2) {
    return serverOf((settled as { server: unknown }).server, depth + 1);
  }
  return null;
}

async function loadServer(entry: string, exportName: string | undefined): Promise<ContractSource> {
  const file = resolve(process.cwd(), entry);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the entry is known only at run time
  const module = require(file) as Record<string, unknown>;
  const candidates =
    exportName !== undefined ? [module[exportName]] : [module.default, module.server, module].filter((v) => v !== undefined);
  if (exportName !== undefined && module[exportName] === undefined) {
    throw new Error(`${entry} has no export named ${exportName}`);
  }
  for (const candidate of candidates) {
    const server = await serverOf(candidate);
    if (server !== null) return server;
  }
  throw new Error(
    `${entry} exports no classio server: export a Server, an app with a \`server\`, or a function returning either ` +
      '(the default export, `server`, or --export NAME)',
  );
}

async function main(argv: readonly string[]): Promise<string> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        export: { type: 'string' },
        title: { type: 'string' },
        'api-version': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageMistake(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help === true) return `${USAGE}\n`;
  const [command, entry, ...rest] = positionals;
  if ((command !== 'asyncapi' && command !== 'client-types') || entry === undefined || rest.length > 0) {
    throw new UsageMistake(command === undefined ? 'no command given' : `cannot run "${positionals.join(' ')}"`);
  }
  const options: AsyncApiOptions = {};
  if (values.title !== undefined) options.title = values.title;
  if (values['api-version'] !== undefined) options.version = values['api-version'];
  const document = (await loadServer(entry, values.export)).asyncapi(options);
  return command === 'asyncapi' ? `${JSON.stringify(document, null, 2)}\n` : buildClientTypes(document);
}

main(process.argv.slice(2)).then(
  // An entry may leave handles open (an unlistened HTTP server, a timer): the command ends once stdout is written.
  (output) => process.stdout.write(output, () => process.exit(0)),
  (error: unknown) => {
    const isUsage = error instanceof UsageMistake;
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`classio: ${message}\n${isUsage ? `\n${USAGE}\n` : ''}`, () => process.exit(isUsage ? 2 : 1));
  },
);
