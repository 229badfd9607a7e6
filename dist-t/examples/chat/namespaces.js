"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.RootNamespace = exports.PrivateNamespace = exports.TokenGuard = exports.TestNamespace = exports.RoomMessage = exports.RoomRequest = exports.TextMessage = void 0;
const tsyringe_1 = require("tsyringe");
const class_validator_1 = require("class-validator");
const src_1 = require("../../src");
const services_1 = require("./services");
/** `{ data }`: what Echo and Broadcast send. */
class TextMessage {
}
exports.TextMessage = TextMessage;
__decorate([
    (0, class_validator_1.IsDefined)(),
    __metadata("design:type", Object)
], TextMessage.prototype, "data", void 0);
/** `{ room }`: join, leave, close_room. */
class RoomRequest {
}
exports.RoomRequest = RoomRequest;
__decorate([
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)(),
    __metadata("design:type", String)
], RoomRequest.prototype, "room", void 0);
/** `{ room, data }`: my_room_event. */
class RoomMessage extends RoomRequest {
}
exports.RoomMessage = RoomMessage;
__decorate([
    (0, class_validator_1.IsDefined)(),
    __metadata("design:type", Object)
], RoomMessage.prototype, "data", void 0);
/**
 * `/test`: the example's main namespace. Events whose names have spaces use `@On(...)`; the others use Flask's
 * `on_<event>` method names. One instance serves every client (singleton scope); per-client state lives in the
 * session, which classio keeps per connection.
 */
let TestNamespace = class TestNamespace extends src_1.Namespace {
    constructor(settings, ticker) {
        super();
        this.settings = settings;
        this.ticker = ticker;
    }
    /** 1. Greets the client; the first connection starts the server-wide background task. */
    on_connect() {
        this.ticker.start();
        this.emit('my response', { data: 'Connected', count: 0 });
    }
    /** 2. Echo to the sender. */
    echo(message) {
        this.emit('my response', { data: message.data, count: this.countEvent() });
    }
    /** 3. To every client of the namespace, sender included; at most 20 a second per client (`CLASSIO_ERR_THROTTLED`). */
    broadcast(message) {
        this.emit('my response', { data: message.data, count: this.countEvent() }, (0, src_1.emitOptions)({ broadcast: true }));
    }
    /** 4. */
    on_join(request) {
        this.joinRoom(request.room);
        this.emit('my response', { data: `In rooms: ${this.rooms().join(', ')}`, count: this.countEvent() });
    }
    /** 5. */
    on_leave(request) {
        this.leaveRoom(request.room);
        this.emit('my response', { data: `In rooms: ${this.rooms().join(', ')}`, count: this.countEvent() });
    }
    /** 6. Tells the room, then empties it. */
    on_close_room(request) {
        const count = this.countEvent();
        this.emit('my response', { data: `Room ${request.room} is closing.`, count }, (0, src_1.emitOptions)({ to: request.room }));
        this.closeRoom(request.room);
    }
    /** 7. */
    on_my_room_event(message) {
        this.emit('my response', { data: message.data, count: this.countEvent() }, (0, src_1.emitOptions)({ to: message.room }));
    }
    /** 8. Says goodbye, and disconnects once the client has acknowledged it. */
    async on_disconnect_request() {
        await this.call(this.sid, 'my response', { data: 'Disconnected!', count: this.countEvent() });
        this.disconnect();
    }
    /** 9. The page measures its latency with these. */
    ping() {
        this.emit('my pong');
    }
    /** 10. The client's ack receives the event's own arguments (`ackArgs` answers with several, like Flask's tuple). */
    on_ack(...args) {
        return (0, src_1.ackArgs)(...args);
    }
    /** 11. Fails on purpose, to show the error handler. */
    fail() {
        throw new Error('boom');
    }
    /** The namespace's error handler: the sender learns which event failed and why. */
    reportError(error, context) {
        const message = error instanceof Error ? error.message : String(error);
        this.emit('my error', { event: context.event, message });
    }
    /** 12. */
    on_disconnect(reason) {
        this.settings.log(`client disconnected from /test: ${this.sid} (${reason})`);
    }
    /** The per-connection counter of Flask's example (`session['receive_count']`). */
    countEvent() {
        const count = (this.session.receiveCount ?? 0) + 1;
        this.session.receiveCount = count;
        return count;
    }
};
exports.TestNamespace = TestNamespace;
__decorate([
    (0, src_1.On)('my event'),
    __param(0, (0, src_1.Payload)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [TextMessage]),
    __metadata("design:returntype", void 0)
], TestNamespace.prototype, "echo", null);
__decorate([
    (0, src_1.On)('my broadcast event'),
    (0, src_1.Throttle)({ limit: 20, windowMs: 1000 }),
    __param(0, (0, src_1.Payload)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [TextMessage]),
    __metadata("design:returntype", void 0)
], TestNamespace.prototype, "broadcast", null);
__decorate([
    __param(0, (0, src_1.Payload)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [RoomRequest]),
    __metadata("design:returntype", void 0)
], TestNamespace.prototype, "on_join", null);
__decorate([
    __param(0, (0, src_1.Payload)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [RoomRequest]),
    __metadata("design:returntype", void 0)
], TestNamespace.prototype, "on_leave", null);
__decorate([
    __param(0, (0, src_1.Payload)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [RoomRequest]),
    __metadata("design:returntype", void 0)
], TestNamespace.prototype, "on_close_room", null);
__decorate([
    __param(0, (0, src_1.Payload)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [RoomMessage]),
    __metadata("design:returntype", void 0)
], TestNamespace.prototype, "on_my_room_event", null);
__decorate([
    (0, src_1.On)('my ping'),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", void 0)
], TestNamespace.prototype, "ping", null);
__decorate([
    (0, src_1.On)('my error event'),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", void 0)
], TestNamespace.prototype, "fail", null);
__decorate([
    (0, src_1.OnError)(),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Function]),
    __metadata("design:returntype", void 0)
], TestNamespace.prototype, "reportError", null);
exports.TestNamespace = TestNamespace = __decorate([
    (0, src_1.Namespace)('/test'),
    (0, tsyringe_1.injectable)(),
    __metadata("design:paramtypes", [services_1.ChatSettings,
        services_1.BackgroundTicker])
], TestNamespace);
/** Accepts a connection only when the handshake's auth carries the app's token. */
let TokenGuard = class TokenGuard {
    constructor(settings) {
        this.settings = settings;
    }
    canActivate(context) {
        return context.auth.token === this.settings.token;
    }
};
exports.TokenGuard = TokenGuard;
exports.TokenGuard = TokenGuard = __decorate([
    (0, tsyringe_1.injectable)(),
    __metadata("design:paramtypes", [services_1.ChatSettings])
], TokenGuard);
/** `/private`: only for clients that know the token; anyone else gets connect_error `unauthorized`. */
let PrivateNamespace = class PrivateNamespace extends src_1.Namespace {
    /** Answers the ack with the client's sid. */
    on_whoami() {
        return this.sid;
    }
};
exports.PrivateNamespace = PrivateNamespace;
exports.PrivateNamespace = PrivateNamespace = __decorate([
    (0, src_1.Namespace)('/private'),
    (0, src_1.UseGuards)(TokenGuard),
    (0, tsyringe_1.injectable)()
], PrivateNamespace);
/** `/`: sends every `message` straight back. */
let RootNamespace = class RootNamespace extends src_1.Namespace {
    on_message(...args) {
        this.send(...args);
    }
};
exports.RootNamespace = RootNamespace;
exports.RootNamespace = RootNamespace = __decorate([
    (0, src_1.Namespace)('/'),
    (0, tsyringe_1.injectable)()
], RootNamespace);
//# sourceMappingURL=namespaces.js.map