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
const chai_1 = require("chai");
const class_validator_1 = require("class-validator");
const class_transformer_1 = require("class-transformer");
const errors_1 = require("../../src/errors");
const src_1 = require("../../src");
const payload_validator_1 = require("../../src/runtime/payload-validator");
const io_1 = require("../support/io");
const support_1 = require("./support");
class Author {
}
__decorate([
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], Author.prototype, "name", void 0);
class ChatMessage {
    describe() {
        return `${this.author.name}: ${this.text} (${this.priority})`;
    }
}
__decorate([
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Length)(1, 20),
    __metadata("design:type", String)
], ChatMessage.prototype, "text", void 0);
__decorate([
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(0),
    __metadata("design:type", Number)
], ChatMessage.prototype, "priority", void 0);
__decorate([
    (0, class_validator_1.ValidateNested)(),
    (0, class_transformer_1.Type)(() => Author),
    __metadata("design:type", Author)
], ChatMessage.prototype, "author", void 0);
/** Self-referential: class-transformer and class-validator recurse once per level of the payload. */
class Comment {
}
__decorate([
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], Comment.prototype, "text", void 0);
__decorate([
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.ValidateNested)(),
    (0, class_transformer_1.Type)(() => Comment),
    __metadata("design:type", Comment)
], Comment.prototype, "reply", void 0);
/** A thread of `depth` levels, the payload itself being the first. */
function thread(depth) {
    let comment = { text: `c${depth}` };
    for (let i = depth - 1; i > 0; i--)
        comment = { text: `c${i}`, reply: comment };
    return comment;
}
/** Flat, without class-transformer decorators: compiled instantiation and checks apply. */
class Note {
    shout() {
        return this.text.toUpperCase();
    }
}
__decorate([
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Length)(1, 20),
    __metadata("design:type", String)
], Note.prototype, "text", void 0);
__decorate([
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(0),
    __metadata("design:type", Number)
], Note.prototype, "priority", void 0);
/** An async constraint: its DTO goes through class-validator's `validate`, and the handler becomes async. */
let IsKnownRoom = class IsKnownRoom {
    validate(value) {
        return Promise.resolve(value === 'lobby');
    }
};
IsKnownRoom = __decorate([
    (0, class_validator_1.ValidatorConstraint)({ name: 'isKnownRoom', async: true })
], IsKnownRoom);
class Join {
}
__decorate([
    (0, class_validator_1.Validate)(IsKnownRoom),
    __metadata("design:type", String)
], Join.prototype, "room", void 0);
for (const mode of support_1.MODES) {
    describe(`Payload validation (${mode.name})`, () => {
        let server;
        const clients = new io_1.ClientPool();
        (0, support_1.useRuntimeServer)(clients, (started) => ({ server } = started));
        let Chat = class Chat extends src_1.Namespace {
            on_chat(message, sid) {
                return { text: message.describe(), isInstance: message instanceof ChatMessage, sid };
            }
        };
        __decorate([
            __param(0, (0, src_1.Payload)()),
            __param(1, (0, src_1.Sid)()),
            __metadata("design:type", Function),
            __metadata("design:paramtypes", [ChatMessage, String]),
            __metadata("design:returntype", void 0)
        ], Chat.prototype, "on_chat", null);
        Chat = __decorate([
            (0, src_1.Namespace)('/chat')
        ], Chat);
        it('transforms a valid payload into the DTO class', async () => {
            (0, support_1.register)(server, Chat);
            const client = await clients.connect(server, '/chat', mode);
            const answer = await (0, support_1.request)(client, 'chat', { text: 'hi', priority: 1, author: { name: 'ada' } });
            (0, chai_1.expect)(answer).to.deep.equal({ text: 'ada: hi (1)', isInstance: true, sid: client.id });
        });
        it('answers the ack with a ValidationError naming every failing property', async () => {
            (0, support_1.register)(server, Chat);
            const client = await clients.connect(server, '/chat', mode);
            const answer = await (0, support_1.request)(client, 'chat', { text: '', priority: -1, author: { name: 7 } });
            (0, chai_1.expect)(answer.error.code).to.equal('CLASSIO_ERR_VALIDATION');
            (0, chai_1.expect)(answer.error.message).to.equal('invalid payload for event "chat": expected a valid ChatMessage; failing: text, priority, author.name');
            (0, chai_1.expect)(answer.error.data).to.deep.equal([
                { property: 'text', constraints: { isLength: 'text must be longer than or equal to 1 characters' } },
                { property: 'priority', constraints: { min: 'priority must not be less than 0' } },
                { property: 'author.name', constraints: { isString: 'name must be a string' } },
            ]);
        });
        it('refuses a payload that is not an object', async () => {
            (0, support_1.register)(server, Chat);
            const client = await clients.connect(server, '/chat', mode);
            const answer = await (0, support_1.request)(client, 'chat', 'just text');
            (0, chai_1.expect)(answer.error.code).to.equal('CLASSIO_ERR_VALIDATION');
            (0, chai_1.expect)(answer.error.data[0].constraints).to.have.property('unknownValue');
        });
        it('sends a validation failure without an ack to the error handler, never to the handler', async () => {
            let handled = 0;
            let Chat2 = class Chat2 extends src_1.Namespace {
                on_chat(message) {
                    handled++;
                    return message.text;
                }
                invalid(error, context) {
                    context.socket.emit('invalid', context.event, error.data);
                }
            };
            __decorate([
                __param(0, (0, src_1.Payload)()),
                __metadata("design:type", Function),
                __metadata("design:paramtypes", [ChatMessage]),
                __metadata("design:returntype", void 0)
            ], Chat2.prototype, "on_chat", null);
            __decorate([
                (0, src_1.OnError)(errors_1.ValidationError),
                __metadata("design:type", Function),
                __metadata("design:paramtypes", [errors_1.ValidationError, Function]),
                __metadata("design:returntype", void 0)
            ], Chat2.prototype, "invalid", null);
            Chat2 = __decorate([
                (0, src_1.Namespace)('/chat2')
            ], Chat2);
            (0, support_1.register)(server, Chat2);
            const client = await clients.connect(server, '/chat2', mode);
            const invalid = (0, io_1.nextEvent)(client, 'invalid');
            client.emit('chat', { text: 'x', priority: 'high', author: { name: 'ada' } });
            const [event, data] = await invalid;
            (0, chai_1.expect)(event).to.equal('chat');
            (0, chai_1.expect)(data.map((violation) => violation.property)).to.deep.equal(['priority']);
            (0, chai_1.expect)(handled).to.equal(0);
        });
        describe('with a payload nested past 128 levels', () => {
            let Comments = class Comments extends src_1.Namespace {
                on_comment(comment) {
                    let depth = 0;
                    for (let node = comment; node !== undefined; node = node.reply)
                        depth++;
                    return { depth, isInstance: comment instanceof Comment };
                }
                on_note(note) {
                    return note.shout();
                }
            };
            __decorate([
                __param(0, (0, src_1.Payload)()),
                __metadata("design:type", Function),
                __metadata("design:paramtypes", [Comment]),
                __metadata("design:returntype", void 0)
            ], Comments.prototype, "on_comment", null);
            __decorate([
                __param(0, (0, src_1.Payload)()),
                __metadata("design:type", Function),
                __metadata("design:paramtypes", [Note]),
                __metadata("design:returntype", void 0)
            ], Comments.prototype, "on_note", null);
            Comments = __decorate([
                (0, src_1.Namespace)('/comments')
            ], Comments);
            it('accepts a self-referential DTO nested exactly 128 levels deep', async () => {
                (0, support_1.register)(server, Comments);
                const client = await clients.connect(server, '/comments', mode);
                (0, chai_1.expect)(await (0, support_1.request)(client, 'comment', thread(128))).to.deep.equal({ depth: 128, isInstance: true });
            });
            const tooDeep = [
                ['a thread of 129 levels', 'comment', 'Comment', thread(129)],
                ['a thread of 1000 levels', 'comment', 'Comment', thread(1000)],
                ['129 levels under a DTO on the compiled path', 'note', 'Note', { text: 'hi', extra: thread(128) }],
            ];
            for (const [name, event, dtoName, payload] of tooDeep) {
                it(`answers ${name} with a ValidationError naming the limit`, async () => {
                    (0, support_1.register)(server, Comments);
                    const client = await clients.connect(server, '/comments', mode);
                    (0, chai_1.expect)(await (0, support_1.request)(client, event, payload)).to.deep.equal({
                        error: {
                            code: 'CLASSIO_ERR_VALIDATION',
                            message: `invalid payload for event "${event}": expected a valid ${dtoName}; failing: (payload)`,
                            data: [{ property: '', constraints: { maxDepth: 'payload must not nest deeper than 128 levels' } }],
                        },
                    });
                });
            }
        });
        describe('with a DTO on the compiled path', () => {
            let Notes = class Notes extends src_1.Namespace {
                on_note(note) {
                    const blob = note.blob;
                    const keys = Object.keys(note);
                    return { text: note.shout(), isInstance: note instanceof Note, keys, hasBuffer: Buffer.isBuffer(blob) };
                }
            };
            __decorate([
                __param(0, (0, src_1.Payload)()),
                __metadata("design:type", Function),
                __metadata("design:paramtypes", [Note]),
                __metadata("design:returntype", void 0)
            ], Notes.prototype, "on_note", null);
            Notes = __decorate([
                (0, src_1.Namespace)('/notes')
            ], Notes);
            it("hands the handler an instance holding the payload's own properties", async () => {
                (0, support_1.register)(server, Notes);
                const client = await clients.connect(server, '/notes', mode);
                const answer = await (0, support_1.request)(client, 'note', { text: 'hi', priority: 2, extra: { tags: ['a'] } });
                const keys = ['text', 'priority', 'extra'];
                (0, chai_1.expect)(answer).to.deep.equal({ text: 'HI', isInstance: true, keys, hasBuffer: false });
            });
            it('copies a binary attachment as plainToInstance does', async () => {
                (0, support_1.register)(server, Notes);
                const client = await clients.connect(server, '/notes', mode);
                const answer = await (0, support_1.request)(client, 'note', { text: 'hi', blob: Buffer.from([1, 2]) });
                (0, chai_1.expect)(answer).to.deep.equal({ text: 'HI', isInstance: true, keys: ['text', 'blob'], hasBuffer: true });
            });
            it('answers an invalid payload with the error class-validator describes', async () => {
                (0, support_1.register)(server, Notes);
                const client = await clients.connect(server, '/notes', mode);
                const payload = { text: '', priority: 'high' };
                const expected = (0, payload_validator_1.createValidationError)('note', 'Note', (0, class_validator_1.validateSync)((0, class_transformer_1.plainToInstance)(Note, payload), { ...payload_validator_1.DEFAULT_VALIDATOR_OPTIONS }));
                const answer = await (0, support_1.request)(client, 'note', payload);
                (0, chai_1.expect)(answer.error.code).to.equal('CLASSIO_ERR_VALIDATION');
                (0, chai_1.expect)(answer.error.message).to.equal('invalid payload for event "note": expected a valid Note; failing: text, priority');
                (0, chai_1.expect)(answer.error.message).to.equal(expected.message);
                (0, chai_1.expect)(answer.error.data).to.deep.equal(expected.data);
                (0, chai_1.expect)(answer.error.data).to.deep.equal([
                    { property: 'text', constraints: { isLength: 'text must be longer than or equal to 1 characters' } },
                    {
                        property: 'priority',
                        constraints: { min: 'priority must not be less than 0', isInt: 'priority must be an integer number' },
                    },
                ]);
            });
        });
        describe('with a missing or null payload', () => {
            // One DTO per validation path: compiled checks (Note), class-validator's validateSync (ChatMessage, nested),
            // class-validator's async validate (Join), and transform only, for a DTO without constraints (Plain).
            const dtos = [
                { event: 'note', dto: 'Note' },
                { event: 'chat', dto: 'ChatMessage' },
                { event: 'join', dto: 'Join' },
                { event: 'plain', dto: 'Plain' },
            ];
            class Plain {
            }
            let handled;
            let seen;
            let Missing = class Missing extends src_1.Namespace {
                on_note(note) {
                    handled.push(`note ${typeof note}`);
                }
                on_chat(message) {
                    handled.push(`chat ${typeof message}`);
                }
                on_join(join) {
                    handled.push(`join ${typeof join}`);
                }
                on_plain(plain) {
                    handled.push(`plain ${typeof plain}`);
                }
                invalid(error, context) {
                    seen.push(context.event);
                    return { handledBy: 'OnError(ValidationError)', code: error.code, message: error.message, data: error.data };
                }
            };
            __decorate([
                __param(0, (0, src_1.Payload)()),
                __metadata("design:type", Function),
                __metadata("design:paramtypes", [Note]),
                __metadata("design:returntype", void 0)
            ], Missing.prototype, "on_note", null);
            __decorate([
                __param(0, (0, src_1.Payload)()),
                __metadata("design:type", Function),
                __metadata("design:paramtypes", [ChatMessage]),
                __metadata("design:returntype", void 0)
            ], Missing.prototype, "on_chat", null);
            __decorate([
                __param(0, (0, src_1.Payload)()),
                __metadata("design:type", Function),
                __metadata("design:paramtypes", [Join]),
                __metadata("design:returntype", void 0)
            ], Missing.prototype, "on_join", null);
            __decorate([
                __param(0, (0, src_1.Payload)()),
                __metadata("design:type", Function),
                __metadata("design:paramtypes", [Plain]),
                __metadata("design:returntype", void 0)
            ], Missing.prototype, "on_plain", null);
            __decorate([
                (0, src_1.OnError)(errors_1.ValidationError),
                __metadata("design:type", Function),
                __metadata("design:paramtypes", [errors_1.ValidationError, Function]),
                __metadata("design:returntype", void 0)
            ], Missing.prototype, "invalid", null);
            Missing = __decorate([
                (0, src_1.Namespace)('/missing')
            ], Missing);
            beforeEach(() => {
                handled = [];
                seen = [];
                (0, support_1.register)(server, Missing);
            });
            for (const { event, dto } of dtos) {
                for (const [label, args, got] of [
                    ['no payload', [], 'no payload'],
                    ['null', [null], 'null'],
                ]) {
                    it(`answers ${label} for a ${dto} with a ValidationError that reaches @OnError(ValidationError)`, async () => {
                        const client = await clients.connect(server, '/missing', mode);
                        const answer = await (0, support_1.request)(client, event, ...args);
                        (0, chai_1.expect)(answer).to.deep.equal({
                            handledBy: 'OnError(ValidationError)',
                            code: 'CLASSIO_ERR_VALIDATION',
                            message: `invalid payload for event "${event}": expected a valid ${dto}; got ${got}`,
                            data: [{ property: '', constraints: { isDefined: 'the payload should not be null or undefined' } }],
                        });
                        (0, chai_1.expect)(seen).to.deep.equal([event]);
                        (0, chai_1.expect)(handled).to.deep.equal([]);
                    });
                }
            }
            it('answers the ack with the ValidationError body when no error handler takes it', async () => {
                let MissingBare = class MissingBare extends src_1.Namespace {
                    on_note(note) {
                        return note.shout();
                    }
                };
                __decorate([
                    __param(0, (0, src_1.Payload)()),
                    __metadata("design:type", Function),
                    __metadata("design:paramtypes", [Note]),
                    __metadata("design:returntype", void 0)
                ], MissingBare.prototype, "on_note", null);
                MissingBare = __decorate([
                    (0, src_1.Namespace)('/missing-bare')
                ], MissingBare);
                (0, support_1.register)(server, MissingBare);
                const client = await clients.connect(server, '/missing-bare', mode);
                (0, chai_1.expect)(await (0, support_1.request)(client, 'note', null)).to.deep.equal({
                    error: {
                        code: 'CLASSIO_ERR_VALIDATION',
                        message: 'invalid payload for event "note": expected a valid Note; got null',
                        data: [{ property: '', constraints: { isDefined: 'the payload should not be null or undefined' } }],
                    },
                });
            });
        });
        it('applies the decorator validator options (whitelist, forbidNonWhitelisted)', async () => {
            let Strict = class Strict extends src_1.Namespace {
                on_post(author) {
                    return author.name;
                }
            };
            __decorate([
                __param(0, (0, src_1.Payload)({ type: Author, validator: { whitelist: true, forbidNonWhitelisted: true } })),
                __metadata("design:type", Function),
                __metadata("design:paramtypes", [Author]),
                __metadata("design:returntype", void 0)
            ], Strict.prototype, "on_post", null);
            Strict = __decorate([
                (0, src_1.Namespace)('/strict')
            ], Strict);
            (0, support_1.register)(server, Strict);
            const client = await clients.connect(server, '/strict', mode);
            (0, chai_1.expect)(await (0, support_1.request)(client, 'post', { name: 'ada' })).to.equal('ada');
            const answer = await (0, support_1.request)(client, 'post', { name: 'ada', admin: true });
            (0, chai_1.expect)(answer.error.data).to.deep.equal([
                { property: 'admin', constraints: { whitelistValidation: 'property admin should not exist' } },
            ]);
        });
    });
}
//# sourceMappingURL=validation.test.js.map