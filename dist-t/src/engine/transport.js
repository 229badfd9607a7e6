"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Transport = void 0;
exports.packetOptions = packetOptions;
/**
 * One way of carrying Engine.IO packets (engine.io `lib/transport.ts`). A transport only moves packets: the
 * session (`EngineSocket`) owns the write buffer, the heartbeat and the upgrade, and is told about everything that
 * happens through its {@link TransportOwner} hooks.
 */
class Transport {
    constructor() {
        /** `open` until `close()` is called; `closed` once closing finished. */
        this.readyState = 'open';
        /** The session this transport reports to; `null` once it has been detached (session closed or upgraded). */
        this.owner = null;
        /** @internal Whether it speaks Engine.IO v3 framing (`allowEIO3`, see `eio3.ts`); set by the server at creation. */
        this.isEio3 = false;
    }
    /**
     * Whether a message handed over now would be written at once, not wait (the test of a volatile message). Polling:
     * a GET is waiting. Websocket: open and nothing queued behind the network.
     */
    get isWritableAtOnce() {
        return this.writable;
    }
    /** Writes one message packet; only called when `writable`. Transports with a cheaper path override it. */
    sendMessage(data, options) {
        this.send([
            options === undefined ? { type: 'message', data } : { type: 'message', data, options: packetOptions(options) },
        ]);
    }
    /**
     * Bytes handed to this transport that have not reached the network yet (websocket: ws's `bufferedAmount`).
     * Polling writes a whole answer at once and holds nothing of its own: 0.
     */
    get bufferedAmount() {
        return 0;
    }
    /**
     * Closes the transport (see {@link CloseMode}) and reports `onTransportClose` when done. An orderly close
     * that is still waiting can be hurried by a second call with another mode.
     */
    close(mode = 'orderly') {
        if (this.readyState === 'closed')
            return;
        if (this.readyState === 'closing' && mode === 'orderly')
            return;
        this.readyState = 'closing';
        this.doClose(mode);
    }
    /** Marks the transport closed and tells the owner (once). */
    finishClose() {
        if (this.readyState === 'closed')
            return;
        this.readyState = 'closed';
        this.owner?.onTransportClose(this);
    }
    reportPacket(packet) {
        this.owner?.onTransportPacket(this, packet);
    }
    reportMessage(data) {
        this.owner?.onTransportMessage(this, data);
    }
    reportError(reason, description) {
        this.owner?.onTransportError(this, reason, description);
    }
    reportDrain() {
        this.owner?.onTransportDrain(this);
    }
}
exports.Transport = Transport;
/** engine.io-parser's packet options (`compress` is required there) of a message's send options. */
function packetOptions(options) {
    return options.compress === false ? NO_COMPRESS : COMPRESS;
}
const NO_COMPRESS = Object.freeze({ compress: false });
const COMPRESS = Object.freeze({ compress: true });
//# sourceMappingURL=transport.js.map