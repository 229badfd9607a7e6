import type { RawResponse } from '../../support/raw-engine-client';
import { RawPolling, RawWebSocket } from '../../support/raw-hostile-client';
import type { RawTransport } from './harness';

/**
 * A raw client that misbehaves, over either transport: the same wire literals go out as websocket frames or as
 * the packets of one polling POST (binary as `b` + base64, the v4 payload encoding).
 */
export interface Offender {
  readonly sid: string;
  /** Sends Engine.IO packets (text packets with their type digit; Buffers are binary messages). */
  send(...packets: (string | Buffer)[]): Promise<RawResponse | null>;
  /** Resolves once the server ended the session (websocket closed, or polling saw the close packet or an error). */
  closed(): Promise<void>;
  /** Whether the session still answers (websocket open, or a POST accepted). */
  isAlive(): Promise<boolean>;
  close(): void;
}

export async function openOffender(transport: RawTransport, port: number, joinNamespace = true): Promise<Offender> {
  if (transport === 'websocket') {
    const raw = joinNamespace ? await RawWebSocket.connect(port) : await RawWebSocket.open(port);
    return {
      sid: raw.sid,
      send: (...packets) => {
        for (const packet of packets) raw.send(packet);
        return Promise.resolve(null);
      },
      closed: async () => void (await raw.closed),
      isAlive: () => Promise.resolve(raw.isOpen),
      close: () => raw.close(),
    };
  }
  const raw = joinNamespace ? await RawPolling.connect(port) : await RawPolling.open(port);
  return {
    sid: raw.sid,
    send: (...packets) =>
      raw.post(
        packets.map((packet) => (typeof packet === 'string' ? packet : `b${packet.toString('base64')}`)).join('\x1e'),
      ),
    closed: async () => void (await raw.pollUntilClosed()),
    isAlive: async () => (await raw.post('6')).status === 200,
    close: () => undefined,
  };
}
