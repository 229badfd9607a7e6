import { expect } from 'chai';
import {
  IsInt,
  IsOptional,
  IsString,
  Length,
  Min,
  Validate,
  ValidateNested,
  ValidatorConstraint,
  validateSync,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { plainToInstance, Type } from 'class-transformer';
import type { Server } from '../../src/server';
import { ValidationError } from '../../src/errors';
import { Namespace, OnError, Payload, Sid, type ErrorContext } from '../../src';
import { createValidationError, DEFAULT_VALIDATOR_OPTIONS } from '../../src/runtime/payload-validator';
import { ClientPool, nextEvent } from '../support/io';
import { MODES, register, request, useRuntimeServer, type ValidationAnswer } from './support';

class Author {
  @IsString()
  name!: string;
}

class ChatMessage {
  @IsString()
  @Length(1, 20)
  text!: string;

  @IsInt()
  @Min(0)
  priority!: number;

  @ValidateNested()
  @Type(() => Author)
  author!: Author;

  describe(): string {
    return `${this.author.name}: ${this.text} (${this.priority})`;
  }
}

/** Self-referential: class-transformer and class-validator recurse once per level of the payload. */
class Comment {
  @IsString()
  text!: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => Comment)
  reply?: Comment;
}

/** A thread of `depth` levels, the payload itself being the first. */
function thread(depth: number): Comment {
  let comment: Comment = { text: `c${depth}` };
  for (let i = depth - 1; i > 0; i--) comment = { text: `c${i}`, reply: comment };
  return comment;
}

/** Flat, without class-transformer decorators: compiled instantiation and checks apply. */
class Note {
  @IsString()
  @Length(1, 20)
  text!: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  priority?: number;

  shout(): string {
    return this.text.toUpperCase();
  }
}

/** An async constraint: its DTO goes through class-validator's `validate`, and the handler becomes async. */
@ValidatorConstraint({ name: 'isKnownRoom', async: true })
class IsKnownRoom implements ValidatorConstraintInterface {
  validate(value: unknown): Promise<boolean> {
    return Promise.resolve(value === 'lobby');
  }
}

class Join {
  @Validate(IsKnownRoom)
  room!: string;
}

for (const mode of MODES) {
  describe(`Payload validation (${mode.name})`, () => {
    let server: Server;
    const clients = new ClientPool();

    useRuntimeServer(clients, (started) => ({ server } = started));

    @Namespace('/chat')
    class Chat extends Namespace {
      on_chat(@Payload() message: ChatMessage, @Sid() sid: string) {
        return { text: message.describe(), isInstance: message instanceof ChatMessage, sid };
      }
    }

    it('transforms a valid payload into the DTO class', async () => {
      register(server, Chat);
      const client = await clients.connect(server, '/chat', mode);
      const answer = await request(client, 'chat', { text: 'hi', priority: 1, author: { name: 'ada' } });
      expect(answer).to.deep.equal({ text: 'ada: hi (1)', isInstance: true, sid: client.id });
    });

    it('answers the ack with a ValidationError naming every failing property', async () => {
      register(server, Chat);
      const client = await clients.connect(server, '/chat', mode);
      const answer = await request<ValidationAnswer>(client, 'chat', { text: '', priority: -1, author: { name: 7 } });
      expect(answer.error.code).to.equal('CLASSIO_ERR_VALIDATION');
      expect(answer.error.message).to.equal(
        'invalid payload for event "chat": expected a valid ChatMessage; failing: text, priority, author.name',
      );
      expect(answer.error.data).to.deep.equal([
        { property: 'text', constraints: { isLength: 'text must be longer than or equal to 1 characters' } },
        { property: 'priority', constraints: { min: 'priority must not be less than 0' } },
        { property: 'author.name', constraints: { isString: 'name must be a string' } },
      ]);
    });

    it('refuses a payload that is not an object', async () => {
      register(server, Chat);
      const client = await clients.connect(server, '/chat', mode);
      const answer = await request<ValidationAnswer>(client, 'chat', 'just text');
      expect(answer.error.code).to.equal('CLASSIO_ERR_VALIDATION');
      expect(answer.error.data[0].constraints).to.have.property('unknownValue');
    });

    it('sends a validation failure without an ack to the error handler, never to the handler', async () => {
      let handled = 0;
      @Namespace('/chat2')
      class Chat2 extends Namespace {
        on_chat(@Payload() message: ChatMessage) {
          handled++;
          return message.text;
        }
        @OnError(ValidationError)
        invalid(error: ValidationError, context: ErrorContext) {
          context.socket.emit('invalid', context.event, error.data);
        }
      }
      register(server, Chat2);
      const client = await clients.connect(server, '/chat2', mode);
      const invalid = nextEvent<[string, { property: string }[]]>(client, 'invalid');
      client.emit('chat', { text: 'x', priority: 'high', author: { name: 'ada' } });
      const [event, data] = await invalid;
      expect(event).to.equal('chat');
      expect(data.map((violation) => violation.property)).to.deep.equal(['priority']);
      expect(handled).to.equal(0);
    });

    describe('with a payload nested past 128 levels', () => {
      @Namespace('/comments')
      class Comments extends Namespace {
        on_comment(@Payload() comment: Comment) {
          let depth = 0;
          for (let node: Comment | undefined = comment; node !== undefined; node = node.reply) depth++;
          return { depth, isInstance: comment instanceof Comment };
        }
        on_note(@Payload() note: Note) {
          return note.shout();
        }
      }

      it('accepts a self-referential DTO nested exactly 128 levels deep', async () => {
        register(server, Comments);
        const client = await clients.connect(server, '/comments', mode);
        expect(await request(client, 'comment', thread(128))).to.deep.equal({ depth: 128, isInstance: true });
      });

      const tooDeep: [string, string, string, unknown][] = [
        ['a thread of 129 levels', 'comment', 'Comment', thread(129)],
        ['a thread of 1000 levels', 'comment', 'Comment', thread(1000)],
        ['129 levels under a DTO on the compiled path', 'note', 'Note', { text: 'hi', extra: thread(128) }],
      ];
      for (const [name, event, dtoName, payload] of tooDeep) {
        it(`answers ${name} with a ValidationError naming the limit`, async () => {
          register(server, Comments);
          const client = await clients.connect(server, '/comments', mode);
          expect(await request(client, event, payload)).to.deep.equal({
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
      @Namespace('/notes')
      class Notes extends Namespace {
        on_note(@Payload() note: Note) {
          const blob = (note as Note & { blob?: unknown }).blob;
          const keys = Object.keys(note);
          return { text: note.shout(), isInstance: note instanceof Note, keys, hasBuffer: Buffer.isBuffer(blob) };
        }
      }

      it("hands the handler an instance holding the payload's own properties", async () => {
        register(server, Notes);
        const client = await clients.connect(server, '/notes', mode);
        const answer = await request(client, 'note', { text: 'hi', priority: 2, extra: { tags: ['a'] } });
        const keys = ['text', 'priority', 'extra'];
        expect(answer).to.deep.equal({ text: 'HI', isInstance: true, keys, hasBuffer: false });
      });

      it('copies a binary attachment as plainToInstance does', async () => {
        register(server, Notes);
        const client = await clients.connect(server, '/notes', mode);
        const answer = await request(client, 'note', { text: 'hi', blob: Buffer.from([1, 2]) });
        expect(answer).to.deep.equal({ text: 'HI', isInstance: true, keys: ['text', 'blob'], hasBuffer: true });
      });

      it('answers an invalid payload with the error class-validator describes', async () => {
        register(server, Notes);
        const client = await clients.connect(server, '/notes', mode);
        const payload = { text: '', priority: 'high' };
        const expected = createValidationError(
          'note',
          'Note',
          validateSync(plainToInstance(Note, payload), { ...DEFAULT_VALIDATOR_OPTIONS }),
        );
        const answer = await request<ValidationAnswer>(client, 'note', payload);
        expect(answer.error.code).to.equal('CLASSIO_ERR_VALIDATION');
        expect(answer.error.message).to.equal(
          'invalid payload for event "note": expected a valid Note; failing: text, priority',
        );
        expect(answer.error.message).to.equal(expected.message);
        expect(answer.error.data).to.deep.equal(expected.data);
        expect(answer.error.data).to.deep.equal([
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
      // and class-validator's async validate (Join).
      const dtos = [
        { event: 'note', dto: 'Note' },
        { event: 'chat', dto: 'ChatMessage' },
        { event: 'join', dto: 'Join' },
      ];
      let handled: string[];
      let seen: string[];

      @Namespace('/missing')
      class Missing extends Namespace {
        on_note(@Payload() note: Note) {
          handled.push(`note ${typeof note}`);
        }
        on_chat(@Payload() message: ChatMessage) {
          handled.push(`chat ${typeof message}`);
        }
        on_join(@Payload() join: Join) {
          handled.push(`join ${typeof join}`);
        }
        @OnError(ValidationError)
        invalid(error: ValidationError, context: ErrorContext) {
          seen.push(context.event);
          return { handledBy: 'OnError(ValidationError)', code: error.code, message: error.message, data: error.data };
        }
      }

      beforeEach(() => {
        handled = [];
        seen = [];
        register(server, Missing);
      });

      for (const { event, dto } of dtos) {
        for (const [label, args, got] of [
          ['no payload', [], 'no payload'],
          ['null', [null], 'null'],
        ] as const) {
          it(`answers ${label} for a ${dto} with a ValidationError that reaches @OnError(ValidationError)`, async () => {
            const client = await clients.connect(server, '/missing', mode);
            const answer: unknown = await request(client, event, ...args);
            expect(answer).to.deep.equal({
              handledBy: 'OnError(ValidationError)',
              code: 'CLASSIO_ERR_VALIDATION',
              message: `invalid payload for event "${event}": expected a valid ${dto}; got ${got}`,
              data: [{ property: '', constraints: { isDefined: 'the payload should not be null or undefined' } }],
            });
            expect(seen).to.deep.equal([event]);
            expect(handled).to.deep.equal([]);
          });
        }
      }

      it('answers the ack with the ValidationError body when no error handler takes it', async () => {
        @Namespace('/missing-bare')
        class MissingBare extends Namespace {
          on_note(@Payload() note: Note) {
            return note.shout();
          }
        }
        register(server, MissingBare);
        const client = await clients.connect(server, '/missing-bare', mode);
        expect(await request(client, 'note', null)).to.deep.equal({
          error: {
            code: 'CLASSIO_ERR_VALIDATION',
            message: 'invalid payload for event "note": expected a valid Note; got null',
            data: [{ property: '', constraints: { isDefined: 'the payload should not be null or undefined' } }],
          },
        });
      });
    });

    it('applies the decorator validator options (whitelist, forbidNonWhitelisted)', async () => {
      @Namespace('/strict')
      class Strict extends Namespace {
        on_post(@Payload({ type: Author, validator: { whitelist: true, forbidNonWhitelisted: true } }) author: Author) {
          return author.name;
        }
      }
      register(server, Strict);
      const client = await clients.connect(server, '/strict', mode);
      expect(await request(client, 'post', { name: 'ada' })).to.equal('ada');
      const answer = await request<ValidationAnswer>(client, 'post', { name: 'ada', admin: true });
      expect(answer.error.data).to.deep.equal([
        { property: 'admin', constraints: { whitelistValidation: 'property admin should not exist' } },
      ]);
    });
  });
}
