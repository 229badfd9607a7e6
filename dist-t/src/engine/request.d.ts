import { type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { ProtocolError } from '../errors';
/** The Engine.IO query of a request (`EIO`, `transport`, `sid`); absent parameters are `null`. */
export interface EngineQuery {
    readonly EIO: string | null;
    readonly transport: string | null;
    readonly sid: string | null;
}
/** Parses the query once per request and keeps it on the request (the upgrade callback reads it again). */
export declare function parseQuery(req: IncomingMessage): EngineQuery;
/** Whether an Origin header holds characters a header may not (the reference answers code 3). */
export declare function isOriginInvalid(origin: string | undefined): boolean;
/** Protocol v4, and v3 when `allowEIO3`: a missing or any other `EIO` is error 5 (as in the reference). */
export declare function checkProtocol(query: EngineQuery, allowEIO3: boolean): ProtocolError | null;
/** The refusal of an `allowRequest` that threw or rejected: code 4, with the error's message when it has one. */
export declare function forbidden(err: unknown): ProtocolError;
/** Answers a refused HTTP request as the reference does: status 400 (403 for code 4) and `{code, message}`. */
export declare function writeRefusal(res: ServerResponse, error: ProtocolError): void;
/**
 * Refuses an upgrade on the raw socket. The reference always writes `400 Bad Request` with the message as text;
 * this sends the same status and JSON body an HTTP request would get, which says more and breaks no client.
 */
export declare function writeUpgradeRefusal(socket: Duplex, error: ProtocolError): void;
