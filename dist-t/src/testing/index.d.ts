/**
 * `classio/testing`: the in-process test client (Flask-SocketIO's `SocketIOTestClient`). A separate entry, so that a
 * production process that imports `classio` never loads it.
 *
 * @example
 * import { TestClient } from 'classio/testing';
 *
 * const client = new TestClient(server, '/chat', { auth: { token: 'let-me-in' } });
 * expect(await client.ready).to.equal(true);
 */
export { TestClient } from './test-client';
export type { TestClientNamespace } from './test-client-namespace';
export type { AckResponder, ReceivedPacket, TestClientOptions, TestConnectError } from './types';
