import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { buildClientTypes } from '../../src/contract/client-types';
import { createShopServer } from './fixtures/shop-app';

/**
 * The generated `.d.ts` of the test app, compiled with the project's pinned TypeScript against socket.io-client:
 * a correct client compiles without a diagnostic, and every mistake of a wrong one is reported on its own line.
 */

const root = path.resolve(__dirname, '../../..');

const GOOD_CLIENT = `import { io, type Socket } from 'socket.io-client';
import type {
  ClientToServerEvents,
  Namespaces,
  OrdersClientToServerEvents,
  OrdersServerToClientEvents,
  ServerToClientEvents,
} from './events';

const orders: Socket<OrdersServerToClientEvents, OrdersClientToServerEvents> = io('http://127.0.0.1:1/orders', {
  autoConnect: false,
});
const order = {
  customer: { name: 'Ada', address: { street: 'Main St' } },
  items: [{ sku: 'tea', quantity: 2 }],
  priority: 'high' as const,
  tags: ['gift'],
};
orders.emit('place order', order, (answer) => {
  if ('error' in answer) {
    const code: string = answer.error.code;
    console.log(code, answer.error.message);
  } else {
    const total: number = answer.total;
    console.log(total, answer.priority === 'low');
  }
});
orders.emit('add', 1, 2, (sum) => console.log(sum));
export async function placeAndSearch(): Promise<void> {
  const placed = await orders.emitWithAck('place order', { ...order, level: 2, gift: true });
  if (!('error' in placed)) console.log(placed.id.toUpperCase());
  const found = await orders.timeout(1000).emitWithAck('search', 'tea');
  if (Array.isArray(found)) console.log(found.map((o) => o.total));
}
orders.on('order placed', (placed) => console.log(placed.id, placed.priority));
orders.on('confirm', (question, callback) => callback({ ok: question.text.length > 0 }));
orders.on('skus', (skus) => console.log(skus.map((sku) => sku.toUpperCase())));
orders.on('tick', () => console.log('tick'));
orders.on('connect_error', (error) => console.log(error.message));

type Tenant = Namespaces['/tenant/:id'];
const tenant: Socket<Tenant['serverToClient'], Tenant['clientToServer']> = io('http://127.0.0.1:1/tenant/7', {
  auth: { key: 'k' },
  autoConnect: false,
});
tenant.emit('hello', { name: 'Ada' }, (answer) => console.log(typeof answer === 'string' ? answer : answer.error));
tenant.on('welcome', (hello) => console.log(hello.name));

const any: Socket<ServerToClientEvents, ClientToServerEvents> = io('http://127.0.0.1:1/room-1', { autoConnect: false });
any.emit('enter');
`;

/** Each line marked `// wrong` must be reported, and nothing else. */
const WRONG_CLIENT = `import { io, type Socket } from 'socket.io-client';
import type { OrdersClientToServerEvents, OrdersServerToClientEvents } from './events';

const orders: Socket<OrdersServerToClientEvents, OrdersClientToServerEvents> = io('http://127.0.0.1:1/orders');
const customer = { name: 'Ada', address: { street: 'Main St' } };
const items = [{ sku: 'tea', quantity: 2 }];
orders.emit('place order', { customer, items, priority: 'urgent' }, () => {}); // wrong
orders.emit('place order', { customer: { name: 'Ada' }, items, priority: 'low' }, () => {}); // wrong
orders.emit('place order', { customer, items: [{ sku: 'tea' }], priority: 'low' }, () => {}); // wrong
orders.emit('place order', { customer, items, priority: 'low', tags: [1] }, () => {}); // wrong
orders.emit('add', 1, 'two', () => {}); // wrong
orders.emit('no such event'); // wrong
orders.on('confirm', (question, callback) => callback({ ok: 'yes' })); // wrong
orders.on('order placed', (placed) => placed.total.toUpperCase()); // wrong
orders.on('skus', (skus: number[]) => skus); // wrong
`;

function compile(dir: string): ts.Diagnostic[] {
  const config = ts.readConfigFile(path.join(root, 'tsconfig.json'), (file) => ts.sys.readFile(file));
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  const files = ['good.ts', 'wrong.ts'].map((file) => path.join(dir, file));
  const program = ts.createProgram(files, { ...options, noEmit: true, noUnusedLocals: false, rootDir: undefined });
  return [...ts.getPreEmitDiagnostics(program)];
}

describe('classio client-types', function () {
  // One compiler run: seconds on a quiet machine, much more on a loaded one.
  this.timeout(300_000);
  let dir: string;
  let diagnostics: ts.Diagnostic[];
  const declarations = buildClientTypes(createShopServer().asyncapi({ title: 'Shop' }));

  before(() => {
    // Inside the repository, so that the program resolves socket.io-client from its node_modules.
    dir = mkdtempSync(path.join(root, 'dist', 'client-types-'));
    writeFileSync(path.join(dir, 'events.d.ts'), declarations);
    writeFileSync(path.join(dir, 'good.ts'), GOOD_CLIENT);
    writeFileSync(path.join(dir, 'wrong.ts'), WRONG_CLIENT);
    diagnostics = compile(dir);
  });

  after(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  const messagesIn = (file: string) =>
    diagnostics
      .filter((diagnostic) => diagnostic.file?.fileName === path.join(dir, file))
      .map((diagnostic) => ({
        line: diagnostic.file!.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1,
        text: ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'),
      }));

  it('declares the DTOs and each namespace maps', () => {
    expect(declarations).to.include('export interface PlaceOrder {');
    expect(declarations).to.include('  priority: "low" | "high";');
    expect(declarations).to.include('  tags?: string[];');
    expect(declarations).to.include('  items: LineItem[];');
    expect(declarations).to.include('export interface OrdersClientToServerEvents {');
    expect(declarations).to.include(
      '"add": (arg0: number, arg1: number, callback: (answer: number | ClassioAckError) => void) => void;',
    );
    expect(declarations).to.include('"confirm": (payload: Question, callback: (answer: Answer) => void) => void;');
    expect(declarations).to.include('"/tenant/:id": {');
  });

  it('leaves the generated file itself without a diagnostic', () => {
    expect(messagesIn('events.d.ts')).to.deep.equal([]);
  });

  it('compiles a correct socket.io-client program', () => {
    expect(messagesIn('good.ts')).to.deep.equal([]);
  });

  it('rejects each wrong payload, event and ack of a wrong program, on its line', () => {
    const wrongLines = WRONG_CLIENT.split('\n')
      .map((line, i) => (line.endsWith('// wrong') ? i + 1 : 0))
      .filter((line) => line > 0);
    const reported = [...new Set(messagesIn('wrong.ts').map((message) => message.line))];
    expect(reported).to.deep.equal(wrongLines);
  });

  it('reports nothing outside the three files', () => {
    expect(diagnostics.filter((diagnostic) => !diagnostic.file?.fileName.startsWith(dir))).to.deep.equal([]);
  });
});
