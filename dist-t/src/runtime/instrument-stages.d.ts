import type { Instrumentation } from '../namespace/instrumentation';
import type { Guard } from './guard-context';
import type { CompiledPayload } from './payload-validator';
/**
 * Wraps the stages of a route for tracing, once, at registration: each stage then runs in a child span of its event's
 * span. With no instrumentation, or with tracing off, the stage is returned as it is, so the compiled route is the
 * same as without observability. Interceptors (and any later stage) go through {@link instrumentStage} the same way.
 */
/** A method guard, traced as `guard <name>`. */
export declare function instrumentGuard(instrumentation: Instrumentation | null, guard: Guard, name: string): Guard;
/** A payload's transformation and validation, traced as `validation <label>`. */
export declare function instrumentPayload(instrumentation: Instrumentation | null, payload: CompiledPayload | null, label: string): CompiledPayload | null;
/**
 * Any stage function (an interceptor's call, a throttle check): traced as `<kind> <name>` when tracing is on, else
 * `fn` itself. For the stages other branches add to compile-route: call it where the stage is compiled.
 *
 * @example const intercept = instrumentStage(server.instrumentation, 'interceptor', 'Logging', runInterceptor);
 */
export declare function instrumentStage<A extends unknown[], R>(instrumentation: Instrumentation | null, kind: 'guard' | 'interceptor' | 'validation', name: string, fn: (...args: A) => R): (...args: A) => R;
