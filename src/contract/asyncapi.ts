import type { ContractType, NamespacePath } from '../../decorators/metadata';
import { ConfigurationError, ERROR_CODES } from '../errors';
import { checkOptionNames } from '../option-names';
import { isPatternPath } from '../namespace/namespace-pattern';
import { describeContract, type ArgumentType, type NamespaceContract, type Registration } from './describe-contract';
import { SchemaCollector, type JsonSchema } from './json-schema';

/**
 * Builds an AsyncAPI 3.0 document from the registered namespace classes, from the server's side: each namespace is
 * a channel, each event a client sends is a `receive` operation and each `@Emits` event a `send` operation, and
 * ack answers are the operations' replies. Socket.IO specifics that AsyncAPI has no words for are spelt as
 * `x-classio-*` extensions, which `classio client-types` reads back:
 * - `x-classio-arguments` on a message: how many arguments the event has; a payload of several is a tuple
 *   (`items` as a list). Without it the event's arguments are not declared.
 * - `x-classio-namespace` on a channel: the namespace path as declared (a pattern, a RegExp's source).
 */

/** Options of `server.asyncapi()`; every one has a default. */
export interface AsyncApiOptions {
  /** `info.title`. Default `'classio server'`. */
  title?: string;
  /** `info.version`, the version of the API. Default `'1.0.0'`. */
  version?: string;
  /** `info.description`. Default: a sentence on how the document maps Socket.IO. */
  description?: string;
  /** AsyncAPI `servers` (host, protocol, pathname, ...), by id. Default: none. */
  servers?: Record<string, Record<string, unknown>>;
  /**
   * AsyncAPI security schemes by guard class name: the operations of a namespace whose connect guards include
   * that guard list the scheme. Default: none, and the guards are only named in the channel's description.
   */
  securitySchemes?: Record<string, Record<string, unknown>>;
}

/** An AsyncAPI document, as plain JSON. */
export type AsyncApiDocument = Record<string, unknown>;

const DEFAULTS: Required<Omit<AsyncApiOptions, 'servers' | 'securitySchemes'>> = {
  title: 'classio server',
  version: '1.0.0',
  description:
    'Socket.IO API: each channel is a namespace, each operation an event. Operations are seen from the server: ' +
    '`receive` for events clients emit, `send` for events the server emits. A reply is the ack answer.',
};

const OPTION_NAMES: readonly string[] = ['title', 'version', 'description', 'servers', 'securitySchemes'];

/** Reserved names: the connect error every namespace may send, and the error an ack may answer with. */
const CONNECT_ERROR = 'connect_error';
const ACK_ERROR_MESSAGE = 'AckError';
const CONNECT_ERROR_MESSAGE = 'ConnectError';
const ERROR_CODE_SCHEMA = 'ClassioErrorCode';
const ACK_ERROR_SCHEMA = 'ClassioAckError';

/** Builds the document of the registrations. */
export function buildAsyncApi(registrations: readonly Registration[], options: AsyncApiOptions = {}): AsyncApiDocument {
  if (options === null || typeof options !== 'object') {
    throw new ConfigurationError('asyncapi() takes an options object');
  }
  checkOptionNames(options, OPTION_NAMES, 'asyncapi()');
  const settings = { ...DEFAULTS, ...options };
  for (const name of ['title', 'version', 'description'] as const) {
    if (typeof settings[name] !== 'string') throw new ConfigurationError(`asyncapi(): ${name} must be a string`);
  }
  const schemes = options.securitySchemes ?? {};
  const schemas = new SchemaCollector();
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const channelIds = new UniqueIds();
  const operationIds = new UniqueIds();
  const usedSchemes = new Set<string>();

  for (const contract of describeContract(registrations)) {
    const channelId = channelIds.take(channelIdOf(contract));
    const channelRef = { $ref: `#/channels/${channelId}` };
    const messages: Record<string, unknown> = {};
    const messageIds = new UniqueIds();
    const messageRef = (id: string) => ({ $ref: `#/channels/${channelId}/messages/${id}` });
    const guardedBy = contract.connectGuards.filter((guard) => schemes[guard] !== undefined);
    for (const guard of guardedBy) usedSchemes.add(guard);
    const security =
      guardedBy.length > 0 ? { security: guardedBy.map((guard) => ({ $ref: `#/components/securitySchemes/${guard}` })) } : {};

    messages[CONNECT_ERROR] = { $ref: `#/components/messages/${CONNECT_ERROR_MESSAGE}` };
    messages.ackError = { $ref: `#/components/messages/${ACK_ERROR_MESSAGE}` };
    messageIds.reserve(CONNECT_ERROR);
    messageIds.reserve('ackError');
    operations[operationIds.take(`${channelId}_send_connect_error`)] = {
      action: 'send',
      channel: channelRef,
      summary: 'The namespace refuses a connection (Socket.IO CONNECT_ERROR).',
      description:
        contract.connectGuards.length > 0
          ? `Sent when a connect guard (${contract.connectGuards.join(', ')}) refuses the handshake's auth payload.`
          : 'Sent when a connect middleware or on_connect refuses the connection.',
      messages: [messageRef(CONNECT_ERROR)],
      ...security,
    };

    for (const received of contract.received) {
      const id = messageIds.take(safeId(received.event));
      messages[id] = eventMessage(received.event, received.args, schemas, `Handled by ${received.label}.`);
      const operation: Record<string, unknown> = {
        action: 'receive',
        channel: channelRef,
        summary: `A client emits "${received.event}".`,
        messages: [messageRef(id)],
        ...security,
      };
      const guards = [...contract.eventGuards, ...received.guards];
      if (guards.length > 0) {
        operation.description = `Guarded by ${guards.join(', ')}: a refusal answers the ack with CLASSIO_ERR_FORBIDDEN.`;
      }
      if (received.reply !== undefined) {
        const replyId = messageIds.take(`${id}_ack`);
        messages[replyId] = eventMessage(`${received.event} (ack)`, [received.reply], schemas, 'The ack answer.');
        operation.reply = { channel: channelRef, messages: [messageRef(replyId), messageRef('ackError')] };
      }
      operations[operationIds.take(`${channelId}_receive_${id}`)] = operation;
    }

    for (const emitted of contract.emitted) {
      const id = messageIds.take(`${safeId(emitted.event)}${contract.received.some((r) => r.event === emitted.event) ? '_sent' : ''}`);
      const args = emitted.payload === null ? [] : [emitted.payload];
      messages[id] = eventMessage(emitted.event, args, schemas, emitted.description);
      const operation: Record<string, unknown> = {
        action: 'send',
        channel: channelRef,
        summary: `The server emits "${emitted.event}".`,
        messages: [messageRef(id)],
        ...security,
      };
      if (emitted.ack !== undefined) {
        const replyId = messageIds.take(`${id}_ack`);
        messages[replyId] = eventMessage(`${emitted.event} (ack)`, [emitted.ack], schemas, "The client's ack answer.");
        operation.reply = { channel: channelRef, messages: [messageRef(replyId)] };
      }
      operations[operationIds.take(`${channelId}_send_${id}`)] = operation;
    }

    channels[channelId] = { ...channelOf(contract), messages };
  }

  const document: AsyncApiDocument = {
    asyncapi: '3.0.0',
    info: { title: settings.title, version: settings.version, description: settings.description },
    defaultContentType: 'application/json',
  };
  if (options.servers !== undefined) document.servers = options.servers;
  document.channels = channels;
  document.operations = operations;
  const securitySchemes = Object.fromEntries([...usedSchemes].map((guard) => [guard, schemes[guard]]));
  document.components = {
    schemas: { ...errorSchemas(), ...schemas.schemas },
    messages: errorMessages(),
    ...(usedSchemes.size > 0 ? { securitySchemes } : {}),
  };
  return document;
}

/** One event's message: its name on the wire, and its arguments as the payload (a tuple when there are several). */
function eventMessage(
  event: string,
  args: readonly (ArgumentType | ContractType)[] | null,
  schemas: SchemaCollector,
  description: string | undefined,
): Record<string, unknown> {
  const message: Record<string, unknown> = { name: event, title: event };
  if (description !== undefined) message.description = description;
  if (args === null) return message;
  message['x-classio-arguments'] = args.length;
  if (args.length === 1) message.payload = schemas.schemaOf(args[0]);
  else if (args.length > 1) {
    const items = args.map((arg) => schemas.schemaOf(arg));
    message.payload = { type: 'array', items, minItems: items.length, maxItems: items.length };
  }
  return message;
}

/** The channel of a namespace: its address, with `{name}` parameters for a `/tenant/:id` pattern. */
function channelOf(contract: NamespaceContract): Record<string, unknown> {
  const { path } = contract;
  const notes = [`Namespace of ${contract.className}.`];
  if (contract.connectGuards.length > 0) {
    notes.push(
      `Connections are checked by ${contract.connectGuards.join(', ')} against the handshake's auth payload ` +
        "(`io(url, { auth })`); a refusal is a connect_error.",
    );
  }
  const channel: Record<string, unknown> = { title: contract.className };
  if (typeof path === 'string' && isPatternPath(path)) {
    const names = path.split('/').filter((segment) => segment.startsWith(':')).map((segment) => segment.slice(1));
    channel.address = path.replace(/(^|\/):([A-Za-z_$][\w$]*)/g, '$1{$2}');
    channel.parameters = Object.fromEntries(names.map((name) => [name, { description: `The namespace's :${name} segment.` }]));
    notes.push(`A dynamic namespace: every name matching ${path} is a namespace of its own.`);
  } else if (typeof path === 'string') {
    channel.address = path;
  } else {
    channel.address = null;
    notes.push(
      path instanceof RegExp
        ? `A dynamic namespace: every name matching ${String(path)}.`
        : 'A dynamic namespace: every name its function accepts.',
    );
  }
  channel.description = notes.join(' ');
  channel['x-classio-namespace'] = namespaceLabel(path, contract.className);
  if (contract.connectGuards.length > 0) channel['x-classio-guards'] = contract.connectGuards;
  return channel;
}

/** A namespace path as text: the path, a RegExp's `/source/flags`, or the class name for a function. */
export function namespaceLabel(path: NamespacePath, className: string): string {
  if (typeof path === 'string') return path;
  return path instanceof RegExp ? String(path) : `(${className})`;
}

function channelIdOf(contract: NamespaceContract): string {
  if (typeof contract.path !== 'string') return safeId(contract.className);
  if (contract.path === '/') return 'root';
  return safeId(contract.path.slice(1).replace(/:/g, ''));
}

/** An id AsyncAPI accepts as a key (`^[A-Za-z0-9_-]+$`). */
function safeId(text: string): string {
  const id = text.replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '');
  return id.length > 0 ? id : 'event';
}

/** Hands out ids, suffixing `_2`, `_3`, ... to one already taken. */
class UniqueIds {
  readonly #taken = new Set<string>();

  reserve(id: string): void {
    this.#taken.add(id);
  }

  take(id: string): string {
    let candidate = id;
    for (let n = 2; this.#taken.has(candidate); n++) candidate = `${id}_${n}`;
    this.#taken.add(candidate);
    return candidate;
  }
}

function errorSchemas(): Record<string, JsonSchema> {
  const codes = Object.keys(ERROR_CODES);
  return {
    [ERROR_CODE_SCHEMA]: {
      type: 'string',
      enum: codes,
      description: `classio's error codes:\n${codes.map((code) => `- ${code}: ${ERROR_CODES[code]}`).join('\n')}`,
    },
    [ACK_ERROR_SCHEMA]: {
      type: 'object',
      description: 'What an ack receives instead of its answer when the event fails (src/errors.ts toAckError).',
      required: ['error'],
      properties: {
        error: {
          type: 'object',
          required: ['code', 'message'],
          properties: {
            code: {
              description: "A classio error code, or the code of an application's own HandlerError.",
              anyOf: [{ $ref: `#/components/schemas/${ERROR_CODE_SCHEMA}` }, { type: 'string' }],
            },
            message: { type: 'string' },
            data: { description: 'Details, e.g. the failing properties of CLASSIO_ERR_VALIDATION.' },
          },
        },
      },
    },
  };
}

function errorMessages(): Record<string, unknown> {
  return {
    [ACK_ERROR_MESSAGE]: {
      name: 'ack error',
      title: 'Error answer of an ack',
      summary: 'What an ack receives instead of its answer when the event fails.',
      'x-classio-arguments': 1,
      payload: { $ref: `#/components/schemas/${ACK_ERROR_SCHEMA}` },
    },
    [CONNECT_ERROR_MESSAGE]: {
      name: CONNECT_ERROR,
      title: 'Connection refused',
      summary: "Socket.IO's CONNECT_ERROR: the client's connect_error listener sees err.message and err.data.",
      'x-classio-arguments': 1,
      payload: {
        type: 'object',
        required: ['message'],
        properties: { message: { type: 'string', examples: ['unauthorized'] }, data: {} },
      },
    },
  };
}
