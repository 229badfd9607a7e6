import { injectable, type DependencyContainer } from 'tsyringe';
import type { GuardToken, InterceptorToken } from '../../decorators/metadata';
import { ConfigurationError } from '../errors';
import type { Guard, GuardContext } from './guard-context';
import type { CallHandler, Interceptor } from './interceptor';
import type { InstanceSource, ResolvableClass } from './connection-scope';

/**
 * Resolving guards and interceptors (the "enhancers" of a route): at registration, from the container, once per
 * token and namespace; or, in a `scope: 'connection'` namespace, per connection from the connection's child
 * container, so that they can take connection-scoped services.
 */

/** The two kinds of enhancer: the method each must have. */
const METHODS = { guard: 'canActivate', interceptor: 'intercept' } as const;

/** How each method is named in messages. */
const SIGNATURES = { guard: 'canActivate(context)', interceptor: 'intercept(context, next)' } as const;

type Kind = keyof typeof METHODS;
type Token = GuardToken | InterceptorToken;
type Enhancer = Guard | Interceptor;

/** The name of a guard or interceptor, for messages. */
export function enhancerName(token: Token): string {
  return typeof token === 'function' ? token.name : (token.constructor?.name ?? 'instance');
}

function checkShape(kind: Kind, token: Token, value: unknown, label: string): Enhancer {
  const method = METHODS[kind];
  if (value === null || typeof value !== 'object' || typeof (value as Record<string, unknown>)[method] !== 'function') {
    throw new ConfigurationError(`${label}: ${kind} ${enhancerName(token)} has no ${SIGNATURES[kind]} method`);
  }
  return value as Enhancer;
}

/** Resolves one guard or interceptor token from `container` (or checks a ready instance). */
export function resolveEnhancer(container: DependencyContainer, kind: 'guard', token: GuardToken, label: string): Guard;
export function resolveEnhancer(
  container: DependencyContainer,
  kind: 'interceptor',
  token: InterceptorToken,
  label: string,
): Interceptor;
export function resolveEnhancer(container: DependencyContainer, kind: Kind, token: Token, label: string): Enhancer {
  if (typeof token !== 'function') return checkShape(kind, token, token, label);
  injectable()(token as ResolvableClass);
  let value: unknown;
  try {
    value = container.resolve(token as ResolvableClass);
  } catch (error) {
    throw new ConfigurationError(
      `${label}: ${kind} ${token.name} cannot be resolved from the container: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  return checkShape(kind, token, value, label);
}

/** A guard class of a connection-scoped namespace: resolved from each connection's container, on its first use. */
class ConnectionGuard implements Guard {
  constructor(
    private readonly token: ResolvableClass,
    private readonly instances: InstanceSource,
  ) {}

  canActivate(context: GuardContext): unknown {
    return (this.instances.resolveFor(context.socket, this.token) as Guard).canActivate(context);
  }
}

/** An interceptor class of a connection-scoped namespace, resolved as {@link ConnectionGuard} is. */
class ConnectionInterceptor implements Interceptor {
  constructor(
    private readonly token: ResolvableClass,
    private readonly instances: InstanceSource,
  ) {}

  intercept(context: GuardContext, next: CallHandler): unknown {
    return (this.instances.resolveFor(context.socket, this.token) as Interceptor).intercept(context, next);
  }
}

/**
 * Resolves the enhancers of one namespace, each token once. In a connection-scoped namespace a class token is
 * made injectable and resolved per connection; instances are shared as they are.
 */
export class EnhancerResolver {
  readonly #cache = new Map<Token, Enhancer>();

  constructor(
    private readonly container: DependencyContainer,
    private readonly instances: InstanceSource,
  ) {}

  guard(token: GuardToken, label: string, isPerConnection = this.instances.isPerConnection): Guard {
    return this.#resolve('guard', token, label, isPerConnection) as Guard;
  }

  interceptor(token: InterceptorToken, label: string): Interceptor {
    return this.#resolve('interceptor', token, label, this.instances.isPerConnection) as Interceptor;
  }

  #resolve(kind: Kind, token: Token, label: string, isPerConnection: boolean): Enhancer {
    if (isPerConnection && typeof token === 'function') {
      const method = METHODS[kind];
      if (typeof (token.prototype as Record<string, unknown>)[method] !== 'function') {
        throw new ConfigurationError(`${label}: ${kind} ${token.name} has no ${SIGNATURES[kind]} method`);
      }
      injectable()(token as ResolvableClass);
      return kind === 'guard'
        ? new ConnectionGuard(token as ResolvableClass, this.instances)
        : new ConnectionInterceptor(token as ResolvableClass, this.instances);
    }
    const cached = this.#cache.get(token);
    if (cached !== undefined) return cached;
    const enhancer =
      kind === 'guard'
        ? resolveEnhancer(this.container, 'guard', token as GuardToken, label)
        : resolveEnhancer(this.container, 'interceptor', token as InterceptorToken, label);
    this.#cache.set(token, enhancer);
    return enhancer;
  }
}
