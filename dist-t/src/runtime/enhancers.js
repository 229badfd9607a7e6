"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.EnhancerResolver = void 0;
exports.enhancerName = enhancerName;
exports.resolveEnhancer = resolveEnhancer;
const tsyringe_1 = require("tsyringe");
const errors_1 = require("../errors");
/**
 * Resolving guards and interceptors (the "enhancers" of a route): at registration, from the container, once per
 * token and namespace; or, in a `scope: 'connection'` namespace, per connection from the connection's child
 * container, so that they can take connection-scoped services.
 */
/** The two kinds of enhancer: the method each must have. */
const METHODS = { guard: 'canActivate', interceptor: 'intercept' };
/** How each method is named in messages. */
const SIGNATURES = { guard: 'canActivate(context)', interceptor: 'intercept(context, next)' };
/** The name of a guard or interceptor, for messages. */
function enhancerName(token) {
    return typeof token === 'function' ? token.name : (token.constructor?.name ?? 'instance');
}
function checkShape(kind, token, value, label) {
    const method = METHODS[kind];
    if (value === null || typeof value !== 'object' || typeof value[method] !== 'function') {
        throw new errors_1.ConfigurationError(`${label}: ${kind} ${enhancerName(token)} has no ${SIGNATURES[kind]} method`);
    }
    return value;
}
function resolveEnhancer(container, kind, token, label) {
    if (typeof token !== 'function')
        return checkShape(kind, token, token, label);
    (0, tsyringe_1.injectable)()(token);
    let value;
    try {
        value = container.resolve(token);
    }
    catch (error) {
        throw new errors_1.ConfigurationError(`${label}: ${kind} ${token.name} cannot be resolved from the container: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    return checkShape(kind, token, value, label);
}
/** A guard class of a connection-scoped namespace: resolved from each connection's container, on its first use. */
class ConnectionGuard {
    constructor(token, instances) {
        this.token = token;
        this.instances = instances;
    }
    canActivate(context) {
        return this.instances.resolveFor(context.socket, this.token).canActivate(context);
    }
}
/** An interceptor class of a connection-scoped namespace, resolved as {@link ConnectionGuard} is. */
class ConnectionInterceptor {
    constructor(token, instances) {
        this.token = token;
        this.instances = instances;
    }
    intercept(context, next) {
        return this.instances.resolveFor(context.socket, this.token).intercept(context, next);
    }
}
/**
 * Resolves the enhancers of one namespace, each token once. In a connection-scoped namespace a class token is
 * made injectable and resolved per connection; instances are shared as they are.
 */
class EnhancerResolver {
    #cache = new Map();
    constructor(container, instances) {
        this.container = container;
        this.instances = instances;
    }
    guard(token, label, isPerConnection = this.instances.isPerConnection) {
        return this.#resolve('guard', token, label, isPerConnection);
    }
    interceptor(token, label) {
        return this.#resolve('interceptor', token, label, this.instances.isPerConnection);
    }
    #resolve(kind, token, label, isPerConnection) {
        if (isPerConnection && typeof token === 'function') {
            const method = METHODS[kind];
            if (typeof token.prototype[method] !== 'function') {
                throw new errors_1.ConfigurationError(`${label}: ${kind} ${token.name} has no ${SIGNATURES[kind]} method`);
            }
            (0, tsyringe_1.injectable)()(token);
            return kind === 'guard'
                ? new ConnectionGuard(token, this.instances)
                : new ConnectionInterceptor(token, this.instances);
        }
        const cached = this.#cache.get(token);
        if (cached !== undefined)
            return cached;
        const enhancer = kind === 'guard'
            ? resolveEnhancer(this.container, 'guard', token, label)
            : resolveEnhancer(this.container, 'interceptor', token, label);
        this.#cache.set(token, enhancer);
        return enhancer;
    }
}
exports.EnhancerResolver = EnhancerResolver;
//# sourceMappingURL=enhancers.js.map