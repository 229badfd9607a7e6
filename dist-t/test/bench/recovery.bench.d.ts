import type { Suite } from './support/suite';
/**
 * Workload 8, the cost of connection state recovery on a broadcast: workload 4's fan-out (one sender, every other
 * client in one room) with `connectionStateRecovery` off and on, for classio and Socket.IO 4.8 in the same run.
 * With recovery on, each broadcast gets an offset argument and is kept in the bounded packet log; the target
 * is under 15 % on the headline figure (classio-recovery against classio), and recovery off must cost nothing
 * (classio here against workload 4's classio on main).
 */
export declare const suite: Suite;
