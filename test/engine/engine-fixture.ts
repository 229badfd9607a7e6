import { createServer, type Server as HttpServer } from 'node:http';
import { EngineServer } from '../../src/engine/server';
import type { EngineServerOptions } from '../../src/engine/options';
import type { EngineSocket } from '../../src/engine/socket';
import type { EngineData } from '../../src/engine/types';
import { baseUrlOf } from '../support/raw-engine-client';

/** An EngineServer attached to an HTTP server on 127.0.0.1, port 0. */
export interface EngineFixture {
  engine: EngineServer;
  httpServer: HttpServer;
  baseUrl: string;
  /** Resolves with the next session the engine opens. */
  nextConnection(): Promise<EngineSocket>;
  close(): Promise<void>;
}

/** Starts a fixture; every test closes it in `afterEach`. */
export async function startEngine(options: EngineServerOptions = {}): Promise<EngineFixture> {
  const httpServer = createServer();
  const engine = new EngineServer(options);
  engine.attach(httpServer);
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  return {
    engine,
    httpServer,
    baseUrl: baseUrlOf(httpServer),
    nextConnection: () => new Promise((resolve) => engine.once('connection', resolve)),
    async close() {
      await engine.close();
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeAllConnections();
      });
    },
  };
}

/** Makes every session echo its messages back. */
export function echo(engine: EngineServer): void {
  engine.on('connection', (socket: EngineSocket) => {
    socket.on('message', (data: EngineData) => socket.send(data));
  });
}
