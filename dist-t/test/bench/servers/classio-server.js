"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ThrottledEcho = exports.InterceptedEcho = exports.ValidatedEcho = exports.DecoratedEcho = exports.EchoPayload = void 0;
exports.startClassioPeer = startClassioPeer;
require("reflect-metadata");
const class_validator_1 = require("class-validator");
const tsyringe_1 = require("tsyringe");
const src_1 = require("../../../src");
const msgpackParser = __importStar(require("socket.io-msgpack-parser"));
const server_1 = require("../../../examples/chat/server");
const control_1 = require("./control");
const observability_options_1 = require("./observability-options");
const GREETING = { data: 'Connected', count: 0 };
/** The payload of `echo`, validated in the `dto` variant. */
class EchoPayload {
}
exports.EchoPayload = EchoPayload;
__decorate([
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(1000),
    __metadata("design:type", String)
], EchoPayload.prototype, "data", void 0);
/** Workload 7, decorated method without a DTO: the payload arrives as the client sent it. */
let DecoratedEcho = class DecoratedEcho extends src_1.Namespace {
    on_connect() {
        this.emit('my response', GREETING);
    }
    echo(payload) {
        return payload;
    }
};
exports.DecoratedEcho = DecoratedEcho;
__decorate([
    (0, src_1.On)('echo'),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", Object)
], DecoratedEcho.prototype, "echo", null);
exports.DecoratedEcho = DecoratedEcho = __decorate([
    (0, src_1.Namespace)('/test'),
    (0, tsyringe_1.injectable)()
], DecoratedEcho);
/** Workload 7, decorated method with a validated DTO. */
let ValidatedEcho = class ValidatedEcho extends src_1.Namespace {
    on_connect() {
        this.emit('my response', GREETING);
    }
    echo(payload) {
        return payload;
    }
};
exports.ValidatedEcho = ValidatedEcho;
__decorate([
    (0, src_1.On)('echo'),
    __param(0, (0, src_1.Payload)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [EchoPayload]),
    __metadata("design:returntype", EchoPayload)
], ValidatedEcho.prototype, "echo", null);
exports.ValidatedEcho = ValidatedEcho = __decorate([
    (0, src_1.Namespace)('/test'),
    (0, tsyringe_1.injectable)()
], ValidatedEcho);
/** A pass-through interceptor: what one interceptor costs around a synchronous handler. */
class PassThrough {
    intercept(_context, next) {
        return next.handle();
    }
}
/** Workload 12, the decorated method inside one interceptor. */
let InterceptedEcho = class InterceptedEcho extends src_1.Namespace {
    on_connect() {
        this.emit('my response', GREETING);
    }
    echo(payload) {
        return payload;
    }
};
exports.InterceptedEcho = InterceptedEcho;
__decorate([
    (0, src_1.On)('echo'),
    (0, src_1.UseInterceptors)(PassThrough),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", Object)
], InterceptedEcho.prototype, "echo", null);
exports.InterceptedEcho = InterceptedEcho = __decorate([
    (0, src_1.Namespace)('/test'),
    (0, tsyringe_1.injectable)()
], InterceptedEcho);
/** Workload 12, the decorated method with a throttle that never refuses (the counting is the cost). */
let ThrottledEcho = class ThrottledEcho extends src_1.Namespace {
    on_connect() {
        this.emit('my response', GREETING);
    }
    echo(payload) {
        return payload;
    }
};
exports.ThrottledEcho = ThrottledEcho;
__decorate([
    (0, src_1.On)('echo'),
    (0, src_1.Throttle)({ limit: Number.MAX_SAFE_INTEGER, windowMs: 1000 }),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", Object)
], ThrottledEcho.prototype, "echo", null);
exports.ThrottledEcho = ThrottledEcho = __decorate([
    (0, src_1.Namespace)('/test'),
    (0, tsyringe_1.injectable)()
], ThrottledEcho);
function greet(socket) {
    socket.emit('my response', GREETING);
}
/** Workload 7's hand-written baseline: a Socket.IO-style listener on each socket. */
function onSocketOnConnection(socket) {
    greet(socket);
    socket.on('echo', (payload, ack) => ack(payload));
}
/** The msgpack-echo baseline: `ack` answers with its arguments, as the Socket.IO peer's listener does. */
function onMsgpackConnection(socket) {
    greet(socket);
    socket.on('ack', (...args) => {
        const ack = args.pop();
        if (typeof ack === 'function')
            ack(...args);
    });
}
/** Builds the classio server of a variant, listening on 127.0.0.1:`port`. */
async function startClassioPeer(variant, port = 0) {
    if (variant === 'app' || variant === 'app-recovery') {
        // `app-recovery`: the same app with connectionStateRecovery on (its defaults), for the recovery workload.
        const server = variant === 'app-recovery' ? { connectionStateRecovery: {} } : {};
        const app = (0, server_1.createChatApp)({ port, host: '127.0.0.1', backgroundIntervalMs: 0, log: () => undefined, server });
        const address = await app.listen();
        return { port: address.port, close: () => app.close() };
    }
    // The msgpack variant is the socket-on baseline with socket.io-msgpack-parser (the msgpack-echo workload).
    const server = new src_1.Server({
        cors: { origin: '*' },
        parser: variant === 'msgpack' ? msgpackParser : undefined,
        ...(0, observability_options_1.observabilityOptions)(variant),
    });
    const test = server.of('/test');
    switch (variant) {
        case 'socket-on':
            test.on('connection', onSocketOnConnection);
            break;
        case 'msgpack':
            test.on('connection', onMsgpackConnection);
            break;
        case 'plain':
            test.on('connection', greet);
            server.on('echo', (payload) => payload, { namespace: '/test' });
            break;
        case 'decorated':
        case 'metrics':
        case 'tracing':
            server.register(DecoratedEcho);
            break;
        case 'dto':
            server.register(ValidatedEcho);
            break;
        case 'intercepted':
            server.register(InterceptedEcho);
            break;
        case 'throttled':
            server.register(ThrottledEcho);
            break;
        default:
            throw new Error(`unknown classio variant '${String(variant)}' (app, socket-on, plain, decorated, dto, msgpack, metrics, tracing, intercepted, throttled)`);
    }
    const httpServer = await server.listen(port, '127.0.0.1');
    return { port: (0, control_1.portOf)(httpServer), close: () => server.close() };
}
if (require.main === module) {
    const variant = (process.argv[2] ?? 'app');
    void (0, control_1.runPeer)(`classio ${variant}`, (port) => startClassioPeer(variant, port));
}
//# sourceMappingURL=classio-server.js.map