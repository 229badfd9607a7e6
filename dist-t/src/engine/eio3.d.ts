import type { Packet } from 'engine.io-parser';
/** A v3 polling payload (text): every packet as `<length>:<packet>`. */
export declare function encodePayloadV3(packets: readonly Packet[]): string;
/**
 * Decodes a v3 text payload. Like engine.io-parser's v4 `decodePayload`, a malformed payload ends in an `error`
 * packet (after the sound packets before it), which closes the session with `parse error`.
 */
export declare function decodePayloadV3(payload: string): Packet[];
/**
 * Decodes a v3 binary payload (a POST of `application/octet-stream`): each packet is a marker byte (0 text, 1
 * binary), its length as one byte per decimal digit, 0xff, then the packet: UTF-8 text with its type digit, or the
 * type as a byte followed by the binary data.
 */
export declare function decodeBinaryPayloadV3(body: Buffer): Packet[];
/** A binary message as a v3 websocket frame's payload: the message type byte, then the bytes. */
export declare function frameBinaryV3(data: Buffer): Buffer;
/** The bytes of a binary v3 websocket frame after its type byte, or null when it is not a message. */
export declare function unframeBinaryV3(frame: Buffer): Buffer | null;
