import type { Suite } from './support/suite';
export declare const suite: Suite;
