import { type Server as HttpServer } from 'node:http';
import { EngineServer } from '../../src/engine/server';
import type { EngineServerOptions } from '../../src/engine/options';
import type { EngineSocket } from '../../src/engine/socket';
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
export declare function startEngine(options?: EngineServerOptions): Promise<EngineFixture>;
/** Makes every session echo its messages back. */
export declare function echo(engine: EngineServer): void;
