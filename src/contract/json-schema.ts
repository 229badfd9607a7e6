import type { Class, ContractType } from '../../decorators/metadata';
import { ConfigurationError } from '../errors';

/**
 * JSON Schemas of contract types. DTO classes are described by class-validator-jsonschema from class-validator's
 * metadata, with class-transformer's `@Type()` metadata for nested DTOs: the same decorators that validate the
 * payloads describe them, so the document cannot say something the server does not check. The library is an
 * optional peer, loaded when a document is first asked for: a server that never writes one never loads it.
 */

/** A JSON Schema (the AsyncAPI schema format is a superset of draft 07). */
export type JsonSchema = Record<string, unknown>;

/** Where DTO schemas live in the document. */
export const SCHEMA_REF_PREFIX = '#/components/schemas/';

interface JsonSchemaPeer {
  validationMetadatasToSchemas(options: {
    classTransformerMetadataStorage?: unknown;
    refPointerPrefix: string;
  }): Record<string, JsonSchema>;
}

function loadPeer(): JsonSchemaPeer {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- an optional peer, loaded only when asked for
    return require('class-validator-jsonschema') as JsonSchemaPeer;
  } catch (error) {
    throw new ConfigurationError(
      'the AsyncAPI document and the client types need the optional peer dependency class-validator-jsonschema, ' +
        'which is not installed: npm install --save-dev class-validator-jsonschema',
      { cause: error },
    );
  }
}

function loadTransformerStorage(): unknown {
  // The storage class-transformer's `@Type()` writes to; its path is the one payload-validator-instance.ts reads.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a peer's internal module, loaded on demand
  return (require('class-transformer/cjs/storage') as { defaultMetadataStorage: unknown }).defaultMetadataStorage;
}

/**
 * Builds the schemas of the types it is given, and collects the DTO schemas they reference (nested DTOs
 * included) for `components.schemas`. DTOs are named by class name, as class-validator-jsonschema names them: two
 * DTO classes of one name share one schema.
 */
export class SchemaCollector {
  readonly #all: Record<string, JsonSchema>;
  readonly #used = new Map<string, JsonSchema>();

  constructor() {
    this.#all = loadPeer().validationMetadatasToSchemas({
      classTransformerMetadataStorage: loadTransformerStorage(),
      refPointerPrefix: SCHEMA_REF_PREFIX,
    });
  }

  /** The schema of a contract type; undefined means any value. */
  schemaOf(type: ContractType | undefined): JsonSchema {
    if (type === undefined || type === Object) return {};
    if (type === String) return { type: 'string' };
    if (type === Number) return { type: 'number' };
    if (type === Boolean) return { type: 'boolean' };
    if (Array.isArray(type)) return { type: 'array', items: this.schemaOf((type as readonly [ContractType])[0]) };
    this.#use((type as Class<unknown>).name);
    return { $ref: `${SCHEMA_REF_PREFIX}${(type as Class<unknown>).name}` };
  }

  /** The DTO schemas referenced so far, by name, sorted. */
  get schemas(): Record<string, JsonSchema> {
    return Object.fromEntries([...this.#used].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }

  #use(name: string): void {
    if (this.#used.has(name)) return;
    // A class without class-validator decorators has no schema of its own: any object.
    const schema = this.#all[name] ?? { type: 'object', description: `${name} (no class-validator decorators)` };
    this.#used.set(name, schema);
    for (const ref of referencesOf(schema)) this.#use(ref);
  }
}

/** The DTO names a schema references (`$ref` to `components.schemas`), at any depth. */
function referencesOf(schema: unknown): string[] {
  if (schema === null || typeof schema !== 'object') return [];
  if (Array.isArray(schema)) return schema.flatMap(referencesOf);
  const refs: string[] = [];
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$ref' && typeof value === 'string' && value.startsWith(SCHEMA_REF_PREFIX)) {
      refs.push(value.slice(SCHEMA_REF_PREFIX.length));
    } else refs.push(...referencesOf(value));
  }
  return refs;
}
