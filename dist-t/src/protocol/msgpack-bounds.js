"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MAX_MSGPACK_DEPTH = void 0;
exports.isMsgpackWellFormed = isMsgpackWellFormed;
/**
 * The deepest nesting of arrays and maps a msgpack message may have. socket.io-msgpack-parser decodes recursively:
 * a few hundred kilobytes of `0x91` (an array of one array of one...) overflow the stack, which costs far more
 * than a parse error should. Application payloads nest a handful of levels.
 */
exports.MAX_MSGPACK_DEPTH = 256;
/**
 * Whether `data` is one complete msgpack value whose every declared length fits in the message, no deeper than
 * {@link MAX_MSGPACK_DEPTH}. Checked before socket.io-msgpack-parser sees a message, because its decoder (notepack)
 * trusts lengths: an `ext 32` header declaring 2 GB, six bytes on the wire, makes it allocate that much and copy
 * it byte by byte, which blocks the event loop for minutes. One linear pass, no allocation but the nesting stack.
 */
function isMsgpackWellFormed(data) {
    if (typeof data === 'string')
        return false; // msgpack messages are binary
    const end = data.length;
    let offset = 0;
    // Values still due at each open level; the top level is one value.
    const due = [1];
    while (due.length > 0) {
        if (due[due.length - 1] === 0) {
            due.pop();
            continue;
        }
        due[due.length - 1]--;
        if (offset >= end)
            return false;
        const prefix = data[offset++];
        let children = -1;
        let skip = 0;
        if (prefix < 0x80 || prefix >= 0xe0)
            skip = 0;
        else if (prefix < 0x90)
            children = (prefix & 0x0f) * 2;
        else if (prefix < 0xa0)
            children = prefix & 0x0f;
        else if (prefix < 0xc0)
            skip = prefix & 0x1f;
        else {
            const size = FIXED_SIZE[prefix - 0xc0];
            if (size === INVALID)
                return false;
            if (size >= 0)
                skip = size;
            else {
                const lengthBytes = LENGTH_BYTES[prefix - 0xc0];
                if (offset + lengthBytes > end)
                    return false;
                const length = lengthBytes === 1 ? data[offset] : lengthBytes === 2 ? data.readUInt16BE(offset) : data.readUInt32BE(offset);
                offset += lengthBytes;
                if (size === ARRAY)
                    children = length;
                else if (size === MAP)
                    children = length * 2;
                // ext: a type byte, then the data
                else
                    skip = size === EXT ? length + 1 : length;
            }
        }
        if (children >= 0) {
            // Every value takes at least a byte: more children than bytes left cannot be well formed.
            if (children > end - offset)
                return false;
            if (due.length >= exports.MAX_MSGPACK_DEPTH)
                return false;
            due.push(children);
        }
        else {
            if (offset + skip > end)
                return false;
            offset += skip;
        }
    }
    return offset === end;
}
const INVALID = -1;
/** A length follows: str, bin (the data follows), ext (a type byte and the data follow), array or map. */
const LENGTH = -2;
const EXT = -3;
const ARRAY = -4;
const MAP = -5;
/** For prefixes 0xc0 to 0xdf: the bytes that follow, or how to read what follows. */
const FIXED_SIZE = [
    0, // c0 nil
    INVALID, // c1 never used
    0, // c2 false
    0, // c3 true
    LENGTH, // c4 bin 8
    LENGTH, // c5 bin 16
    LENGTH, // c6 bin 32
    EXT, // c7 ext 8
    EXT, // c8 ext 16
    EXT, // c9 ext 32
    4, // ca float 32
    8, // cb float 64
    1, // cc uint 8
    2, // cd uint 16
    4, // ce uint 32
    8, // cf uint 64
    1, // d0 int 8
    2, // d1 int 16
    4, // d2 int 32
    8, // d3 int 64
    2, // d4 fixext 1 (type byte and data)
    3, // d5 fixext 2
    5, // d6 fixext 4
    9, // d7 fixext 8
    17, // d8 fixext 16
    LENGTH, // d9 str 8
    LENGTH, // da str 16
    LENGTH, // db str 32
    ARRAY, // dc array 16
    ARRAY, // dd array 32
    MAP, // de map 16
    MAP, // df map 32
];
/** For prefixes 0xc0 to 0xdf that announce a length: the size of that length field. */
const LENGTH_BYTES = [
    0, 0, 0, 0, 1, 2, 4, 1, 2, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 4, 2, 4, 2, 4,
];
//# sourceMappingURL=msgpack-bounds.js.map