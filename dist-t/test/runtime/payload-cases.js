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
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.OPTION_SETS = exports.CASES = exports.Remote = exports.Guarded = exports.HiddenChild = exports.Loose = exports.Tree = exports.Post = exports.Author = exports.Bag = exports.Member = exports.Tagged = exports.Message = void 0;
exports.payloadText = payloadText;
const fast_check_1 = __importDefault(require("fast-check"));
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
/**
 * The DTOs, validator options and payload generator of `payload-fast-path.test.ts`. The DTOs cover every metadata
 * type the compiled checks replay, and the ones that must keep the old path.
 */
/** Two properties, two constraints each, and a method the copy must not overwrite. */
class Message {
    describe() {
        return `${this.text} (${this.priority})`;
    }
}
exports.Message = Message;
__decorate([
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.Length)(1, 20),
    __metadata("design:type", String)
], Message.prototype, "text", void 0);
__decorate([
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Min)(0),
    __metadata("design:type", Number)
], Message.prototype, "priority", void 0);
/** Every conditional and definedness rule: @IsDefined, @IsOptional, @ValidateIf, @Allow. */
class Profile {
}
__decorate([
    (0, class_validator_1.IsDefined)(),
    __metadata("design:type", Object)
], Profile.prototype, "id", void 0);
__decorate([
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MaxLength)(10),
    __metadata("design:type", String)
], Profile.prototype, "nickname", void 0);
__decorate([
    (0, class_validator_1.IsIn)(['a', 'b']),
    __metadata("design:type", String)
], Profile.prototype, "kind", void 0);
__decorate([
    (0, class_validator_1.ValidateIf)((profile) => profile.kind === 'a'),
    (0, class_validator_1.IsInt)(),
    __metadata("design:type", Number)
], Profile.prototype, "amount", void 0);
__decorate([
    (0, class_validator_1.Allow)(),
    __metadata("design:type", Object)
], Profile.prototype, "note", void 0);
__decorate([
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsDefined)(),
    __metadata("design:type", Object)
], Profile.prototype, "maybe", void 0);
/** `each: true` constraints over arrays. */
class Tagged {
}
exports.Tagged = Tagged;
__decorate([
    (0, class_validator_1.IsArray)(),
    (0, class_validator_1.ArrayMaxSize)(3),
    (0, class_validator_1.IsString)({ each: true }),
    (0, class_validator_1.MaxLength)(5, { each: true }),
    __metadata("design:type", Array)
], Tagged.prototype, "tags", void 0);
__decorate([
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsInt)({ each: true }),
    __metadata("design:type", Array)
], Tagged.prototype, "scores", void 0);
class Person {
    greet() {
        return `hello ${this.name}`;
    }
}
__decorate([
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], Person.prototype, "name", void 0);
/** Inherited metadata, a redeclared property, field initialisers (one a function). */
class Member extends Person {
    constructor() {
        super(...arguments);
        this.role = 'user';
        this.callback = () => 1;
    }
}
exports.Member = Member;
__decorate([
    (0, class_validator_1.IsInt)(),
    (0, class_validator_1.Max)(150),
    __metadata("design:type", Number)
], Member.prototype, "age", void 0);
__decorate([
    (0, class_validator_1.MinLength)(2),
    __metadata("design:type", String)
], Member.prototype, "name", void 0);
__decorate([
    (0, class_validator_1.Allow)(),
    __metadata("design:type", Object)
], Member.prototype, "role", void 0);
__decorate([
    (0, class_validator_1.Allow)(),
    __metadata("design:type", Object)
], Member.prototype, "callback", void 0);
/** A data property on the prototype: class-transformer never copies a payload key of that name. */
class Stamped {
}
__decorate([
    (0, class_validator_1.IsInt)(),
    __metadata("design:type", Number)
], Stamped.prototype, "n", void 0);
Object.defineProperty(Stamped.prototype, 'stamp', { value: 'v1', writable: true });
let IsEvenConstraint = class IsEvenConstraint {
    validate(value) {
        return typeof value === 'number' && value % 2 === 0;
    }
    defaultMessage(args) {
        return `${args.property} must be even`;
    }
};
IsEvenConstraint = __decorate([
    (0, class_validator_1.ValidatorConstraint)({ name: 'isEven' })
], IsEvenConstraint);
function IsShort(max, options) {
    return (object, propertyName) => (0, class_validator_1.registerDecorator)({
        name: 'isShort',
        target: object.constructor,
        propertyName,
        constraints: [max],
        options,
        validator: {
            validate(value, args) {
                return typeof value === 'string' && value.length <= args.constraints[0] && args.targetName === 'Custom';
            },
        },
    });
}
/** User constraints: a @ValidatorConstraint class, a registerDecorator one, and a per-decorator validateIf. */
class Custom {
}
__decorate([
    (0, class_validator_1.Validate)(IsEvenConstraint),
    __metadata("design:type", Number)
], Custom.prototype, "count", void 0);
__decorate([
    IsShort(4, { message: '$property is too long' }),
    __metadata("design:type", String)
], Custom.prototype, "code", void 0);
__decorate([
    (0, class_validator_1.IsString)({ validateIf: (custom) => custom.count !== 0 }),
    __metadata("design:type", String)
], Custom.prototype, "label", void 0);
/** Groups and `always`, for the groups / always / strictGroups options. */
class Grouped {
}
__decorate([
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], Grouped.prototype, "title", void 0);
__decorate([
    (0, class_validator_1.IsString)({ groups: ['admin'] }),
    __metadata("design:type", String)
], Grouped.prototype, "secret", void 0);
__decorate([
    (0, class_validator_1.IsInt)({ always: true }),
    (0, class_validator_1.Min)(1, { groups: ['admin'] }),
    __metadata("design:type", Number)
], Grouped.prototype, "level", void 0);
/** No constraints at all: compilePayload only transforms. */
class Bag {
    constructor() {
        this.size = 1;
    }
    open() {
        return true;
    }
}
exports.Bag = Bag;
/** The nested DTO of Post. */
class Author {
}
exports.Author = Author;
__decorate([
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], Author.prototype, "name", void 0);
/** Kept on the old path twice over: @Type is class-transformer metadata, @ValidateNested is not replayed. */
class Post {
}
exports.Post = Post;
__decorate([
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], Post.prototype, "title", void 0);
__decorate([
    (0, class_validator_1.ValidateNested)(),
    (0, class_transformer_1.Type)(() => Author),
    __metadata("design:type", Author)
], Post.prototype, "author", void 0);
/** Self-referential: class-transformer and class-validator recurse once per level of the payload. */
class Tree {
}
exports.Tree = Tree;
__decorate([
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], Tree.prototype, "name", void 0);
__decorate([
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.ValidateNested)(),
    (0, class_transformer_1.Type)(() => Tree),
    __metadata("design:type", Tree)
], Tree.prototype, "child", void 0);
/** Nested validation without @Type: compiled instantiation, class-validator checks (async, as its type is unknown). */
class Loose {
}
exports.Loose = Loose;
__decorate([
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], Loose.prototype, "title", void 0);
__decorate([
    (0, class_validator_1.ValidateNested)(),
    __metadata("design:type", Object)
], Loose.prototype, "meta", void 0);
/** @Expose renames a key: compiled checks, but plainToInstance. */
class Renamed {
}
__decorate([
    (0, class_transformer_1.Expose)({ name: 't' }),
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], Renamed.prototype, "title", void 0);
/** @Exclude drops a key. */
class Hidden {
}
__decorate([
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], Hidden.prototype, "title", void 0);
__decorate([
    (0, class_transformer_1.Exclude)(),
    __metadata("design:type", String)
], Hidden.prototype, "secret", void 0);
/** Inherits class-transformer metadata without having any of its own. */
class HiddenChild extends Hidden {
}
exports.HiddenChild = HiddenChild;
__decorate([
    (0, class_validator_1.IsInt)(),
    __metadata("design:type", Number)
], HiddenChild.prototype, "n", void 0);
/** @Transform changes a value before validation. */
class Trimmed {
}
__decorate([
    (0, class_transformer_1.Transform)(({ value }) => (typeof value === 'string' ? value.trim() : value)),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.MinLength)(1),
    __metadata("design:type", String)
], Trimmed.prototype, "title", void 0);
/** A getter on the prototype keeps plainToInstance. */
class Guarded {
    get upper() {
        return this.title.toUpperCase();
    }
}
exports.Guarded = Guarded;
__decorate([
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], Guarded.prototype, "title", void 0);
let IsHandleConstraint = class IsHandleConstraint {
    validate(value) {
        return Promise.resolve(typeof value === 'string' && value.startsWith('@'));
    }
};
IsHandleConstraint = __decorate([
    (0, class_validator_1.ValidatorConstraint)({ name: 'isHandle', async: true })
], IsHandleConstraint);
/** An async constraint: validate(), never the compiled checks. */
class Remote {
}
exports.Remote = Remote;
__decorate([
    (0, class_validator_1.Validate)(IsHandleConstraint),
    __metadata("design:type", String)
], Remote.prototype, "handle", void 0);
__decorate([
    (0, class_validator_1.IsInt)(),
    __metadata("design:type", Number)
], Remote.prototype, "n", void 0);
const word = (max) => fast_check_1.default.string({ minLength: 1, maxLength: max });
/** Every DTO above, with the fast paths each one gets. */
exports.CASES = [
    { dto: Message, fields: { text: word(20), priority: fast_check_1.default.nat(100) }, hasFastInstance: true, hasFastChecks: true },
    {
        dto: Profile,
        fields: {
            id: fast_check_1.default.oneof(fast_check_1.default.integer(), word(5)),
            nickname: word(10),
            kind: fast_check_1.default.constantFrom('a', 'b'),
            amount: fast_check_1.default.integer(),
            note: fast_check_1.default.anything(),
            maybe: fast_check_1.default.constant(1),
        },
        hasFastInstance: true,
        hasFastChecks: true,
    },
    {
        dto: Tagged,
        fields: { tags: fast_check_1.default.array(word(5), { maxLength: 3 }), scores: fast_check_1.default.array(fast_check_1.default.integer(), { maxLength: 3 }) },
        hasFastInstance: true,
        hasFastChecks: true,
    },
    { dto: Stamped, fields: { n: fast_check_1.default.nat(), stamp: word(3) }, hasFastInstance: true, hasFastChecks: true },
    {
        dto: Member,
        fields: { name: word(8), age: fast_check_1.default.nat(150), role: word(5) },
        hasFastInstance: true,
        hasFastChecks: true,
    },
    {
        dto: Custom,
        fields: { count: fast_check_1.default.nat(10).map((n) => n * 2), code: word(4), label: word(4) },
        hasFastInstance: true,
        hasFastChecks: true,
    },
    {
        dto: Grouped,
        fields: { title: word(5), secret: word(5), level: fast_check_1.default.integer({ min: 1, max: 3 }) },
        hasFastInstance: true,
        hasFastChecks: true,
    },
    { dto: Bag, fields: { size: fast_check_1.default.nat(3) }, hasFastInstance: true, hasFastChecks: false },
    {
        dto: Post,
        fields: { title: word(5), author: fast_check_1.default.record({ name: word(5) }) },
        hasFastInstance: false,
        hasFastChecks: false,
    },
    {
        dto: Loose,
        fields: { title: word(5), meta: fast_check_1.default.record({ a: fast_check_1.default.nat() }) },
        hasFastInstance: true,
        hasFastChecks: false,
    },
    { dto: Renamed, fields: { t: word(5), title: word(5) }, hasFastInstance: false, hasFastChecks: true },
    { dto: Hidden, fields: { title: word(5), secret: word(5) }, hasFastInstance: false, hasFastChecks: true },
    {
        dto: HiddenChild,
        fields: { title: word(5), secret: word(5), n: fast_check_1.default.nat() },
        hasFastInstance: false,
        hasFastChecks: true,
    },
    {
        dto: Trimmed,
        fields: { title: word(5).map((title) => ` ${title} `) },
        hasFastInstance: false,
        hasFastChecks: true,
    },
    { dto: Guarded, fields: { title: word(5), upper: word(5) }, hasFastInstance: false, hasFastChecks: true },
    {
        dto: Remote,
        fields: { handle: word(5).map((handle) => `@${handle}`), n: fast_check_1.default.nat() },
        hasFastInstance: true,
        hasFastChecks: false,
    },
];
/** Validator options the checks replay; each runs over every case. */
exports.OPTION_SETS = [
    {},
    { whitelist: true },
    { whitelist: true, forbidNonWhitelisted: true },
    { skipMissingProperties: true },
    { skipNullProperties: true },
    { skipUndefinedProperties: true },
    { stopAtFirstError: true },
    { groups: ['admin'] },
    { groups: ['admin'], always: true },
    { strictGroups: true },
    { dismissDefaultMessages: true, validationError: { target: false, value: false } },
    { forbidUnknownValues: false },
];
/** Keys that exercise class-transformer's skip rules, beside each case's own fields. */
const SPECIAL_KEYS = [
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    'valueOf',
    'then',
    'describe',
    'greet',
    'callback',
    'upper',
    '0',
    '10',
    'extra',
];
/** JSON text, so that `__proto__` keys arrive as JSON.parse makes them: own data properties. */
const jsonText = fast_check_1.default.letrec((tie) => ({
    json: fast_check_1.default.oneof({ depthSize: 'small' }, tie('leaf'), tie('array'), tie('object')),
    leaf: fast_check_1.default
        .oneof(fast_check_1.default.string({ maxLength: 22 }), fast_check_1.default.integer({ min: -3, max: 200 }), fast_check_1.default.double(), fast_check_1.default.boolean(), fast_check_1.default.constant(null))
        .map((value) => JSON.stringify(value)),
    array: fast_check_1.default.array(tie('json'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
    object: fast_check_1.default
        .array(fast_check_1.default.tuple(fast_check_1.default.oneof(fast_check_1.default.constantFrom(...SPECIAL_KEYS), fast_check_1.default.string({ maxLength: 4 })), tie('json')), {
        maxLength: 4,
    })
        .map(toObjectText),
})).json;
function toObjectText(entries) {
    return `{${entries.map(([key, value]) => `${JSON.stringify(key)}:${value}`).join(',')}}`;
}
/** Mostly objects near the DTO (each field valid, random or missing, plus odd keys), sometimes anything. */
function payloadText(fields) {
    const field = ([name, valid]) => fast_check_1.default.oneof({ weight: 6, arbitrary: valid.map((value) => [[name, JSON.stringify(value) ?? 'null']]) }, { weight: 2, arbitrary: jsonText.map((value) => [[name, value]]) }, { weight: 1, arbitrary: fast_check_1.default.constant([]) });
    const near = fast_check_1.default
        .tuple(fast_check_1.default.tuple(...Object.entries(fields).map(field)), fast_check_1.default.array(fast_check_1.default.tuple(fast_check_1.default.oneof(fast_check_1.default.constantFrom(...SPECIAL_KEYS), fast_check_1.default.string({ maxLength: 4 })), jsonText), {
        maxLength: 2,
    }))
        .map(([known, extra]) => toObjectText([...known.flat(), ...extra]));
    return fast_check_1.default.oneof({ weight: 9, arbitrary: near }, { weight: 1, arbitrary: jsonText });
}
//# sourceMappingURL=payload-cases.js.map