import { expect } from 'chai';
import { injectable } from 'tsyringe';
import { Type } from 'class-transformer';
import { IsOptional, IsString, ValidateNested } from 'class-validator';
import { Namespace, On, Payload } from '../../src';
import type { Socket } from '../../src/namespace/socket';
import { Harness, RAW_TRANSPORTS } from './support/harness';
import { openOffender } from './support/offender';
import { RawWebSocket } from '../support/raw-hostile-client';
import { until } from '../support/io';

/**
 * `__proto__`, `constructor` and `prototype` keys, in event payloads, binary payloads, DTOs, the handshake query and
 * the auth payload, stay plain data: no object's prototype changes, Object.prototype stays clean, and a DTO
 * instance keeps its class's prototype (so an attacker cannot give it inherited properties such as `isAdmin`).
 */

const POISON = [
  '{"__proto__":{"polluted":"yes","isAdmin":true}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"prototype":{"polluted":"yes"}}',
  '{"a":{"__proto__":{"polluted":"yes"}},"b":[{"__proto__":{"polluted":"yes"}}]}',
];

class Author {
  @IsString() name!: string;
}

class Message {
  @IsOptional() @IsString() text?: string;
  @IsOptional() @ValidateNested() @Type(() => Author) author?: Author;
}

const received: unknown[] = [];

@Namespace('/dto')
@injectable()
class DtoNamespace extends Namespace {
  @On('message')
  message(@Payload() message: Message): string {
    received.push(message);
    return 'ok';
  }
}

function assertObjectPrototypeClean(): void {
  const probe = {} as Record<string, unknown>;
  expect(probe.polluted, 'Object.prototype.polluted').to.equal(undefined);
  expect(probe.isAdmin, 'Object.prototype.isAdmin').to.equal(undefined);
  expect(Object.getOwnPropertyNames(Object.prototype)).to.not.include.members(['polluted', 'isAdmin']);
  expect(Object.prototype.constructor).to.equal(Object);
}

/** Every object reachable from `value` keeps a standard prototype (Object, Array, a class, or Buffer). */
function assertPrototypesUnchanged(value: unknown, allowed: readonly object[], seen = new Set<unknown>()): void {
  if (value === null || typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  if (Buffer.isBuffer(value)) return;
  expect(allowed, 'prototype of a payload object').to.include(Object.getPrototypeOf(value));
  for (const key of Object.keys(value))
    assertPrototypesUnchanged((value as Record<string, unknown>)[key], allowed, seen);
}

for (const transport of RAW_TRANSPORTS) {
  describe(`Prototype pollution (${transport})`, () => {
    let harness: Harness;
    const payloads: unknown[] = [];

    before(async () => {
      harness = await Harness.start(transport);
      harness.server.on('poison', (...args: unknown[]) => void payloads.push(args));
      harness.server.register(DtoNamespace);
    });

    after(async () => {
      await harness.stop();
    });

    beforeEach(() => {
      payloads.length = 0;
      received.length = 0;
    });

    afterEach(async () => {
      assertObjectPrototypeClean();
      await harness.assertBystanderHealthy();
      harness.assertNothingEscaped();
    });

    it('keeps event payloads plain data', async () => {
      const offender = await openOffender(transport, harness.server.port);
      await offender.send(...POISON.map((json) => `42["poison",${json}]`));
      await until(() => payloads.length === POISON.length, 'every payload');
      for (const args of payloads) assertPrototypesUnchanged(args, [Object.prototype, Array.prototype]);
      const [[first]] = payloads as [[Record<string, unknown>]];
      expect(first.isAdmin).to.equal(undefined);
      expect(Object.getOwnPropertyNames(first)).to.deep.equal(['__proto__']);
    });

    it('keeps binary payloads plain data when a placeholder sits under __proto__', async () => {
      const offender = await openOffender(transport, harness.server.port);
      await offender.send('451-["poison",{"__proto__":{"_placeholder":true,"num":0}}]', Buffer.from([1, 2]));
      await until(() => payloads.length === 1, 'the payload');
      assertPrototypesUnchanged(payloads[0], [Object.prototype, Array.prototype]);
    });

    it('gives DTO instances their class prototype and nothing inherited from the payload', async () => {
      const offender = await openOffender(transport, harness.server.port, false);
      await offender.send('40/dto,');
      await until(() => harness.server.of('/dto').sockets.size > 0, 'the /dto socket');
      await offender.send(
        '42/dto,["message",{"__proto__":{"isAdmin":true},"text":"hi"}]',
        '42/dto,["message",{"constructor":{"prototype":{"polluted":"yes"}},"author":{"__proto__":{"polluted":"yes"},"name":"a"}}]',
      );
      await until(() => received.length === 2, 'both DTOs');
      const [first, second] = received as [Message & { isAdmin?: boolean }, Message];
      expect(Object.getPrototypeOf(first)).to.equal(Message.prototype);
      expect(first.isAdmin).to.equal(undefined);
      expect(first.text).to.equal('hi');
      expect(Object.getPrototypeOf(second)).to.equal(Message.prototype);
      expect(Object.getPrototypeOf(second.author)).to.equal(Author.prototype);
      expect(second.constructor).to.equal(Message);
    });
  });
}

describe('Prototype pollution (handshake)', () => {
  let harness: Harness;

  before(async () => {
    harness = await Harness.start('websocket');
  });

  after(async () => {
    await harness.stop();
  });

  it('parses a hostile query into a null-prototype object and keeps the auth payload plain', async () => {
    const connected = new Promise<Socket>((resolve) =>
      harness.server.of('/').on('connection', (socket: Socket) => {
        if (socket.handshake.query.hostile === '1') resolve(socket);
      }),
    );
    const raw = await RawWebSocket.open(
      harness.server.port,
      '&hostile=1&__proto__[polluted]=yes&__proto__=yes&constructor[prototype][polluted]=yes&toString=1',
    );
    raw.send('40{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}');
    const socket = await connected;
    expect(Object.getPrototypeOf(socket.handshake.query)).to.equal(null);
    expect(socket.handshake.query.__proto__).to.equal('yes');
    expect(socket.handshake.query).to.have.own.property('toString', '1');
    expect(Object.getPrototypeOf(socket.handshake.auth)).to.equal(Object.prototype);
    expect((socket.handshake.auth as Record<string, unknown>).polluted).to.equal(undefined);
    expect(Object.getPrototypeOf(socket.data)).to.equal(Object.prototype);
    assertObjectPrototypeClean();
    raw.close();
    await harness.assertBystanderHealthy();
  });
});
