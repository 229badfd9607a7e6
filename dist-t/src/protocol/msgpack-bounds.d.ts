import type { EngineData } from '../engine/types';
/**
 * The deepest nesting of arrays and maps a msgpack message may have. socket.io-msgpack-parser decodes recursively:
 * a few hundred kilobytes of `0x91` (an array of one array of one...) overflow the stack, which costs far more
 * than a parse error should. Application payloads nest a handful of levels.
 */
export declare const MAX_MSGPACK_DEPTH = 256;
/**
 * Whether `data` is one complete msgpack value whose every declared length fits in the message, no deeper than
 * {@link MAX_MSGPACK_DEPTH}. Checked before socket.io-msgpack-parser sees a message, because its decoder (notepack)
 * trusts lengths: an `ext 32` header declaring 2 GB, six bytes on the wire, makes it allocate that much and copy
 * it byte by byte, which blocks the event loop for minutes. One linear pass, no allocation but the nesting stack.
 */
export declare function isMsgpackWellFormed(data: EngineData): boolean;
