"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.NamespaceExplorer = exports.NO_GLOBAL_ENHANCERS = void 0;
exports.registerNamespace = registerNamespace;
const tsyringe_1 = require("tsyringe");
const metadata_1 = require("../../decorators/metadata");
const errors_1 = require("../errors");
const option_names_1 = require("../option-names");
const debug_1 = require("../debug");
const describe_class_1 = require("./describe-class");
const namespace_base_1 = require("./namespace-base");
const connection_scope_1 = require("./connection-scope");
const payload_validator_1 = require("./payload-validator");
const throttle_1 = require("./throttle");
const enhancers_1 = require("./enhancers");
const instrument_stages_1 = require("./instrument-stages");
const compile_route_1 = require("./compile-route");
const debug = (0, debug_1.createDebug)('classio:runtime');
/** Characters a namespace path cannot hold: `,` ends the namespace in a packet, `?` and `#` belong to URLs. */
const INVALID_PATH = /[,?#\s]/;
const DEFAULT_OPTIONS = { scope: 'singleton', validator: undefined };
const NAMESPACE_OPTION_NAMES = Object.keys(DEFAULT_OPTIONS);
/** The names of `PayloadOptions`. */
const PAYLOAD_OPTION_NAMES = ['type', 'index', 'validator', 'transformer', 'validate'];
/** No global enhancers. */
exports.NO_GLOBAL_ENHANCERS = Object.freeze({ guards: [], guardNames: [], interceptors: [] });
/** The names of `ThrottleOptions`. */
const THROTTLE_OPTION_NAMES = ['limit', 'windowMs', 'key'];
/**
 * Compiles decorated namespace classes (or instances, as Flask's `on_namespace`) into route tables. It reads the
 * metadata contract once, resolves the class and its guards through tsyringe, compiles every payload class, and
 * fails with a `ConfigurationError` naming the class and method for every mistake it can see. Nothing it returns
 * reads metadata or touches the container per message.
 */
class NamespaceExplorer {
    #container;
    #instrumentation;
    /**
     * @param container the root container (default: tsyringe's global `container`).
     * @param instrumentation the server's, to trace guards and validation (see `instrument-stages.ts`), or null.
     */
    constructor(container = tsyringe_1.container, instrumentation = null) {
        this.#container = container;
        this.#instrumentation = instrumentation;
    }
    /** Compiles a class (resolved through the container) or a ready instance, inside the server's global enhancers. */
    compile(target, globals = exports.NO_GLOBAL_ENHANCERS) {
        const isClass = typeof target === 'function';
        const cls = (isClass ? target : target.constructor);
        const declared = (0, metadata_1.readNamespace)(cls);
        const path = checkPath(cls, (!isClass && target instanceof namespace_base_1.NamespaceBase ? target.path : undefined) ?? declared?.path);
        const options = resolveOptions(cls, declared?.options);
        if (!isClass && options.scope === 'connection') {
            throw new errors_1.ConfigurationError(`${cls.name}: a namespace with scope 'connection' is created per connection; register the class, not an instance`);
        }
        const description = (0, describe_class_1.describeClass)(cls);
        const singleton = isClass ? (options.scope === 'singleton' ? this.#resolveClass(cls) : null) : target;
        if (options.scope === 'connection')
            makeInjectable(cls);
        const instances = new connection_scope_1.InstanceSource(singleton, cls, this.#container);
        const enhancers = new enhancers_1.EnhancerResolver(this.#container, instances);
        const invoke = (method, event) => compileInvoker(method, event, instances, options, this.#instrumentation);
        const errorHandlers = description.errorHandlers.map((handler) => ({
            handler,
            entry: new compile_route_1.ErrorEntry(invoke(handler, 'error'), handler.errorClasses),
        }));
        const namespaceOnError = (0, compile_route_1.createErrorHandler)(errorHandlers.filter((e) => e.handler.events === null).map((e) => e.entry));
        const eventGuardTokens = description.eventGuards;
        const eventGuards = eventGuardTokens.map((token) => enhancers.guard(token, cls.name));
        const classInterceptors = description.classInterceptors.map((token) => enhancers.interceptor(token, cls.name));
        const throttlers = [];
        const compileRoute = (event, method, isUnknown = false) => {
            const guardList = [
                ...globals.guards,
                ...eventGuards,
                ...method.guards.map((token) => (0, instrument_stages_1.instrumentGuard)(this.#instrumentation, enhancers.guard(token, method.label), (0, enhancers_1.enhancerName)(token))),
            ];
            const interceptors = [
                ...globals.interceptors,
                ...classInterceptors,
                ...method.interceptors.map((token) => enhancers.interceptor(token, method.label)),
            ];
            const throttleOptions = method.throttle ?? description.classThrottle;
            const throttle = throttleOptions === undefined ? null : compileThrottle(throttleOptions, event, method.label);
            if (throttle !== null)
                throttlers.push(throttle);
            const state = new compile_route_1.RouteState(event, invoke(method, event), guardList.length > 0 ? guardList : null, [...globals.guardNames, ...eventGuardTokens.map(enhancers_1.enhancerName), ...method.guards.map(enhancers_1.enhancerName)], interceptors.length > 0 ? interceptors : null, throttle);
            const answersAck = method.params.some((param) => param.kind === 'ack');
            return (0, compile_route_1.createRoute)(state, answersAck, routeErrorHandler(errorHandlers, event), isUnknown);
        };
        const routes = new Map();
        for (const [event, method] of description.events)
            routes.set(event, compileRoute(event, method));
        const unknown = description.onUnknown && compileRoute('*', description.onUnknown, true);
        const onAny = description.onAny && (0, compile_route_1.createAnyHandler)(invoke(description.onAny, 'any'));
        // `@UseGuards` on `on_connect` guards the connection too, after the class guards.
        // Event guards check the connect too; in a connection-scoped namespace they need the connection's container,
        // so they run once it exists (ConnectState.scopedGuards).
        const isScoped = instances.isPerConnection;
        const connectTokens = [
            ...description.classGuards,
            ...(isScoped ? [] : eventGuardTokens),
            ...(description.connect?.guards ?? []),
        ];
        const classGuards = connectTokens.map((token) => enhancers.guard(token, cls.name, false));
        if (description.disconnect !== null && description.disconnect.guards.length > 0) {
            throw new errors_1.ConfigurationError(`${description.disconnect.label}: a disconnect cannot be refused, so it takes no guards`);
        }
        checkLifecycle(description.connect);
        checkLifecycle(description.disconnect);
        const table = Object.freeze({
            routes,
            connect: (0, compile_route_1.createConnectHook)(new compile_route_1.ConnectState(classGuards.length > 0 ? classGuards : null, connectTokens.map(enhancers_1.enhancerName), instances, description.connect && invoke(description.connect, 'connect'), isScoped && eventGuards.length > 0 ? eventGuards : null)),
            disconnect: (0, compile_route_1.createDisconnectHook)(new compile_route_1.DisconnectState(instances, description.disconnect && invoke(description.disconnect, 'disconnect'))),
            onError: namespaceOnError,
            onAny,
            unknown,
            sessionExpired: compileSessionExpired(description.sessionExpired, singleton),
        });
        debug('compiled %s for %s: %d routes', cls.name, path, routes.size);
        return {
            path,
            name: cls.name,
            table,
            options,
            instance: singleton,
            bind(nsp) {
                if (singleton !== null)
                    (0, namespace_base_1.attachNamespace)(singleton, nsp);
            },
            throttlers,
        };
    }
    #resolveClass(cls) {
        makeInjectable(cls);
        try {
            return this.#container.resolve(cls);
        }
        catch (error) {
            throw new errors_1.ConfigurationError(`${cls.name} cannot be resolved from the container: ${messageOf(error)}; ` +
                'register its constructor dependencies (or give them @injectable())', { cause: error });
        }
    }
}
exports.NamespaceExplorer = NamespaceExplorer;
/**
 * Compiles `target` and installs it on `server.of(path)`: what `Server.register` does.
 */
function registerNamespace(server, target, container, globals) {
    const compiled = new NamespaceExplorer(container, server.instrumentation ?? null).compile(target, globals);
    const nsp = server.of(compiled.path);
    nsp.install(compiled.table, compiled.name);
    compiled.bind(nsp);
    return compiled;
}
function checkPath(cls, path) {
    // A RegExp or function path is a dynamic namespace, matched against each name a client asks for.
    if (path instanceof RegExp || typeof path === 'function')
        return path;
    if (path === undefined) {
        throw new errors_1.ConfigurationError(`${cls.name} has no namespace path: decorate it with @Namespace('/path') or pass the path to its constructor`);
    }
    if (typeof path !== 'string' || !path.startsWith('/') || INVALID_PATH.test(path)) {
        throw new errors_1.ConfigurationError(`${cls.name}: invalid namespace path ${JSON.stringify(path)}; expected "/" followed by no ",", "?", "#" or space`);
    }
    return path;
}
function resolveOptions(cls, declared) {
    if (declared !== undefined)
        (0, option_names_1.checkOptionNames)(declared, NAMESPACE_OPTION_NAMES, `${cls.name}: @Namespace()`);
    const options = { ...DEFAULT_OPTIONS, ...declared };
    if (options.scope !== 'singleton' && options.scope !== 'connection') {
        throw new errors_1.ConfigurationError(`${cls.name}: invalid scope ${JSON.stringify(options.scope)}; expected 'singleton' or 'connection'`);
    }
    return options;
}
/**
 * `on_session_expired(session)` runs when no connection exists any more, so it has no context and takes the
 * session as its one argument; it needs the singleton instance to run on.
 */
function compileSessionExpired(method, singleton) {
    if (method === null)
        return null;
    if (singleton === null) {
        throw new errors_1.ConfigurationError(`${method.label}: a saved session expires when its connection is gone, so scope 'connection' cannot run it; ` +
            'declare it on a singleton namespace');
    }
    if (method.params.length > 0 || method.guards.length > 0) {
        throw new errors_1.ConfigurationError(`${method.label}: on_session_expired takes the session only, with no decorators`);
    }
    const fn = method.fn;
    return (session) => fn.call(singleton, session);
}
function checkLifecycle(method) {
    if (method?.params.some((param) => param.kind === 'ack')) {
        throw new errors_1.ConfigurationError(`${method.label}: connect and disconnect hooks have no ack to inject with @Ack()`);
    }
}
/** The error handler of one route: the event-specific `@OnError` methods, then the namespace-wide ones. */
function routeErrorHandler(handlers, event) {
    const specific = handlers.filter((h) => h.handler.events?.has(event) === true);
    // Without one, the route defers to the table's handler (RouteTable.onError), which covers every event.
    if (specific.length === 0)
        return null;
    return (0, compile_route_1.createErrorHandler)([...specific, ...handlers.filter((h) => h.handler.events === null)].map((h) => h.entry));
}
/** Plans the parameters of a method: client arguments in order, injected values where decorated. */
function compileInvoker(method, event, instances, options, instrumentation) {
    if (method.params.length === 0)
        return new compile_route_1.MethodInvoker(method.label, method.fn, instances, null, false);
    const count = Math.max(method.fn.length, method.paramTypes.length, ...method.params.map((p) => p.index + 1));
    const slots = [];
    let nextArg = 0;
    let isAsync = false;
    for (let index = 0; index < count; index++) {
        const param = method.params.find((p) => p.index === index);
        if (param === undefined) {
            slots.push({ kind: 'arg', argIndex: nextArg++, payload: null });
            continue;
        }
        if (param.kind !== 'payload') {
            slots.push({
                kind: param.kind,
                argIndex: -1,
                payload: null,
                name: param.name,
                factory: param.factory,
            });
            continue;
        }
        if (param.payload !== undefined) {
            (0, option_names_1.checkOptionNames)(param.payload, PAYLOAD_OPTION_NAMES, `${method.label}: @Payload() of parameter ${index}`);
        }
        const argIndex = param.payload?.index ?? nextArg;
        nextArg = Math.max(nextArg, argIndex + 1);
        let payload;
        try {
            payload = (0, payload_validator_1.compilePayload)(method.paramTypes[index], param.payload ?? {}, options.validator, event);
        }
        catch (error) {
            throw new errors_1.ConfigurationError(`${method.label}: cannot compile the payload of parameter ${index}: ${messageOf(error)}`, {
                cause: error,
            });
        }
        isAsync ||= payload?.isAsync === true;
        slots.push({
            kind: 'payload',
            argIndex,
            payload: (0, instrument_stages_1.instrumentPayload)(instrumentation, payload, `${method.label} #${index}`),
        });
    }
    return new compile_route_1.MethodInvoker(method.label, method.fn, instances, slots, isAsync);
}
/** Checks an `@Throttle`'s options and builds the route's throttle. */
function compileThrottle(options, event, label) {
    if (options === null || typeof options !== 'object') {
        throw new errors_1.ConfigurationError(`${label}: @Throttle() takes { limit, windowMs, key? }`);
    }
    (0, option_names_1.checkOptionNames)(options, THROTTLE_OPTION_NAMES, `${label}: @Throttle()`);
    if (!Number.isInteger(options.limit) || options.limit < 1) {
        throw new errors_1.ConfigurationError(`${label}: @Throttle() limit must be a positive integer, got ${String(options.limit)}`);
    }
    if (typeof options.windowMs !== 'number' || !(options.windowMs > 0) || !Number.isFinite(options.windowMs)) {
        throw new errors_1.ConfigurationError(`${label}: @Throttle() windowMs must be a positive number of ms, got ${String(options.windowMs)}`);
    }
    if (options.key !== undefined && typeof options.key !== 'function') {
        throw new errors_1.ConfigurationError(`${label}: @Throttle() key must be a function of the context`);
    }
    const key = options.key;
    return new throttle_1.Throttler(event, options.limit, options.windowMs, key === undefined ? null : (context) => String(key(context)));
}
/** Registers the class's constructor parameter types with tsyringe (its `@injectable()`), so it can be resolved. */
function makeInjectable(cls) {
    (0, tsyringe_1.injectable)()(cls);
}
function messageOf(error) {
    return error instanceof Error ? error.message : String(error);
}
//# sourceMappingURL=explorer.js.map