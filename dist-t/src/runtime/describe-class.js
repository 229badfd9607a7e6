"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.describeClass = describeClass;
const metadata_1 = require("../../decorators/metadata");
const errors_1 = require("../errors");
const util_1 = require("../namespace/util");
const namespace_base_1 = require("./namespace-base");
/** The lifecycle hook `on_session_expired` names: no client sends it, so it is not routed as an event. */
const SESSION_EXPIRED = 'session_expired';
/** The class and its ancestors, farthest first, stopping at the runtime's `Namespace` base. */
function lineage(target) {
    const chain = [];
    for (let current = target; typeof current === 'function' && !(0, namespace_base_1.isNamespaceRoot)(current);) {
        chain.unshift(current);
        current = Object.getPrototypeOf(current);
    }
    return chain;
}
/** Reads and merges the metadata of `target` and its ancestors. */
function describeClass(target) {
    const chain = lineage(target);
    const records = chain.map((cls) => (0, metadata_1.readOwnMetadata)(cls));
    const eventMethods = new Map();
    const decoratedMethods = new Set();
    // A method named by a decorator (an `@On` event, or an `@OnError` handler such as `on_error`) is not also routed
    // by its `on_<event>` name.
    for (const record of records) {
        for (const name of record?.events.keys() ?? [])
            decoratedMethods.add(name);
        for (const name of record?.errorHandlers.keys() ?? [])
            decoratedMethods.add(name);
        for (const name of record?.catchAll.keys() ?? [])
            decoratedMethods.add(name);
    }
    chain.forEach((cls, level) => {
        const record = records[level];
        if (record !== undefined)
            checkDecoratorUse(cls.name, record);
        const claimed = new Map();
        for (const [method, events] of record?.events ?? []) {
            for (const event of events) {
                checkEventName(event, cls, method);
                const other = claimed.get(event);
                if (other !== undefined && other !== method) {
                    throw new errors_1.ConfigurationError(`${cls.name}: methods ${String(other)} and ${String(method)} both handle event "${event}"; ` +
                        'an event has one handler per class');
                }
                claimed.set(event, method);
            }
        }
        for (const name of Object.getOwnPropertyNames(cls.prototype)) {
            if (!name.startsWith('on_') || name.length === 3 || decoratedMethods.has(name))
                continue;
            if (typeof Object.getOwnPropertyDescriptor(cls.prototype, name)?.value !== 'function')
                continue;
            const event = name.slice(3);
            // The decorator wins over the method name within a class; across classes, the subclass wins.
            if (!claimed.has(event))
                claimed.set(event, name);
        }
        for (const [event, method] of claimed)
            eventMethods.set(event, method);
    });
    const describe = (name) => describeMethod(target, chain, records, name);
    const events = new Map();
    let connect = null;
    let disconnect = null;
    let sessionExpired = null;
    for (const [event, method] of eventMethods) {
        const description = describe(method);
        if (event === 'connect')
            connect = description;
        else if (event === 'disconnect')
            disconnect = description;
        else if (event === SESSION_EXPIRED)
            sessionExpired = description;
        else
            events.set(event, description);
    }
    const catchAll = new Map();
    for (const record of records) {
        if (record === undefined)
            continue;
        for (const kind of ['any', 'unknown']) {
            const methods = [...record.catchAll].filter(([, k]) => k === kind).map(([name]) => name);
            if (methods.length > 1) {
                throw new errors_1.ConfigurationError(`${target.name}: methods ${methods.map(String).join(' and ')} are both @${kind === 'any' ? 'OnAny' : 'OnUnknown'}(); a class has one`);
            }
            // A subclass's declaration replaces its parent's.
            if (methods.length === 1)
                catchAll.set(kind, methods[0]);
        }
    }
    const anyName = catchAll.get('any');
    const unknownName = catchAll.get('unknown');
    return {
        events,
        connect,
        disconnect,
        classGuards: records.flatMap((record) => record?.classGuards ?? []),
        eventGuards: records.flatMap((record) => record?.eventGuards ?? []),
        classInterceptors: records.flatMap((record) => record?.classInterceptors ?? []),
        classThrottle: [...records].reverse().find((record) => record?.classThrottle !== undefined)?.classThrottle,
        onAny: anyName === undefined ? null : describe(anyName),
        onUnknown: unknownName === undefined ? null : describe(unknownName),
        sessionExpired,
        errorHandlers: describeErrorHandlers(target, chain, records),
    };
}
/** The decorator that records each parameter kind, for messages. */
const PARAM_DECORATORS = {
    payload: '@Payload()',
    socket: '@ConnectedSocket()',
    sid: '@Sid()',
    ack: '@Ack()',
    context: '@Context()',
    session: '@Session()',
    param: '@NspParam()',
    custom: 'a createParamDecorator() decorator',
};
/** Decorators only record what they are given (they never throw): what cannot work is refused here, by class. */
function checkDecoratorUse(className, record) {
    const misplaced = record.misplacedParams[0];
    if (misplaced !== undefined) {
        const where = misplaced.method === undefined ? 'the constructor' : `static method ${String(misplaced.method)}`;
        throw new errors_1.ConfigurationError(`${className}: ${PARAM_DECORATORS[misplaced.param.kind]} decorates parameter ${misplaced.param.index} of ${where}; ` +
            "classio's parameter decorators apply to instance methods only");
    }
    for (const [method, filters] of record.errorHandlers) {
        for (const filter of filters) {
            if (typeof filter !== 'string' && typeof filter !== 'function') {
                throw new errors_1.ConfigurationError(`${className}.${String(method)}: @OnError() takes event names and error classes, got ${typeof filter}`);
            }
        }
    }
}
function checkEventName(event, cls, method) {
    if (typeof event !== 'string' || event.length === 0) {
        throw new errors_1.ConfigurationError(`${cls.name}.${String(method)}: @On() needs a non-empty event name`);
    }
    if (util_1.UNROUTABLE_EVENTS.has(event)) {
        throw new errors_1.ConfigurationError(`${cls.name}.${String(method)}: "${event}" is reserved by Socket.IO and cannot be handled as an event`);
    }
}
/** The nearest own record (most derived first) that has an entry for `name` in `map`. */
function nearest(records, pick, name) {
    for (let i = records.length - 1; i >= 0; i--) {
        const record = records[i];
        if (record !== undefined && pick(record).has(name))
            return pick(record).get(name);
    }
    return undefined;
}
function describeMethod(target, chain, records, name) {
    const label = `${target.name}.${String(name)}`;
    const fn = target.prototype[name];
    if (typeof fn !== 'function')
        throw new errors_1.ConfigurationError(`${label} is not a method`);
    // Parameters belong to the definition that will run: the most derived class that defines the method itself.
    let ownerLevel = chain.length - 1;
    while (ownerLevel > 0 && !Object.prototype.hasOwnProperty.call(chain[ownerLevel].prototype, name))
        ownerLevel--;
    const owner = chain[ownerLevel];
    return {
        name,
        label,
        fn: fn,
        // Guards protect the event, so an override without its own @UseGuards keeps its parent's.
        guards: nearest(records, (record) => record.methodGuards, name) ?? [],
        interceptors: nearest(records, (record) => record.methodInterceptors, name) ?? [],
        throttle: nearest(records, (record) => record.methodThrottles, name),
        params: (0, metadata_1.readOwnMetadata)(owner)?.params.get(name) ?? [],
        paramTypes: (0, metadata_1.readParamTypes)(owner.prototype, name),
    };
}
function describeErrorHandlers(target, chain, records) {
    const seen = new Set();
    const handlers = [];
    for (let level = chain.length - 1; level >= 0; level--) {
        for (const [name, filters] of records[level]?.errorHandlers ?? []) {
            if (seen.has(name))
                continue; // redeclared by a subclass: its filters replace the parent's
            seen.add(name);
            handlers.push({ ...describeMethod(target, chain, records, name), ...splitFilters(filters) });
        }
    }
    return handlers;
}
function splitFilters(filters) {
    const events = filters.filter((filter) => typeof filter === 'string');
    const errorClasses = filters.filter((filter) => typeof filter === 'function');
    return {
        events: events.length > 0 ? new Set(events) : null,
        errorClasses: errorClasses.length > 0 ? errorClasses : null,
    };
}
//# sourceMappingURL=describe-class.js.map