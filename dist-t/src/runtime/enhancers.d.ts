import { type DependencyContainer } from 'tsyringe';
import type { GuardToken, InterceptorToken } from '../../decorators/metadata';
import type { Guard } from './guard-context';
import type { Interceptor } from './interceptor';
import type { InstanceSource } from './connection-scope';
type Token = GuardToken | InterceptorToken;
/** The name of a guard or interceptor, for messages. */
export declare function enhancerName(token: Token): string;
/** Resolves one guard or interceptor token from `container` (or checks a ready instance). */
export declare function resolveEnhancer(container: DependencyContainer, kind: 'guard', token: GuardToken, label: string): Guard;
export declare function resolveEnhancer(container: DependencyContainer, kind: 'interceptor', token: InterceptorToken, label: string): Interceptor;
/**
 * Resolves the enhancers of one namespace, each token once. In a connection-scoped namespace a class token is
 * made injectable and resolved per connection; instances are shared as they are.
 */
export declare class EnhancerResolver {
    #private;
    private readonly container;
    private readonly instances;
    constructor(container: DependencyContainer, instances: InstanceSource);
    guard(token: GuardToken, label: string, isPerConnection?: boolean): Guard;
    interceptor(token: InterceptorToken, label: string): Interceptor;
}
export {};
