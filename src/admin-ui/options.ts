import { ConfigurationError } from '../errors';
import { checkOptionNames } from '../option-names';
import { InMemoryStore, type AdminSessionStore } from './stores';

/** Basic authentication: the UI's login form sends a username and a password, checked against a bcrypt hash. */
export interface BasicAuthentication {
  type: 'basic';
  username: string;
  /** A bcrypt hash of the password (`bcrypt.hashSync(password, 10)`), never the password itself. */
  password: string;
}

/** Options of {@link instrument}, named and meaning what they mean for `@socket.io/admin-ui`'s `instrument()`. */
export interface InstrumentOptions {
  /**
   * Required: basic authentication, or `false` to let anyone who reaches the namespace in (and act on sockets
   * unless `readonly`). There is no default, so that turning authentication off is a visible decision.
   */
  auth: false | BasicAuthentication;
  /**
   * `development` sends every socket, its rooms and data, and every event in and out to the UI; `production` only
   * the server stats and the aggregated counts (connections, disconnections, packets and bytes received). Default:
   * `development` when `NODE_ENV` is unset or `development`, `production` otherwise (as the reference decides).
   */
  mode?: 'development' | 'production';
  /** Whether the UI may only look: joining, leaving, disconnecting and emitting are refused. Default false. */
  readonly?: boolean;
  /** The namespace the UI connects to. Default `/admin`. */
  namespaceName?: string;
  /** This process's name in the UI. Default the hostname, with `#pid` in a cluster worker. */
  serverId?: string;
  /** Where login sessions are kept. Default a new {@link InMemoryStore}. */
  store?: AdminSessionStore;
}

/** The options with every default applied. */
export interface ResolvedInstrumentOptions {
  readonly auth: false | BasicAuthentication;
  readonly isDevelopment: boolean;
  readonly isReadonly: boolean;
  readonly namespaceName: string;
  readonly serverId: string | undefined;
  readonly store: AdminSessionStore;
}

/** A bcrypt hash: `$2a$`, `$2b$` or `$2y$`, two digits of cost, then 53 characters of salt and digest. */
const BCRYPT_HASH = /^\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}$/;

const OPTION_NAMES = ['auth', 'mode', 'readonly', 'namespaceName', 'serverId', 'store'];

/** Checks every option once and applies the defaults; a mistake is a {@link ConfigurationError}. */
export function resolveInstrumentOptions(options: InstrumentOptions): ResolvedInstrumentOptions {
  const label = 'instrument()';
  if (typeof options !== 'object' || options === null) {
    throw new ConfigurationError(`${label}: expected an options object with at least \`auth\`, got ${String(options)}`);
  }
  checkOptionNames(options, OPTION_NAMES, label);
  const { auth, mode = defaultMode(), readonly = false, namespaceName = '/admin', serverId, store } = options;
  checkAuth(auth, label);
  if (mode !== 'development' && mode !== 'production') {
    throw new ConfigurationError(`${label}: mode must be "development" or "production", got ${String(mode)}`);
  }
  if (typeof readonly !== 'boolean') {
    throw new ConfigurationError(`${label}: readonly must be a boolean, got ${typeof readonly}`);
  }
  if (typeof namespaceName !== 'string' || !namespaceName.startsWith('/')) {
    throw new ConfigurationError(`${label}: namespaceName must be a namespace path such as "/admin"`);
  }
  if (serverId !== undefined && (typeof serverId !== 'string' || serverId === '')) {
    throw new ConfigurationError(`${label}: serverId must be a non-empty string`);
  }
  if (
    store !== undefined &&
    (typeof store !== 'object' ||
      store === null ||
      typeof store.doesSessionExist !== 'function' ||
      typeof store.saveSession !== 'function')
  ) {
    throw new ConfigurationError(
      `${label}: store must have doesSessionExist() and saveSession() (an AdminSessionStore)`,
    );
  }
  return {
    auth,
    isDevelopment: mode === 'development',
    isReadonly: readonly,
    namespaceName,
    serverId,
    store: store ?? new InMemoryStore(),
  };
}

function checkAuth(auth: unknown, label: string): asserts auth is false | BasicAuthentication {
  if (auth === false) return;
  if (auth === undefined) {
    throw new ConfigurationError(
      `${label}: the auth option is required: { type: 'basic', username, password } or false`,
    );
  }
  if (typeof auth !== 'object' || auth === null || (auth as { type?: unknown }).type !== 'basic') {
    throw new ConfigurationError(`${label}: auth must be false or { type: 'basic', username, password }`);
  }
  const basic = auth as Partial<BasicAuthentication>;
  if (typeof basic.username !== 'string' || basic.username === '') {
    throw new ConfigurationError(`${label}: auth.username must be a non-empty string`);
  }
  if (typeof basic.password !== 'string' || !BCRYPT_HASH.test(basic.password)) {
    throw new ConfigurationError(
      `${label}: auth.password must be a bcrypt hash of the password (bcrypt.hashSync(password, 10)), not the password`,
    );
  }
}

/** The reference's rule: anything but an unset or `development` NODE_ENV means production. */
function defaultMode(): 'development' | 'production' {
  const env = process.env.NODE_ENV;
  return env === undefined || env === '' || env === 'development' ? 'development' : 'production';
}
