"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TestClient = void 0;
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
var test_client_1 = require("./test-client");
Object.defineProperty(exports, "TestClient", { enumerable: true, get: function () { return test_client_1.TestClient; } });
//# sourceMappingURL=index.js.map