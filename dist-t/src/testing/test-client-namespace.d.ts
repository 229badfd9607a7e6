import type { TestClient } from './test-client';
import type { ReceivedPacket, TestConnectError } from './types';
/** One namespace of a {@link TestClient}: the same calls, with the namespace fixed. */
export declare class TestClientNamespace {
    #private;
    readonly name: string;
    constructor(client: TestClient, name: string);
    connect(options?: {
        auth?: Record<string, unknown>;
    }): Promise<boolean>;
    disconnect(): void;
    isConnected(): boolean;
    get id(): string | undefined;
    connectError(): TestConnectError | undefined;
    emit(event: string, ...args: unknown[]): this;
    emitWithAck(event: string, ...args: unknown[]): Promise<unknown[]>;
    getReceived(): ReceivedPacket[];
    waitFor(event: string, options?: {
        timeout?: number;
    }): Promise<ReceivedPacket>;
}
