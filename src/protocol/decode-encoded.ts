import { Decoder } from 'socket.io-parser';
import type { EngineData } from '../engine/types';
import { decodeEventPacket, type Packet } from './packet';

/**
 * Decodes frames this server encoded itself (one text frame, then the binary attachments) back into their packet,
 * or null when they are not one whole packet. For the rare reader that needs the values of a packet that was
 * encoded once for many recipients (a socket's outgoing catch-all listeners, a broadcast that came from another
 * process): never on the path of a packet nobody asked to see.
 */
export function decodeEncoded(frames: readonly EngineData[]): Packet | null {
  const first = frames[0];
  if (frames.length === 1 && typeof first === 'string') {
    const packet = decodeEventPacket(first);
    if (packet !== null) return packet;
  }
  // socket.io-parser decodes synchronously: 'decoded' fires within the add() of the last frame.
  const decoder = new Decoder();
  let decoded: Packet | null = null;
  decoder.on('decoded', (packet: Packet) => (decoded = packet));
  try {
    for (const frame of frames) decoder.add(frame);
  } catch {
    return null;
  } finally {
    decoder.destroy();
  }
  return decoded;
}
