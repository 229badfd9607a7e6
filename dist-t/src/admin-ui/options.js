"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.resolveInstrumentOptions = resolveInstrumentOptions;
const errors_1 = require("../errors");
const option_names_1 = require("../option-names");
const stores_1 = require("./stores");
/** A bcrypt hash: `$2a$`, `$2b$` or `$2y$`, two digits of cost, then 53 characters of salt and digest. */
const BCRYPT_HASH = /^\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}$/;
const OPTION_NAMES = ['auth', 'mode', 'readonly', 'namespaceName', 'serverId', 'store'];
/** Checks every option once and applies the defaults; a mistake is a {@link ConfigurationError}. */
function resolveInstrumentOptions(options) {
    const label = 'instrument()';
    if (typeof options !== 'object' || options === null) {
        throw new errors_1.ConfigurationError(`${label}: expected an options object with at least \`auth\`, got ${String(options)}`);
    }
    (0, option_names_1.checkOptionNames)(options, OPTION_NAMES, label);
    const { auth, mode = defaultMode(), readonly = false, namespaceName = '/admin', serverId, store } = options;
    checkAuth(auth, label);
    if (mode !== 'development' && mode !== 'production') {
        throw new errors_1.ConfigurationError(`${label}: mode must be "development" or "production", got ${String(mode)}`);
    }
    if (typeof readonly !== 'boolean') {
        throw new errors_1.ConfigurationError(`${label}: readonly must be a boolean, got ${typeof readonly}`);
    }
    if (typeof namespaceName !== 'string' || !namespaceName.startsWith('/')) {
        throw new errors_1.ConfigurationError(`${label}: namespaceName must be a namespace path such as "/admin"`);
    }
    if (serverId !== undefined && (typeof serverId !== 'string' || serverId === '')) {
        throw new errors_1.ConfigurationError(`${label}: serverId must be a non-empty string`);
    }
    if (store !== undefined &&
        (typeof store !== 'object' ||
            store === null ||
            typeof store.doesSessionExist !== 'function' ||
            typeof store.saveSession !== 'function')) {
        throw new errors_1.ConfigurationError(`${label}: store must have doesSessionExist() and saveSession() (an AdminSessionStore)`);
    }
    return {
        auth,
        isDevelopment: mode === 'development',
        isReadonly: readonly,
        namespaceName,
        serverId,
        store: store ?? new stores_1.InMemoryStore(),
    };
}
function checkAuth(auth, label) {
    if (auth === false)
        return;
    if (auth === undefined) {
        throw new errors_1.ConfigurationError(`${label}: the auth option is required: { type: 'basic', username, password } or false`);
    }
    if (typeof auth !== 'object' || auth === null || auth.type !== 'basic') {
        throw new errors_1.ConfigurationError(`${label}: auth must be false or { type: 'basic', username, password }`);
    }
    const basic = auth;
    if (typeof basic.username !== 'string' || basic.username === '') {
        throw new errors_1.ConfigurationError(`${label}: auth.username must be a non-empty string`);
    }
    if (typeof basic.password !== 'string' || !BCRYPT_HASH.test(basic.password)) {
        throw new errors_1.ConfigurationError(`${label}: auth.password must be a bcrypt hash of the password (bcrypt.hashSync(password, 10)), not the password`);
    }
}
/** The reference's rule: anything but an unset or `development` NODE_ENV means production. */
function defaultMode() {
    const env = process.env.NODE_ENV;
    return env === undefined || env === '' || env === 'development' ? 'development' : 'production';
}
//# sourceMappingURL=options.js.map