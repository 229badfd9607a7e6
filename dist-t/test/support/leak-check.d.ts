export declare const mochaHooks: {
    beforeAll(done: Mocha.Done): void;
    beforeEach(this: Mocha.Context): void;
    afterAll(this: Mocha.Context, done: Mocha.Done): void;
};
