import { type Packet } from 'engine.io-parser';
import type { WebSocket } from 'ws';
import { Transport, type CloseMode } from '../transport';
import type { EngineData, SendOptions, TransportName } from '../types';
import type { MessageDeflate } from './deflate';
/**
 * The websocket transport over a `ws` socket: one Engine.IO packet per frame, binary messages as binary frames.
 * The frame size limit is `ws`'s `maxPayload` (set from `maxHttpBufferSize` on the server); going over it ends the
 * session with `message too large`.
 *
 * Messages are written as whole WebSocket frames built here, in one buffer each, and the last frame built is
 * kept: a broadcast hands the same encoded string to every recipient, so the frame is built once and written N
 * times, which is all a fan-out costs beyond the system calls.
 *
 * With permessage-deflate negotiated (`perMessageDeflate`), a message of at least `threshold` bytes not flagged
 * `compress: false` is compressed: without server context takeover, into a frame built here once per message and
 * shared by every recipient (see `SharedDeflater`); with context takeover, by `ws` on the connection's own zlib
 * stream, and then every write of the connection goes through `ws`, which keeps them in order while it compresses.
 *
 * Writes take no callback: like `ws.send`, a write is always accepted and waits in the socket's buffer, which the
 * session bounds through {@link bufferedAmount} (`maxBufferedBytes`), so the transport is writable whenever it is
 * open and never reports a drain.
 *
 * The first message of a tick is written at once (a reply costs no waiting); the ones that follow in the same tick
 * (a burst of broadcasts arriving from Redis together, a handler emitting several events) are gathered and written
 * with one system call at the end of the tick, instead of one each.
 */
export declare class WebSocketTransport extends Transport {
    #private;
    readonly name: TransportName;
    readonly isBatchedPerTick = false;
    constructor(socket: WebSocket, deflate?: MessageDeflate | null);
    get writable(): boolean;
    get bufferedAmount(): number;
    /**
     * Past its buffer, a websocket cannot write at once: bytes wait in Node or in ws (the kernel took no more, or ws
     * is still compressing), so a volatile message is dropped. Frames gathered in this tick are not waiting: they
     * are written at the end of it.
     */
    get isWritableAtOnce(): boolean;
    /** Whether permessage-deflate was negotiated on this connection. */
    get isCompressing(): boolean;
    send(packets: Packet[]): void;
    sendMessage(data: EngineData, options?: SendOptions): void;
    protected doClose(_mode: CloseMode): void;
}
