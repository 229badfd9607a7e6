import type { Instrumentation } from '../namespace/instrumentation';
import type { Guard, GuardContext } from './guard-context';
import type { CallHandler, Interceptor } from './interceptor';
import type { CompiledPayload } from './payload-validator';

/**
 * Wraps the stages of a route for tracing, once, at registration: each stage then runs in a child span of its event's
 * span. With no instrumentation, or with tracing off, the stage is returned as it is, so the compiled route is the
 * same as without observability. Any later stage goes through {@link instrumentStage} the same way.
 *
 * Where each span hangs: an event's guards, interceptors and payload validation are children of the event's span
 * (`<namespace> <event>`), and what an interceptor runs inside `next.handle()` (inner interceptors, validation) is a
 * child of the interceptor's. Connect guards are children of the connection's span (`<namespace> connect`).
 */

/** A method guard, traced as `guard <name>`. */
export function instrumentGuard(instrumentation: Instrumentation | null, guard: Guard, name: string): Guard {
  if (instrumentation === null) return guard;
  const check = (context: GuardContext) => guard.canActivate(context);
  const traced = instrumentation.wrapStage('guard', name, check);
  return traced === check ? guard : { canActivate: traced };
}

/** Guards with their names (the lists the route and the connect compile), each traced as {@link instrumentGuard}. */
export function instrumentGuards(
  instrumentation: Instrumentation | null,
  guards: readonly Guard[],
  names: readonly string[],
): Guard[] {
  return instrumentation === null
    ? [...guards]
    : guards.map((guard, i) => instrumentGuard(instrumentation, guard, names[i]));
}

/**
 * An interceptor, traced as `interceptor <name>`. Its span lasts until what `intercept` returns settles, so it covers
 * the rest of the chain it runs through `next.handle()`.
 */
export function instrumentInterceptor(
  instrumentation: Instrumentation | null,
  interceptor: Interceptor,
  name: string,
): Interceptor {
  if (instrumentation === null) return interceptor;
  const intercept = (context: GuardContext, next: CallHandler) => interceptor.intercept(context, next);
  const traced = instrumentation.wrapStage('interceptor', name, intercept);
  return traced === intercept ? interceptor : { intercept: traced };
}

/** A payload's transformation and validation, traced as `validation <label>`. */
export function instrumentPayload(
  instrumentation: Instrumentation | null,
  payload: CompiledPayload | null,
  label: string,
): CompiledPayload | null {
  if (instrumentation === null || payload === null) return payload;
  const transform = (value: unknown) => payload.transform(value);
  const traced = instrumentation.wrapStage('validation', label, transform);
  return traced === transform ? payload : { isAsync: payload.isAsync, transform: traced };
}

/**
 * Any stage function (an interceptor's call, a throttle check): traced as `<kind> <name>` when tracing is on, else
 * `fn` itself. For the stages other branches add to compile-route: call it where the stage is compiled.
 *
 * @example const intercept = instrumentStage(server.instrumentation, 'interceptor', 'Logging', runInterceptor);
 */
export function instrumentStage<A extends unknown[], R>(
  instrumentation: Instrumentation | null,
  kind: 'guard' | 'interceptor' | 'validation',
  name: string,
  fn: (...args: A) => R,
): (...args: A) => R {
  return instrumentation === null ? fn : instrumentation.wrapStage(kind, name, fn);
}
