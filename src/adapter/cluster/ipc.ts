/**
 * The messages between the workers of a Node `cluster` and its primary, for the cluster adapter and the sticky
 * balancer. They travel over the IPC channel `cluster.fork()` opens, mixed with whatever the application sends on
 * it, so every one is an object whose `classio` field names its kind; anything else is the application's and left
 * alone, and a message with the field but the wrong shape is dropped (debug log), never thrown on.
 *
 * Worker to primary: `subscribe` (answered by `ack`), `unsubscribe`, `publish`, `count` (answered by `count` with
 * the number) and `sticky-ready`. Primary to worker: `message` (a publish relayed to a subscriber), `ack`, `count`,
 * and `sticky-connection` with a TCP connection as the IPC handle.
 */

/** The IPC channel carries JSON unless the primary chose `serialization: 'advanced'` (then Buffers stay binary). */
export const isAdvancedSerialization = process.env.NODE_CHANNEL_SERIALIZATION_MODE === 'advanced';

/** A cluster message's payload on the IPC channel: base64 text over JSON, bytes with advanced serialization. */
export type IpcData = string | Uint8Array;

export interface SubscribeMessage {
  classio: 'subscribe';
  uid: string;
  id: number;
  channels: string[];
}
export interface UnsubscribeMessage {
  classio: 'unsubscribe';
  uid: string;
  channels: string[];
}
export interface PublishMessage {
  classio: 'publish';
  uid: string;
  channel: string;
  data: IpcData;
}
export interface CountRequest {
  classio: 'count';
  uid: string;
  id: number;
  channel: string;
}
export interface CloseMessage {
  classio: 'close';
  uid: string;
}
export interface StickyReadyMessage {
  classio: 'sticky-ready';
}

/** What a worker sends to the primary. */
export type WorkerMessage =
  SubscribeMessage | UnsubscribeMessage | PublishMessage | CountRequest | CloseMessage | StickyReadyMessage;

export interface RelayedMessage {
  classio: 'message';
  channel: string;
  data: IpcData;
}
export interface AckMessage {
  classio: 'ack';
  uid: string;
  id: number;
}
export interface CountAnswer {
  classio: 'count';
  uid: string;
  id: number;
  count: number;
}
export interface StickyConnectionMessage {
  classio: 'sticky-connection';
  /** The bytes the primary read to find the cookie (base64), which the worker must parse first; '' for none. */
  head: string;
}

/** What the primary sends to a worker. */
export type PrimaryMessage = RelayedMessage | AckMessage | CountAnswer | StickyConnectionMessage;

/** The kind of a classio IPC message, or undefined for a message of the application (or garbage). */
export function kindOf(message: unknown): string | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const kind = (message as { classio?: unknown }).classio;
  return typeof kind === 'string' ? kind : undefined;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function isData(value: unknown): value is IpcData {
  return typeof value === 'string' || value instanceof Uint8Array;
}

/** The message as a well-formed worker message, or undefined. */
export function checkWorkerMessage(message: unknown): WorkerMessage | undefined {
  const m = message as Record<string, unknown>;
  switch (kindOf(message)) {
    case 'publish':
      return typeof m.uid === 'string' && typeof m.channel === 'string' && isData(m.data)
        ? (m as unknown as PublishMessage)
        : undefined;
    case 'subscribe':
      return typeof m.uid === 'string' && Number.isInteger(m.id) && isStringArray(m.channels)
        ? (m as unknown as SubscribeMessage)
        : undefined;
    case 'unsubscribe':
      return typeof m.uid === 'string' && isStringArray(m.channels) ? (m as unknown as UnsubscribeMessage) : undefined;
    case 'count':
      return typeof m.uid === 'string' && Number.isInteger(m.id) && typeof m.channel === 'string'
        ? (m as unknown as CountRequest)
        : undefined;
    case 'close':
      return typeof m.uid === 'string' ? (m as unknown as CloseMessage) : undefined;
    case 'sticky-ready':
      return m as unknown as StickyReadyMessage;
    default:
      return undefined;
  }
}

/** The message as a well-formed message for the cluster link, or undefined. */
export function checkPrimaryMessage(message: unknown): RelayedMessage | AckMessage | CountAnswer | undefined {
  const m = message as Record<string, unknown>;
  switch (kindOf(message)) {
    case 'message':
      return typeof m.channel === 'string' && isData(m.data) ? (m as unknown as RelayedMessage) : undefined;
    case 'ack':
      return typeof m.uid === 'string' && Number.isInteger(m.id) ? (m as unknown as AckMessage) : undefined;
    case 'count':
      return typeof m.uid === 'string' && Number.isInteger(m.id) && Number.isInteger(m.count)
        ? (m as unknown as CountAnswer)
        : undefined;
    default:
      return undefined;
  }
}

/** The bytes of a payload, as it arrived in either serialization. */
export function toBuffer(data: IpcData): Buffer {
  return typeof data === 'string'
    ? Buffer.from(data, 'base64')
    : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}

/** A payload for the IPC channel of this process. */
export function fromBuffer(data: Buffer): IpcData {
  return isAdvancedSerialization ? data : data.toString('base64');
}

/**
 * The callback of every IPC send: a channel that closed in between (the other side died) is reported to it rather
 * than as an `error` event, which would take the process down when nobody listens. One shared function, so a send
 * allocates no closure.
 */
export function ignoreSendError(): void {}
