import fc from 'fast-check';
import { Exclude, Expose, Transform, Type } from 'class-transformer';
import {
  Allow,
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
  MinLength,
  registerDecorator,
  Validate,
  ValidateIf,
  ValidateNested,
  ValidatorConstraint,
  type ValidationArguments,
  type ValidationOptions,
  type ValidatorConstraintInterface,
  type ValidatorOptions,
} from 'class-validator';

/**
 * The DTOs, validator options and payload generator of `payload-fast-path.test.ts`. The DTOs cover every metadata
 * type the compiled checks replay, and the ones that must keep the old path.
 */

/** Two properties, two constraints each, and a method the copy must not overwrite. */
export class Message {
  @IsString()
  @Length(1, 20)
  text!: string;

  @IsInt()
  @Min(0)
  priority!: number;

  describe(): string {
    return `${this.text} (${this.priority})`;
  }
}

/** Every conditional and definedness rule: @IsDefined, @IsOptional, @ValidateIf, @Allow. */
class Profile {
  @IsDefined()
  id!: unknown;

  @IsOptional()
  @IsString()
  @MaxLength(10)
  nickname?: string;

  @IsIn(['a', 'b'])
  kind!: string;

  @ValidateIf((profile: Profile) => profile.kind === 'a')
  @IsInt()
  amount?: number;

  @Allow()
  note?: unknown;

  // The condition wins over IS_DEFINED: a missing value skips both.
  @IsOptional()
  @IsDefined()
  maybe?: unknown;
}

/** `each: true` constraints over arrays. */
export class Tagged {
  @IsArray()
  @ArrayMaxSize(3)
  @IsString({ each: true })
  @MaxLength(5, { each: true })
  tags!: string[];

  @IsOptional()
  @IsInt({ each: true })
  scores?: number[];
}

class Person {
  @IsString()
  name!: string;

  greet(): string {
    return `hello ${this.name}`;
  }
}

/** Inherited metadata, a redeclared property, field initialisers (one a function). */
export class Member extends Person {
  @IsInt()
  @Max(150)
  age!: number;

  // Redeclared with its own constraint: class-validator then drops the inherited customValidation of `name`.
  @MinLength(2)
  override name!: string;

  @Allow()
  role = 'user';

  @Allow()
  callback = (): number => 1;
}

/** A data property on the prototype: class-transformer never copies a payload key of that name. */
class Stamped {
  @IsInt()
  n!: number;
}
Object.defineProperty(Stamped.prototype, 'stamp', { value: 'v1', writable: true });

@ValidatorConstraint({ name: 'isEven' })
class IsEvenConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'number' && value % 2 === 0;
  }
  defaultMessage(args: ValidationArguments): string {
    return `${args.property} must be even`;
  }
}

function IsShort(max: number, options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isShort',
      target: object.constructor,
      propertyName,
      constraints: [max],
      options,
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          return typeof value === 'string' && value.length <= args.constraints[0] && args.targetName === 'Custom';
        },
      },
    });
}

/** User constraints: a @ValidatorConstraint class, a registerDecorator one, and a per-decorator validateIf. */
class Custom {
  @Validate(IsEvenConstraint)
  count!: number;

  @IsShort(4, { message: '$property is too long' })
  code!: string;

  @IsString({ validateIf: (custom: Custom) => custom.count !== 0 })
  label?: string;
}

/** Groups and `always`, for the groups / always / strictGroups options. */
class Grouped {
  @IsString()
  title!: string;

  @IsString({ groups: ['admin'] })
  secret!: string;

  @IsInt({ always: true })
  @Min(1, { groups: ['admin'] })
  level!: number;
}

/** No constraints at all: compilePayload only transforms. */
export class Bag {
  size = 1;
  open(): boolean {
    return true;
  }
}

/** The nested DTO of Post. */
export class Author {
  @IsString()
  name!: string;
}

/** Kept on the old path twice over: @Type is class-transformer metadata, @ValidateNested is not replayed. */
export class Post {
  @IsString()
  title!: string;

  @ValidateNested()
  @Type(() => Author)
  author!: Author;
}

/** Self-referential: class-transformer and class-validator recurse once per level of the payload. */
export class Tree {
  @IsString()
  name!: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => Tree)
  child?: Tree;
}

/** Nested validation without @Type: compiled instantiation, class-validator checks (async, as its type is unknown). */
export class Loose {
  @IsString()
  title!: string;

  @ValidateNested()
  meta!: object;
}

/** @Expose renames a key: compiled checks, but plainToInstance. */
class Renamed {
  @Expose({ name: 't' })
  @IsString()
  title!: string;
}

/** @Exclude drops a key. */
class Hidden {
  @IsString()
  title!: string;

  @Exclude()
  secret?: string;
}

/** Inherits class-transformer metadata without having any of its own. */
export class HiddenChild extends Hidden {
  @IsInt()
  n!: number;
}

/** @Transform changes a value before validation. */
class Trimmed {
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(1)
  title!: string;
}

/** A getter on the prototype keeps plainToInstance. */
export class Guarded {
  @IsString()
  title!: string;

  get upper(): string {
    return this.title.toUpperCase();
  }
}

@ValidatorConstraint({ name: 'isHandle', async: true })
class IsHandleConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): Promise<boolean> {
    return Promise.resolve(typeof value === 'string' && value.startsWith('@'));
  }
}

/** An async constraint: validate(), never the compiled checks. */
export class Remote {
  @Validate(IsHandleConstraint)
  handle!: string;

  @IsInt()
  n!: number;
}

/** One DTO of the equivalence runs, with what the compiler is expected to make of it. */
export interface Case {
  readonly dto: new () => object;
  /** Valid values per property, mixed with random JSON by the payload generator. */
  readonly fields: Record<string, fc.Arbitrary<unknown>>;
  readonly hasFastInstance: boolean;
  /** Under the default options. */
  readonly hasFastChecks: boolean;
}

const word = (max: number) => fc.string({ minLength: 1, maxLength: max });

/** Every DTO above, with the fast paths each one gets. */
export const CASES: readonly Case[] = [
  { dto: Message, fields: { text: word(20), priority: fc.nat(100) }, hasFastInstance: true, hasFastChecks: true },
  {
    dto: Profile,
    fields: {
      id: fc.oneof(fc.integer(), word(5)),
      nickname: word(10),
      kind: fc.constantFrom('a', 'b'),
      amount: fc.integer(),
      note: fc.anything(),
      maybe: fc.constant(1),
    },
    hasFastInstance: true,
    hasFastChecks: true,
  },
  {
    dto: Tagged,
    fields: { tags: fc.array(word(5), { maxLength: 3 }), scores: fc.array(fc.integer(), { maxLength: 3 }) },
    hasFastInstance: true,
    hasFastChecks: true,
  },
  { dto: Stamped, fields: { n: fc.nat(), stamp: word(3) }, hasFastInstance: true, hasFastChecks: true },
  {
    dto: Member,
    fields: { name: word(8), age: fc.nat(150), role: word(5) },
    hasFastInstance: true,
    hasFastChecks: true,
  },
  {
    dto: Custom,
    fields: { count: fc.nat(10).map((n) => n * 2), code: word(4), label: word(4) },
    hasFastInstance: true,
    hasFastChecks: true,
  },
  {
    dto: Grouped,
    fields: { title: word(5), secret: word(5), level: fc.integer({ min: 1, max: 3 }) },
    hasFastInstance: true,
    hasFastChecks: true,
  },
  { dto: Bag, fields: { size: fc.nat(3) }, hasFastInstance: true, hasFastChecks: false },
  {
    dto: Post,
    fields: { title: word(5), author: fc.record({ name: word(5) }) },
    hasFastInstance: false,
    hasFastChecks: false,
  },
  {
    dto: Loose,
    fields: { title: word(5), meta: fc.record({ a: fc.nat() }) },
    hasFastInstance: true,
    hasFastChecks: false,
  },
  { dto: Renamed, fields: { t: word(5), title: word(5) }, hasFastInstance: false, hasFastChecks: true },
  { dto: Hidden, fields: { title: word(5), secret: word(5) }, hasFastInstance: false, hasFastChecks: true },
  {
    dto: HiddenChild,
    fields: { title: word(5), secret: word(5), n: fc.nat() },
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
    fields: { handle: word(5).map((handle) => `@${handle}`), n: fc.nat() },
    hasFastInstance: true,
    hasFastChecks: false,
  },
];

/** Validator options the checks replay; each runs over every case. */
export const OPTION_SETS: readonly ValidatorOptions[] = [
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
const jsonText: fc.Arbitrary<string> = fc.letrec<{ json: string; leaf: string; array: string; object: string }>(
  (tie) => ({
    json: fc.oneof({ depthSize: 'small' }, tie('leaf'), tie('array'), tie('object')),
    leaf: fc
      .oneof(
        fc.string({ maxLength: 22 }),
        fc.integer({ min: -3, max: 200 }),
        fc.double(),
        fc.boolean(),
        fc.constant(null),
      )
      .map((value) => JSON.stringify(value)),
    array: fc.array(tie('json'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
    object: fc
      .array(fc.tuple(fc.oneof(fc.constantFrom(...SPECIAL_KEYS), fc.string({ maxLength: 4 })), tie('json')), {
        maxLength: 4,
      })
      .map(toObjectText),
  }),
).json;

function toObjectText(entries: readonly (readonly [string, string])[]): string {
  return `{${entries.map(([key, value]) => `${JSON.stringify(key)}:${value}`).join(',')}}`;
}

/** Mostly objects near the DTO (each field valid, random or missing, plus odd keys), sometimes anything. */
export function payloadText(fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<string> {
  const field = ([name, valid]: [string, fc.Arbitrary<unknown>]) =>
    fc.oneof(
      { weight: 6, arbitrary: valid.map((value) => [[name, JSON.stringify(value) ?? 'null']]) },
      { weight: 2, arbitrary: jsonText.map((value) => [[name, value]]) },
      { weight: 1, arbitrary: fc.constant([]) },
    );
  const near = fc
    .tuple(
      fc.tuple(...Object.entries(fields).map(field)),
      fc.array(fc.tuple(fc.oneof(fc.constantFrom(...SPECIAL_KEYS), fc.string({ maxLength: 4 })), jsonText), {
        maxLength: 2,
      }),
    )
    .map(([known, extra]) => toObjectText([...(known.flat() as [string, string][]), ...extra]));
  return fc.oneof({ weight: 9, arbitrary: near }, { weight: 1, arbitrary: jsonText });
}
