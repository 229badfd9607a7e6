import type { TestClient } from './test-client';
import type { ReceivedPacket, TestConnectError } from './types';

/** One namespace of a {@link TestClient}: the same calls, with the namespace fixed. */
export class TestClientNamespace {
  readonly #client: TestClient;
  readonly name: string;

  constructor(client: TestClient, name: string) {
    this.#client = client;
    this.name = name;
  }

  connect(options: { auth?: Record<string, unknown> } = {}): Promise<boolean> {
    return this.#client.connect(this.name, options);
  }

  disconnect(): void {
    this.#client.disconnect(this.name);
  }

  isConnected(): boolean {
    return this.#client.isConnected(this.name);
  }

  get id(): string | undefined {
    return this.#client.id(this.name);
  }

  connectError(): TestConnectError | undefined {
    return this.#client.connectError(this.name);
  }

  emit(event: string, ...args: unknown[]): this {
    this.#client.emitTo(this.name, event, ...args);
    return this;
  }

  emitWithAck(event: string, ...args: unknown[]): Promise<unknown[]> {
    return this.#client.emitWithAckTo(this.name, event, ...args);
  }

  getReceived(): ReceivedPacket[] {
    return this.#client.getReceived(this.name);
  }

  waitFor(event: string, options: { timeout?: number } = {}): Promise<ReceivedPacket> {
    return this.#client.waitFor(event, { ...options, namespace: this.name });
  }
}
