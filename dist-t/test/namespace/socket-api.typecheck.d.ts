/**
 * Type test for the Socket.IO-style API: compiled by the build and by `test/typecheck.test.ts`. Every
 * `@ts-expect-error` line must be an error, and nothing else may be. What a client sends reaches a listener as
 * `unknown`, never `any`: a listener narrows it, or declares the types it expects.
 */
import { Server } from '../../src/server';
declare const server: Server;
export { server };
