"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TestClientNamespace = void 0;
/** One namespace of a {@link TestClient}: the same calls, with the namespace fixed. */
class TestClientNamespace {
    #client;
    constructor(client, name) {
        this.#client = client;
        this.name = name;
    }
    connect(options = {}) {
        return this.#client.connect(this.name, options);
    }
    disconnect() {
        this.#client.disconnect(this.name);
    }
    isConnected() {
        return this.#client.isConnected(this.name);
    }
    get id() {
        return this.#client.id(this.name);
    }
    connectError() {
        return this.#client.connectError(this.name);
    }
    emit(event, ...args) {
        this.#client.emitTo(this.name, event, ...args);
        return this;
    }
    emitWithAck(event, ...args) {
        return this.#client.emitWithAckTo(this.name, event, ...args);
    }
    getReceived() {
        return this.#client.getReceived(this.name);
    }
    waitFor(event, options = {}) {
        return this.#client.waitFor(event, { ...options, namespace: this.name });
    }
}
exports.TestClientNamespace = TestClientNamespace;
//# sourceMappingURL=test-client-namespace.js.map