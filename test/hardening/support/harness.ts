import { expect } from 'chai';
import type { Socket as ClientSocket } from 'socket.io-client';
import type { Server, ServerOptions } from '../../../src/server';
import type { Socket } from '../../../src/namespace/socket';
import type { EngineConnection } from '../../../src/engine/types';
import { ClientPool, TRANSPORT_MODES, startServer, until, type TransportMode } from '../../support/io';

/** The two raw transports an offender uses; the bystander uses the official client over the same one. */
export const RAW_TRANSPORTS = ['websocket', 'polling'] as const;
export type RawTransport = (typeof RAW_TRANSPORTS)[number];

export function modeOf(transport: RawTransport): TransportMode {
  return TRANSPORT_MODES.find((mode) => mode.name === transport)!;
}

/**
 * A server, a bystander and a record of how every Engine.IO session ended. The bystander is an official client
 * connected to `/` for the whole test: `assertBystanderHealthy()` proves it received every tick sent to it, in
 * order, and that its acks are still answered, i.e. nothing the offender did reached it.
 */
export class Harness {
  readonly pool = new ClientPool();
  /** How each engine session ended, by session id. */
  readonly closeReasons = new Map<string, string>();
  /** Why each namespace socket ended, by engine session id (the last one of that session). */
  readonly socketReasons = new Map<string, string>();
  /** Errors that escaped to the process during the test. */
  readonly escaped: unknown[] = [];
  /** Errors reported through the server's logger. */
  readonly logged: unknown[] = [];
  server!: Server;
  bystander!: ClientSocket;
  bystanderSocket!: Socket;
  readonly #ticks: number[] = [];
  #sentTicks = 0;
  readonly #onEscape = (err: unknown) => this.escaped.push(err);

  static async start(transport: RawTransport | TransportMode, options: ServerOptions = {}): Promise<Harness> {
    const harness = new Harness();
    process.on('uncaughtException', harness.#onEscape);
    process.on('unhandledRejection', harness.#onEscape);
    harness.server = await startServer({ logger: { error: (_message, err) => harness.logged.push(err) }, ...options });
    harness.server.engine.on('connection', (conn: EngineConnection) => {
      conn.on('close', (reason) => harness.closeReasons.set(conn.id, reason));
    });
    harness.server.on('echo', (value: unknown) => value);
    harness.server.of('/').on('connection', (socket: Socket) => {
      socket.on('disconnect', (reason: string) => harness.socketReasons.set(socket.conn.id, reason));
    });
    const mode = typeof transport === 'string' ? modeOf(transport) : transport;
    const bystanderSocket = new Promise<Socket>((resolve) =>
      harness.server.of('/').on('connection', (socket: Socket) => {
        if (socket.handshake.query.bystander === '1') resolve(socket);
      }),
    );
    harness.bystander = await harness.pool.connect(harness.server, '/', mode, { query: { bystander: '1' } });
    harness.bystanderSocket = await bystanderSocket;
    harness.bystander.on('tick', (n: number) => harness.#ticks.push(n));
    harness.tick();
    return harness;
  }

  /** Sends the bystander its next tick. */
  tick(): void {
    this.bystanderSocket.emit('tick', ++this.#sentTicks);
  }

  /** Asserts the bystander is still connected, got every tick in order, and gets ack answers. */
  async assertBystanderHealthy(): Promise<void> {
    this.tick();
    const expected = Array.from({ length: this.#sentTicks }, (_, i) => i + 1);
    await until(
      () => this.#ticks.length >= expected.length,
      `bystander ticks (${this.#ticks.length}/${expected.length})`,
    );
    expect(this.#ticks).to.deep.equal(expected);
    expect(this.bystander.connected).to.equal(true);
    const answer: unknown = await this.bystander.timeout(3000).emitWithAck('echo', 'still here');
    expect(answer).to.equal('still here');
  }

  /** Waits until the engine session `sid` ended and returns its reason. */
  async closeReasonOf(sid: string): Promise<string> {
    await until(() => this.closeReasons.has(sid), `session ${sid} to close`);
    return this.closeReasons.get(sid)!;
  }

  /** Waits until a namespace socket of session `sid` ended and returns its reason. */
  async socketReasonOf(sid: string): Promise<string> {
    await until(() => this.socketReasons.has(sid), `the socket of session ${sid} to disconnect`);
    return this.socketReasons.get(sid)!;
  }

  /** The engine session id of the only session that is not the bystander's. */
  offenderSid(): string {
    const bystanderSid = this.bystanderSocket.conn.id;
    const sids = [...this.server.engine.clients.keys(), ...this.closeReasons.keys()].filter(
      (sid) => sid !== bystanderSid,
    );
    return sids[sids.length - 1];
  }

  async stop(): Promise<void> {
    await this.pool.closeAll();
    await this.server.close();
    process.off('uncaughtException', this.#onEscape);
    process.off('unhandledRejection', this.#onEscape);
  }

  assertNothingEscaped(): void {
    expect(this.escaped, 'errors that escaped to the process').to.deep.equal([]);
  }

  /** After an offence: the bystander is healthy, nothing escaped to the process and nothing was logged. */
  async assertOnlyOffenderHurt(): Promise<void> {
    await this.assertBystanderHealthy();
    this.assertNothingEscaped();
    expect(this.logged, 'errors reported to the logger').to.deep.equal([]);
  }
}

/**
 * One harness for the enclosing `describe`, started once (handed to `onStart`) and stopped after its last test,
 * its log cleared before each test.
 */
export function useSuiteHarness(start: () => Promise<Harness>, onStart: (harness: Harness) => void): void {
  let harness: Harness | undefined;
  before(async () => {
    harness = await start();
    onStart(harness);
  });
  after(async () => {
    await harness?.stop();
  });
  beforeEach(() => {
    if (harness !== undefined) harness.logged.length = 0;
  });
}
