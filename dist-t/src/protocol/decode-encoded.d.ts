import type { EngineData } from '../engine/types';
import { type Packet } from './packet';
/**
 * Decodes frames this server encoded itself (one text frame, then the binary attachments) back into their packet,
 * or null when they are not one whole packet. For the rare reader that needs the values of a packet that was
 * encoded once for many recipients (a socket's outgoing catch-all listeners, a broadcast that came from another
 * process): never on the path of a packet nobody asked to see.
 */
export declare function decodeEncoded(frames: readonly EngineData[]): Packet | null;
