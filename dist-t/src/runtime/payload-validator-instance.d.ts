/** Builds DTO instances for one class; made once per `@Payload()` by `compileFastInstance`. */
export declare class FastInstanceBuilder {
    #private;
    constructor(dto: new () => object);
    /**
     * `plainToInstance(Dto, value)` for a plain (or null-prototype) object value, or undefined when the value, or
     * something in it, is outside the copied subset. The instance may have been constructed before we give up: a
     * fallback then constructs a second one, which only a DTO constructor with side effects could notice.
     */
    build(value: unknown): object | undefined;
}
/**
 * Compiles the fast instantiation of `dto`, or returns why it must stay on `plainToInstance`. Runs at registration,
 * where reading prototypes and metadata is allowed.
 */
export declare function compileFastInstance(dto: new () => object, transformOptions: object | undefined): FastInstanceBuilder | string;
