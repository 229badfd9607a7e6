"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.instrumentGuard = instrumentGuard;
exports.instrumentPayload = instrumentPayload;
exports.instrumentStage = instrumentStage;
/**
 * Wraps the stages of a route for tracing, once, at registration: each stage then runs in a child span of its event's
 * span. With no instrumentation, or with tracing off, the stage is returned as it is, so the compiled route is the
 * same as without observability. Interceptors (and any later stage) go through {@link instrumentStage} the same way.
 */
/** A method guard, traced as `guard <name>`. */
function instrumentGuard(instrumentation, guard, name) {
    if (instrumentation === null)
        return guard;
    const check = (context) => guard.canActivate(context);
    const traced = instrumentation.wrapStage('guard', name, check);
    return traced === check ? guard : { canActivate: traced };
}
/** A payload's transformation and validation, traced as `validation <label>`. */
function instrumentPayload(instrumentation, payload, label) {
    if (instrumentation === null || payload === null)
        return payload;
    const transform = (value) => payload.transform(value);
    const traced = instrumentation.wrapStage('validation', label, transform);
    return traced === transform ? payload : { isAsync: payload.isAsync, transform: traced };
}
/**
 * Any stage function (an interceptor's call, a throttle check): traced as `<kind> <name>` when tracing is on, else
 * `fn` itself. For the stages other branches add to compile-route: call it where the stage is compiled.
 *
 * @example const intercept = instrumentStage(server.instrumentation, 'interceptor', 'Logging', runInterceptor);
 */
function instrumentStage(instrumentation, kind, name, fn) {
    return instrumentation === null ? fn : instrumentation.wrapStage(kind, name, fn);
}
//# sourceMappingURL=instrument-stages.js.map