import { type Suite } from './support/suite';
export declare const suites: readonly Suite[];
