import type { Server as HttpServer } from 'node:http';
import { Server } from '../../src/server';
export declare function attachSocketIo(httpServer: HttpServer, options: {
    pingInterval: number;
    pingTimeout: number;
    maxHttpBufferSize: number;
}): Server;
