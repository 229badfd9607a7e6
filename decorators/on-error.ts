import { recordFor, type ErrorFilter } from './metadata';

/**
 * Makes the method an error handler of its namespace (Flask's `on_error`). With no filter it covers every event;
 * filters narrow it to some event names (strings) and/or error classes (`instanceof`). It is called with the error
 * and an `ErrorContext` (`event`, `args`, `sid`, `socket`), inside the event's context; its return value, when not
 * undefined, answers the client's ack. A subclass inherits its parent's error handlers and replaces one by
 * redeclaring the method.
 *
 * @example
 * ```ts
 * class Chat extends Namespace {
 *   @OnError(ValidationError)
 *   invalid(error: ValidationError) { return { ok: false, problems: error.data }; }
 *
 *   @OnError('upload')
 *   uploadFailed(error: unknown, context: ErrorContext) { console.warn(context.event, error); }
 * }
 * ```
 */
export function OnError(...filters: ErrorFilter[]): MethodDecorator {
  return (target, key) => {
    for (const filter of filters) {
      if (typeof filter !== 'string' && typeof filter !== 'function') {
        throw new TypeError(`@OnError() takes event names and error classes, got ${typeof filter}`);
      }
    }
    recordFor(target.constructor).errorHandlers.set(key, [...filters]);
  };
}
