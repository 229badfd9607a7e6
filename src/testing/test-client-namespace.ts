import type { TestClient } from './test-client';
import type { ReceivedPacket, TestConnectError } from './types';
import type {
  AckEmitArgs,
  AckParams,
  ArgsWithoutAck,
  DefaultEventsMap,
  EventNames,
  EventNamesWithAck,
  EventParams,
  EventsMap,
} from '../namespace/typed-events';

/**
 * One namespace of a {@link TestClient}: the same calls, with the namespace fixed, and the same events maps
 * (`ListenEvents` what the server sends, `EmitEvents` what the client sends).
 */
export class TestClientNamespace<
  ListenEvents extends EventsMap = DefaultEventsMap,
  EmitEvents extends EventsMap = DefaultEventsMap,
> {
  readonly #client: TestClient<ListenEvents, EmitEvents>;
  readonly name: string;

  constructor(client: TestClient<ListenEvents, EmitEvents>, name: string) {
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

  emit<K extends EventNames<EmitEvents>>(event: K, ...args: ArgsWithoutAck<EventParams<EmitEvents, K>>): this {
    this.#client.emitTo(this.name, event, ...args);
    return this;
  }

  emitWithAck<K extends EventNamesWithAck<EmitEvents>>(
    event: K,
    ...args: AckEmitArgs<EmitEvents, K>
  ): Promise<AckParams<EmitEvents, K>> {
    return this.#client.emitWithAckTo(this.name, event, ...args);
  }

  getReceived(): ReceivedPacket<ListenEvents>[] {
    return this.#client.getReceived(this.name);
  }

  waitFor<K extends EventNames<ListenEvents>>(
    event: K,
    options: { timeout?: number } = {},
  ): Promise<ReceivedPacket<ListenEvents, K>> {
    return this.#client.waitFor(event, { ...options, namespace: this.name });
  }
}
