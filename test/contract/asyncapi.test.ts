import 'reflect-metadata';
import { expect } from 'chai';
import { IsString } from 'class-validator';
import { ConfigurationError, Emits, Namespace, On, Replies, Server } from '../../src';
import { thrownBy } from '../support/errors';
import { createShopServer, SHOP_SECURITY } from './fixtures/shop-app';
import { expectValidAsyncApi } from './support';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- reading plain JSON

describe('server.asyncapi()', function () {
  // The parser loads its rulesets on first use: seconds on a loaded machine.
  this.timeout(60_000);

  const document = createShopServer().asyncapi({ title: 'Shop', version: '2.0.0', securitySchemes: SHOP_SECURITY });
  const channels = document.channels as Json;
  const operations = document.operations as Json;
  const schemas = (document.components as Json).schemas as Json;

  it('parses without errors or warnings with @asyncapi/parser', async () => {
    expect(document).to.include({ asyncapi: '3.0.0' });
    expect(document.info).to.deep.include({ title: 'Shop', version: '2.0.0' });
    await expectValidAsyncApi(document);
  });

  it('has one channel per namespace, a pattern as a parameterised address and a RegExp as none', () => {
    expect(Object.keys(channels)).to.deep.equal(['orders', 'tenant_id', 'Rooms']);
    expect(channels.orders).to.include({ address: '/orders', title: 'Orders' });
    expect(channels.tenant_id.address).to.equal('/tenant/{id}');
    expect(Object.keys(channels.tenant_id.parameters)).to.deep.equal(['id']);
    expect(channels.tenant_id['x-classio-namespace']).to.equal('/tenant/:id');
    expect(channels.Rooms.address).to.equal(null);
    expect(channels.Rooms['x-classio-namespace']).to.equal('/^\\/room-\\d+$/');
  });

  it('describes a received event as a receive operation with the DTO as payload and its reply', () => {
    const operation = operations['orders_receive_place_order'];
    expect(operation.action).to.equal('receive');
    expect(operation.channel).to.deep.equal({ $ref: '#/channels/orders' });
    expect(operation.messages).to.deep.equal([{ $ref: '#/channels/orders/messages/place_order' }]);
    expect(channels.orders.messages.place_order).to.deep.include({
      name: 'place order',
      payload: { $ref: '#/components/schemas/PlaceOrder' },
      'x-classio-arguments': 1,
    });
    expect(operation.reply.messages).to.deep.equal([
      { $ref: '#/channels/orders/messages/place_order_ack' },
      { $ref: '#/channels/orders/messages/ackError' },
    ]);
    expect(channels.orders.messages.place_order_ack.payload).to.deep.equal({
      $ref: '#/components/schemas/OrderPlaced',
    });
  });

  it('derives nested DTOs, arrays, enums and optional fields from the class-validator metadata', () => {
    expect(schemas.PlaceOrder.required).to.have.members(['customer', 'items', 'priority']);
    expect(schemas.PlaceOrder.properties).to.deep.include({
      customer: { $ref: '#/components/schemas/Customer' },
      priority: { type: 'string', enum: ['low', 'high'] },
      tags: { type: 'array', items: { type: 'string' } },
      gift: { type: 'boolean' },
    });
    expect(schemas.PlaceOrder.properties.items).to.deep.include({
      type: 'array',
      items: { $ref: '#/components/schemas/LineItem' },
      minItems: 1,
    });
    // class-validator's @IsEnum accepts a numeric enum's names too (TypeScript's reverse mapping): so does the schema.
    expect(schemas.PlaceOrder.properties.level.enum).to.deep.equal(['One', 'Two', 1, 2]);
    expect(schemas.Customer.properties.address).to.deep.equal({ $ref: '#/components/schemas/Address' });
    expect(schemas.Customer.required).to.deep.equal(['name', 'address']);
    expect(schemas.Address.required).to.deep.equal(['street']);
    expect(schemas.LineItem.properties.quantity).to.deep.include({ type: 'integer', minimum: 1 });
  });

  it('keeps only the DTOs the contract references, nested ones included', () => {
    expect(Object.keys(schemas)).to.have.members([
      'ClassioErrorCode',
      'ClassioAckError',
      'Address',
      'Answer',
      'Customer',
      'Hello',
      'LineItem',
      'OrderPlaced',
      'PlaceOrder',
      'Question',
    ]);
  });

  it('types undecorated arguments from the parameter types, several as a tuple', () => {
    expect(channels.orders.messages.add).to.deep.include({
      'x-classio-arguments': 2,
      payload: { type: 'array', items: [{ type: 'number' }, { type: 'number' }], minItems: 2, maxItems: 2 },
    });
    expect(channels.orders.messages.search.payload).to.deep.equal({ type: 'string' });
    expect(channels.orders.messages.search_ack.payload).to.deep.equal({
      type: 'array',
      items: { $ref: '#/components/schemas/OrderPlaced' },
    });
  });

  it('skips injected parameters: @NspParam is no client argument', () => {
    expect(channels.tenant_id.messages.hello).to.deep.include({
      'x-classio-arguments': 1,
      payload: { $ref: '#/components/schemas/Hello' },
    });
  });

  it('describes @Emits as send operations, with the ack as the reply', () => {
    expect(operations['orders_send_order_placed']).to.deep.include({
      action: 'send',
      messages: [{ $ref: '#/channels/orders/messages/order_placed' }],
    });
    expect(channels.orders.messages.order_placed.description).to.equal('Every new order, to the whole namespace.');
    expect(operations['orders_send_confirm'].reply.messages).to.deep.equal([
      { $ref: '#/channels/orders/messages/confirm_ack' },
    ]);
    expect(channels.orders.messages.confirm_ack.payload).to.deep.equal({ $ref: '#/components/schemas/Answer' });
    expect(channels.orders.messages.skus.payload).to.deep.equal({ type: 'array', items: { type: 'string' } });
    expect(channels.orders.messages.tick).to.deep.include({ name: 'tick', 'x-classio-arguments': 0 });
    expect(channels.orders.messages.tick).to.not.have.property('payload');
  });

  it('lists connect guards as security when a scheme is given, and names them in the channel', () => {
    expect(channels.tenant_id['x-classio-guards']).to.deep.equal(['TenantGuard']);
    expect(channels.tenant_id.description).to.include('TenantGuard');
    expect(operations['tenant_id_receive_hello'].security).to.deep.equal([
      { $ref: '#/components/securitySchemes/TenantGuard' },
    ]);
    expect((document.components as Json).securitySchemes).to.deep.equal(SHOP_SECURITY);
    expect(operations['orders_receive_place_order']).to.not.have.property('security');
  });

  it('describes the error codes and the connect error', () => {
    expect(schemas.ClassioErrorCode.enum).to.include.members([
      'CLASSIO_ERR_VALIDATION',
      'CLASSIO_ERR_FORBIDDEN',
      'CLASSIO_ERR_THROTTLED',
      'CLASSIO_ERR_UNKNOWN_EVENT',
    ]);
    const messages = (document.components as Json).messages as Json;
    expect(messages.AckError.payload).to.deep.equal({ $ref: '#/components/schemas/ClassioAckError' });
    expect(messages.ConnectError.name).to.equal('connect_error');
    expect(operations['tenant_id_send_connect_error'].description).to.include('TenantGuard');
  });

  it('is the same document on every call', () => {
    expect(createShopServer().asyncapi({ title: 'Shop', version: '2.0.0', securitySchemes: SHOP_SECURITY })).to.deep.equal(
      document,
    );
  });

  describe('mistakes', () => {
    it('refuses an unknown option', () => {
      const error = thrownBy(
        () => createShopServer().asyncapi({ tilte: 'x' } as never),
        ConfigurationError,
        'CLASSIO_ERR_CONFIG',
      );
      expect(error.message).to.include('tilte');
    });

    it('refuses an @Emits payload that is not a type, naming the class and event', () => {
      @Namespace('/bad')
      @Emits('news', 'text' as never)
      class Bad extends Namespace {}
      const error = thrownBy(() => new Server().register(Bad).asyncapi(), ConfigurationError, 'CLASSIO_ERR_CONFIG');
      expect(error.message).to.equal('Bad: @Emits("news"): expected a class, String, Number, Boolean, Object or [type], got string');
    });

    it('refuses an @Emits of a reserved event name', () => {
      @Namespace('/bad')
      @Emits('connect_error', String)
      class Reserved extends Namespace {}
      const error = thrownBy(() => new Server().register(Reserved).asyncapi(), ConfigurationError, 'CLASSIO_ERR_CONFIG');
      expect(error.message).to.include('reserved by Socket.IO');
    });

    it('refuses a @Replies that is not a type', () => {
      class Dto {
        @IsString() text!: string;
      }
      @Namespace('/bad')
      class BadReply extends Namespace {
        @On('x')
        @Replies([Dto, Dto] as never)
        x(): void {}
      }
      const error = thrownBy(() => new Server().register(BadReply).asyncapi(), ConfigurationError, 'CLASSIO_ERR_CONFIG');
      expect(error.message).to.include('BadReply.x: @Replies()');
    });
  });

  describe('inheritance', () => {
    it("replaces a parent's @Emits of the same event and keeps its others", () => {
      class Old {
        @IsString() a!: string;
      }
      class New {
        @IsString() b!: string;
      }
      @Emits('kept', String)
      @Emits('changed', Old)
      class Base extends Namespace {}
      @Namespace('/child')
      @Emits('changed', New)
      class Child extends Base {}
      const messages = (new Server().register(Child).asyncapi().channels as Json).child.messages as Json;
      expect(messages.kept.payload).to.deep.equal({ type: 'string' });
      expect(messages.changed.payload).to.deep.equal({ $ref: '#/components/schemas/New' });
    });
  });
});
