import type { ServerOptions } from '../../../src';
/** The options of a classio bench variant: metrics or tracing on, nothing for the others. */
export declare function observabilityOptions(variant: string): ServerOptions;
