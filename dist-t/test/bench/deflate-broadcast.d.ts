import 'reflect-metadata';
import WebSocket from 'ws';
/** Opens `count` raw Engine.IO websocket clients (permessage-deflate offered) in namespace `/`. */
export declare function connectClients(port: number, count: number): Promise<WebSocket[]>;
