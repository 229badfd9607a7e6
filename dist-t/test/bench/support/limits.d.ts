/**
 * Raises this process's descriptor limit (soft and hard) to `needed` with `prlimit`, so that the server and load
 * processes it spawns afterwards inherit it. Raising the hard limit takes root or CAP_SYS_RESOURCE; without them
 * the run goes on and says that the largest sizes may fail with EMFILE.
 */
export declare function raiseDescriptorLimit(needed: number, label: string): void;
