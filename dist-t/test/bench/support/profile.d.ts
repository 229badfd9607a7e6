import type { ProfileSummary } from './report';
/**
 * Where a function lives, coarsely: an npm package, a classio layer, a Node internal module, or V8's own buckets
 * ((garbage collector), (program), (idle)).
 */
export declare function areaOf(url: string, functionName: string): string;
/** Self time per function and per area of one profile, largest first. */
export declare function summarizeProfile(file: string, top?: number): Omit<ProfileSummary, 'peer' | 'suite'>;
