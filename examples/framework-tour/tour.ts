/**
 * The README's framework tour (interceptors, event guards, `@OnAny`, a dynamic namespace, `@Throttle`,
 * `createParamDecorator`, `SerializeInterceptor`), as one program: test/e2e/framework-tour.test.ts builds it and
 * drives it with socket.io-client, so the snippets the README shows compile and do what they say.
 */
import 'reflect-metadata';
import { Exclude } from 'class-transformer';
import {
  Namespace,
  NspParam,
  OnAny,
  Server,
  SerializeInterceptor,
  Throttle,
  UseEventGuards,
  UseInterceptors,
  createParamDecorator,
  type CallHandler,
  type ExecutionContext,
} from '../../src'; // in an application: from 'classio'

// An interceptor: code around every handler, here timing it (global, class or method level).
export class Timing {
  readonly seen: string[] = [];

  async intercept(context: ExecutionContext, next: CallHandler) {
    const started = Date.now();
    const result = await next.handle(); // the handler's result (or its error, rejected)
    this.seen.push(`${context.event} took ${Date.now() - started} ms`);
    return result; // what the ack answers: return something else to transform it
  }
}

// A guard at connect (refused: connect_error "unauthorized") and on every event (CLASSIO_ERR_FORBIDDEN).
class SignedIn {
  canActivate(context: ExecutionContext) {
    return typeof context.auth.user === 'string';
  }
}

// A parameter decorator of your own.
const CurrentUser = createParamDecorator((context: ExecutionContext) => String(context.auth.user));

class Profile {
  @Exclude() passwordHash = 'secret'; // never sent: SerializeInterceptor drops it

  constructor(readonly name: string) {}
}

// A dynamic namespace: every /tenant/<id> is its own namespace (rooms and broadcasts apart).
@Namespace('/tenant/:id')
@UseEventGuards(SignedIn)
@UseInterceptors(new SerializeInterceptor())
@Throttle({ limit: 5, windowMs: 1000 }) // per connection; past it: CLASSIO_ERR_THROTTLED with data.retryAfterMs
export class Tenant extends Namespace {
  readonly audit: string[] = [];

  @OnAny() // sees every event, before its handler; throwing refuses the event with an error ack
  log(event: string) {
    this.audit.push(`${this.params.id}:${event}`);
  }

  on_whoami(@CurrentUser() user: string, @NspParam('id') tenant: string) {
    return { user, tenant };
  }

  on_profile(@CurrentUser() user: string) {
    return new Profile(user); // the ack gets { name }, without passwordHash
  }
}

/** Sets up the tour on `server`; `timing` is its global interceptor. */
export function createTourServer(server = new Server(), timing = new Timing()): Server {
  server.useGlobalInterceptors(timing); // before register(): every namespace, functional ones too
  server.register(Tenant);
  return server;
}
