// npm run check:package: classio as a user meets it. Packs the package, checks the tarball with
// @arethetypeswrong/cli and publint, installs it into fresh projects with the README's Install commands, and
// compiles and runs TypeScript programs against it: a small program under module/moduleResolution node16 and
// nodenext, each as CommonJS and as ESM; the README's tour, taken from README.md as it is, under CommonJS and ESM,
// driven by the official client; the README's test-client code after it. A second project installs an unsupported
// class-transformer to see npm refuse it and, past npm, classio refuse it. Everything happens in a temporary
// directory, removed at the end (CLASSIO_KEEP_SCRATCH=1 keeps it). Only the npm registry is needed, and the
// npm cache serves most of it.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import console from 'node:console';
import process from 'node:process';
import { clearTimeout, setTimeout } from 'node:timers';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const requireFromRoot = createRequire(join(root, 'package.json'));
const scratch = mkdtempSync(join(tmpdir(), 'classio-package-'));
const started = Date.now();
const children = new Set();

/** The versions of the repository's own dev dependencies: the npm cache has them. */
function devVersion(name) {
  return JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
}

/**
 * The environment for child processes. `npm run` exports its configuration as npm_* variables (the project's
 * prefix among them), which a child npm would apply to the scratch project: only the cache and registry pass.
 */
const childEnv = Object.fromEntries(
  Object.entries(process.env).filter(
    ([key]) => !/^npm_/i.test(key) || /^npm_config_(cache|registry|userconfig)$/i.test(key),
  ),
);
Object.assign(childEnv, { npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' });

/** Runs a command; resolves with its exit code and output, and rejects on a non-zero code unless told not to. */
function run(command, args, { cwd = root, env = {}, timeout = 120_000, mayFail = false, onStdout } = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd, env: { ...childEnv, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      onStdout?.(stdout, child);
    });
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeout);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      children.delete(child);
      const result = { code, signal, stdout, stderr };
      if (code === 0 || mayFail) resolvePromise(result);
      else {
        const output = `${stdout}\n${stderr}`.trim().split('\n').slice(-40).join('\n');
        reject(new Error(`${command} ${args.join(' ')} (in ${cwd}) ended with ${code ?? signal}:\n${output}`));
      }
    });
  });
}

const npm = (args, options) => run('npm', args, options);
const node = (args, options) => run(process.execPath, args, options);

/** Runs `fn` as a named step and prints the outcome with its time; a failure ends the check. */
async function step(name, fn) {
  const at = Date.now();
  try {
    const detail = await fn();
    console.log(`✔ ${name}${detail ? `: ${detail}` : ''} (${((Date.now() - at) / 1000).toFixed(1)} s)`);
  } catch (err) {
    // Steps run side by side: each says why it failed, so that a second failure is not hidden by the first.
    const reason = err instanceof Error ? err.message : String(err);
    console.log(`✘ ${name}\n${reason.replace(/^/gm, '    ')}`);
    throw Object.assign(err instanceof Error ? err : new Error(reason), { isReported: true });
  }
}

/** Runs the tasks at most `limit` at a time (the CI machine has two cores). */
async function inPool(limit, tasks) {
  const queue = [...tasks];
  const workers = Array.from({ length: limit }, async () => {
    while (queue.length > 0) await queue.shift()();
  });
  await Promise.all(workers);
}

function check(condition, what) {
  if (!condition) throw new Error(`check failed: ${what}`);
}

/** Writes files under `directory` (paths relative to it). */
function writeTree(directory, files) {
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(dirname(join(directory, file)), { recursive: true });
    writeFileSync(join(directory, file), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// What the README says, taken as it is: the block after each `<!-- classio:NAME ... -->` marker.

const readme = readFileSync(join(root, 'README.md'), 'utf8');

function readmeBlock(name) {
  const marker = readme.indexOf(`<!-- classio:${name} `);
  check(marker !== -1, `README.md has a <!-- classio:${name} --> marker`);
  const open = readme.indexOf('```', marker);
  const start = readme.indexOf('\n', open) + 1;
  const end = readme.indexOf('\n```', start);
  check(open !== -1 && end !== -1, `a code block follows the classio:${name} marker`);
  return readme.slice(start, end + 1);
}

/** The packages of the Install section's `npm install` lines, with `classio` replaced by the tarball. */
function installedPackages(tarball) {
  const packages = [];
  for (const line of readmeBlock('install').split('\n')) {
    const words = line.trim().split(/\s+/);
    if (words[0] !== 'npm' || words[1] !== 'install') continue;
    for (const word of words.slice(2)) {
      if (word.startsWith('-')) continue;
      packages.push(word === 'classio' ? tarball : word);
    }
  }
  check(packages.includes(tarball), "the Install section's npm install names classio");
  return packages;
}

const tourTsconfig = JSON.parse(readmeBlock('tsconfig'));

// ---------------------------------------------------------------------------------------------------------------
// The small program: every configuration compiles and runs the same source.

const program = `import 'reflect-metadata';
import { injectable } from 'tsyringe';
import { IsString, Length } from 'class-validator';
import { io, type Socket as ClientSocket } from 'socket.io-client';
import { ConfigurationError, Namespace, On, Payload, Server, UseGuards, type GuardContext } from 'classio';
import { TestClient } from 'classio/testing';

class Greeting {
  @IsString()
  @Length(1, 20)
  name!: string;
}

@injectable()
class HasToken {
  canActivate(context: GuardContext): boolean {
    return context.auth.token === 'secret';
  }
}

@Namespace('/greet')
@UseGuards(HasToken)
@injectable()
class Greeter extends Namespace {
  @On('hello')
  hello(@Payload() greeting: Greeting): number {
    this.emit('welcome', \`hello \${greeting.name}\`);
    return greeting.name.length;
  }
}

function check(condition: boolean, what: string): void {
  if (!condition) throw new Error(\`check failed: \${what}\`);
}

function connected(client: ClientSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    client.once('connect', () => resolve());
    client.once('connect_error', reject);
  });
}

async function main(): Promise<void> {
  const server = new Server({ logger: false }).register(Greeter);
  await server.listen(0);
  const url = \`http://127.0.0.1:\${server.port}/greet\`;

  const client = io(url, { auth: { token: 'secret' }, transports: ['websocket'], reconnection: false });
  await connected(client);
  const welcome = new Promise((resolve) => client.once('welcome', resolve));
  check((await client.emitWithAck('hello', { name: 'ada' })) === 3, 'the ack answers the handler return value');
  check((await welcome) === 'hello ada', 'the handler emit reaches the client');
  const refused = await client.emitWithAck('hello', { name: '' });
  check(refused?.error?.code === 'CLASSIO_ERR_VALIDATION', 'an invalid DTO is refused by class-validator');
  client.close();

  const stranger = io(url, { transports: ['websocket'], reconnection: false });
  const error = await connected(stranger).then(() => null, (err: Error) => err);
  check(error?.message === 'unauthorized', 'the guard refuses a client without the token');
  stranger.close();

  const test = new TestClient(server, '/greet', { auth: { token: 'secret' } });
  check(await test.ready, 'the test client connects');
  check(JSON.stringify(await test.emitWithAck('hello', { name: 'bob' })) === '[3]', 'the test client gets the ack');
  check((await test.waitFor('welcome')).args[0] === 'hello bob', 'the test client receives the emit');

  // ioredis is an optional peer and is not installed here: asking for Redis says so.
  let redisError: unknown;
  try {
    new Server({ messageQueue: 'redis://127.0.0.1:6379/0', logger: false });
  } catch (err) {
    redisError = err;
  }
  check(
    redisError instanceof ConfigurationError && redisError.code === 'CLASSIO_ERR_CONFIG' && /ioredis/.test(redisError.message),
    'messageQueue without ioredis is a ConfigurationError naming ioredis',
  );

  await server.close();
  check(!test.isConnected(), 'server.close() closes the test client');
  console.log('program ok');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
`;

const programConfigurations = [
  {
    name: 'node16, CommonJS, without skipLibCheck',
    dir: 'node16-cjs',
    module: 'node16',
    type: 'commonjs',
    checkLibraries: true,
  },
  { name: 'node16, ESM', dir: 'node16-esm', module: 'node16', type: 'module' },
  { name: 'nodenext, CommonJS', dir: 'nodenext-cjs', module: 'nodenext', type: 'commonjs' },
  { name: 'nodenext, ESM', dir: 'nodenext-esm', module: 'nodenext', type: 'module' },
];

/**
 * `checkLibraries`: also type-check every declaration file the program reaches, classio's among them (they must hold
 * together without skipLibCheck). It is most of a compile's time, and the declarations are the same files for every
 * configuration, so two compiles do it: one in the main project, one with ioredis for classio/redis and /emitter.
 */
function programTsconfig(module, { checkLibraries = false } = {}) {
  return {
    compilerOptions: {
      module,
      moduleResolution: module,
      target: 'es2022',
      strict: true,
      experimentalDecorators: true,
      emitDecoratorMetadata: true,
      skipLibCheck: !checkLibraries,
      types: ['node'],
      outDir: 'out',
    },
    include: ['*.ts'],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The README tour, driven by the official client as the old hand copy of it was tested.

async function driveTour(port) {
  const { io } = requireFromRoot('socket.io-client');
  const url = `http://127.0.0.1:${port}/chat`;
  const open = (auth) => io(url, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
  const connected = (client) =>
    new Promise((resolvePromise, reject) => {
      client.once('connect', resolvePromise);
      client.once('connect_error', reject);
    });
  const next = (client, event) => new Promise((resolvePromise) => client.once(event, resolvePromise));
  const same = (actual, expected, what) => check(JSON.stringify(actual) === JSON.stringify(expected), what);
  const clients = [];
  try {
    const stranger = open({});
    clients.push(stranger);
    const refusal = await connected(stranger).then(
      () => null,
      (err) => err,
    );
    check(refusal?.message === 'bad token', 'the class guard refuses a client without the token');
    same(refusal?.data, { hint: 'send auth.token' }, "the ConnectError's data reaches the client");

    const alice = open({ token: 'let-me-in' });
    const bob = open({ token: 'let-me-in' });
    clients.push(alice, bob);
    await Promise.all([connected(alice), connected(bob)]);
    same(await alice.emitWithAck('set_name', 'alice'), 'ok', 'on_set_name answers the ack');
    const broadcast = next(bob, 'chat message');
    same(await alice.emitWithAck('chat message', { text: 'hi' }), 1, '@On("chat message") answers the ack');
    same(await broadcast, { from: 'alice', text: 'hi' }, 'the broadcast reaches the other client');
    same(await alice.emitWithAck('join', 'lobby'), [alice.id, 'lobby'], 'on_join answers with the rooms');
    same(await alice.emitWithAck('whoami'), alice.id, 'the context survives the await');
    same(
      await alice.emitWithAck('chat message', { text: '' }),
      {
        ok: false,
        problems: [
          { property: 'text', constraints: { isLength: 'text must be longer than or equal to 1 characters' } },
        ],
      },
      'an invalid DTO reaches @OnError(ValidationError)',
    );
    alice.emit('mute');
    const oops = next(alice, 'oops');
    const forbidden = await alice.emitWithAck('chat message', { text: 'hi' });
    check(forbidden?.error?.code === 'CLASSIO_ERR_FORBIDDEN', 'the method guard refuses a muted client');
    check((await oops)?.event === 'chat message', 'the catch-all @OnError sees the refusal');
    return '11 checks with socket.io-client';
  } finally {
    for (const client of clients) client.close();
  }
}

/** Starts a compiled tour (it listens on PORT, 0 here), drives it once it listens, then stops it. */
async function runTour(directory) {
  let reportListening;
  const listening = new Promise((resolvePromise) => (reportListening = resolvePromise));
  const tour = node(['tour.js'], {
    cwd: directory,
    env: { PORT: '0' },
    timeout: 30_000,
    mayFail: true,
    onStdout: (stdout, child) => {
      const match = /listening on port (\d+)/.exec(stdout);
      if (match) reportListening({ port: Number(match[1]), child });
    },
  });
  const ended = tour.then((result) => Promise.reject(new Error(`the tour ended before listening:\n${result.stderr}`)));
  const { port, child } = await Promise.race([listening, ended]);
  try {
    return await driveTour(port);
  } finally {
    child.kill('SIGTERM');
    await tour;
  }
}

// ---------------------------------------------------------------------------------------------------------------

async function main() {
  console.log(`check:package (scratch directory ${scratch})`);
  let tarball;
  await step('npm pack (prepack builds lib/ with tsconfig.build.json)', async () => {
    const { stdout } = await npm(['pack', '--json', '--pack-destination', scratch], { timeout: 180_000 });
    const [packed] = JSON.parse(stdout.slice(stdout.indexOf('[')));
    tarball = join(scratch, packed.filename);
    const paths = packed.files.map((file) => file.path);
    check(paths.includes('LICENSE'), 'the tarball has the LICENSE');
    check(
      paths.every((path) => /^(lib\/(src|decorators)\/|LICENSE$|README\.md$|package\.json$)/.test(path)),
      'the tarball holds lib/src, lib/decorators, LICENSE, README.md and package.json only',
    );
    check(!paths.some((path) => path.endsWith('.ts') && !path.endsWith('.d.ts')), 'no TypeScript source is shipped');
    return `${packed.filename}, ${paths.length} files, ${Math.round(packed.size / 1024)} kB`;
  });

  const projectA = join(scratch, 'app');
  const projectB = join(scratch, 'old-class-transformer');
  const userPackages = installedPackages(tarball);
  // class-validator-jsonschema: the optional peer of `npx classio asyncapi`, run from the installed package below.
  const tools = ['socket.io-client', 'chai', '@types/chai', 'class-validator-jsonschema'].map(
    (name) => `${name}@${devVersion(name)}`,
  );
  // Optional peers that the scratch projects must compile without: the published types never import them.
  const absentPeers = ['ioredis', '@opentelemetry/api', 'prom-client'];
  const peersOfB = userPackages.filter((spec) => spec !== tarball && !spec.startsWith('class-transformer'));

  await Promise.all([
    step('attw on the tarball (node10, node16 from CommonJS and from ESM, bundler)', async () => {
      await run(join(root, 'node_modules/.bin/attw'), [tarball, '--format', 'ascii', '--no-color', '--no-emoji']);
      return 'no problems';
    }),
    step('publint on the tarball (strict)', async () => {
      const { publint } = await import('publint');
      const { formatMessage } = await import('publint/utils');
      const data = readFileSync(tarball);
      const { messages, pkg } = await publint({
        pack: { tarball: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) },
        strict: true,
      });
      const problems = messages.filter((message) => message.type !== 'suggestion');
      for (const message of messages) console.log(`  publint ${message.type}: ${formatMessage(message, pkg)}`);
      check(problems.length === 0, `publint finds no errors or warnings (${problems.length} found)`);
      return `${problems.length} errors or warnings, ${messages.length - problems.length} suggestions`;
    }),
    step(`install: the README's npm install lines, plus ${tools.join(' ')}`, async () => {
      writeTree(projectA, { 'package.json': { name: 'scratch-app', private: true } });
      await npm(['install', '--prefer-offline', '--loglevel=error', ...userPackages, ...tools], { cwd: projectA });
      const modules = join(projectA, 'node_modules');
      for (const peer of absentPeers) {
        check(!existsSync(join(modules, peer)), `${peer}, an optional peer, is not installed`);
      }
      for (const peer of ['reflect-metadata', 'tsyringe', 'class-validator', 'class-transformer']) {
        check(existsSync(join(modules, peer)), `${peer} is installed next to classio`);
        check(!existsSync(join(modules, 'classio', 'node_modules', peer)), `classio has no copy of ${peer} of its own`);
      }
      return `one copy of each peer, none of ${absentPeers.join(', ')}`;
    }),
    step('npm refuses class-transformer 0.4 next to classio (ERESOLVE); --legacy-peer-deps installs it', async () => {
      writeTree(projectB, { 'package.json': { name: 'scratch-old', private: true } });
      // ioredis at the repository's version: 6.1.0's declarations import redis-errors, which has no types of its
      // own (ioredis lists @types/redis-errors only as a dev dependency), so they fail without skipLibCheck.
      const packages = [
        tarball,
        'class-transformer@0.4.0',
        ...peersOfB,
        `ioredis@${devVersion('ioredis')}`,
        'bcryptjs',
      ];
      const refused = await npm(['install', '--prefer-offline', '--loglevel=error', ...packages], {
        cwd: projectB,
        mayFail: true,
      });
      check(refused.code !== 0 && /ERESOLVE/.test(refused.stderr), 'npm install refuses the peer with ERESOLVE');
      await npm(['install', '--prefer-offline', '--loglevel=error', '--legacy-peer-deps', ...packages], {
        cwd: projectB,
      });
    }),
  ]);

  // Every TypeScript project of the check, compiled with the scratch project's own tsc.
  const tsc = (directory) => node([join(projectA, 'node_modules/typescript/bin/tsc'), '-p', directory]);
  const tourBlock = readmeBlock('tour');
  const testingBlock = readmeBlock('tour-testing');
  for (const configuration of programConfigurations) {
    writeTree(join(projectA, configuration.dir), {
      'package.json': { type: configuration.type },
      'tsconfig.json': programTsconfig(configuration.module, configuration),
      'program.ts': program,
    });
  }
  // The bin: an entry that builds a server, compiled like a user's, then `npx classio` from the installed package.
  writeTree(join(projectA, 'contract'), {
    'package.json': { type: 'commonjs' },
    'tsconfig.json': programTsconfig('node16'),
    'entry.ts': `import 'reflect-metadata';
import { IsString } from 'class-validator';
import { Emits, Namespace, On, Payload, Replies, Server } from 'classio';

class Note {
  @IsString()
  text!: string;
}

@Namespace('/notes')
@Emits('note added', Note)
class Notes extends Namespace {
  @On('add note')
  @Replies(String)
  add(@Payload() note: Note): string {
    return note.text;
  }
}

export default () => new Server().register(Notes);
`,
  });
  writeTree(join(projectA, 'deep-import'), {
    'package.json': { type: 'module' },
    'tsconfig.json': programTsconfig('nodenext'),
    'deep.ts': "import { Server } from 'classio/lib/src/server.js';\nconsole.log(Server);\n",
  });
  for (const [dir, type] of [
    ['tour-cjs', 'commonjs'],
    ['tour-esm', 'module'],
  ]) {
    writeTree(join(projectA, dir), { 'package.json': { type }, 'tsconfig.json': tourTsconfig, 'tour.ts': tourBlock });
  }
  writeTree(join(projectA, 'tour-testing-esm'), {
    'package.json': { type: 'module' },
    'tsconfig.json': tourTsconfig,
    'tour.ts': `${tourBlock}\n${testingBlock}\n// Added by the check: end the program once the README's test code has run.\nawait server.close();\nconsole.log('testing block ok');\n`,
  });
  writeTree(projectB, {
    'tsconfig.json': programTsconfig('node16', { checkLibraries: true }),
    'program.ts': `import 'reflect-metadata';
import { injectable } from 'tsyringe';
import { IsString } from 'class-validator';
import { Namespace, On, Payload, Server } from 'classio';
import { createRedisAdapter, type CreateRedisAdapterOptions } from 'classio/redis';
import { Emitter, emitOptions, type EmitterOptions } from 'classio/emitter';
import { instrument, InMemoryStore, type InstrumentOptions } from 'classio/admin-ui';
import {
  acceptSticky,
  createClusterAdapter,
  listenSticky,
  setupPrimary,
  type CreateClusterAdapterOptions,
  type ListenStickyOptions,
} from 'classio/cluster';

class Note {
  @IsString()
  text!: string;
}

@Namespace('/notes')
@injectable()
class Notes extends Namespace {
  @On('note')
  note(@Payload() note: Note): string {
    return note.text;
  }
}

const adapterOptions: CreateRedisAdapterOptions = { url: 'redis://127.0.0.1:6379/0' };
const emitterOptions: EmitterOptions = { messageQueue: 'redis://127.0.0.1:6379/0' };
if (typeof createRedisAdapter(adapterOptions) !== 'function') throw new Error('classio/redis: no adapter factory');
if (typeof Emitter !== 'function' || typeof emitOptions({ room: 'a' }) !== 'object' || !emitterOptions) {
  throw new Error('classio/emitter: no Emitter');
}
const adminOptions: InstrumentOptions = { auth: false, store: new InMemoryStore() };
if (typeof instrument !== 'function' || !adminOptions) throw new Error('classio/admin-ui: no instrument()');
const clusterOptions: CreateClusterAdapterOptions = { channel: 'notes', requestsTimeout: 1000 };
const stickyOptions: ListenStickyOptions = { port: 0, cookie: 'session' };
if (typeof acceptSticky !== 'function' || typeof listenSticky !== 'function' || typeof setupPrimary !== 'function') {
  throw new Error('classio/cluster: missing exports');
}
let clusterError: unknown = null;
try {
  createClusterAdapter(clusterOptions);
} catch (err) {
  clusterError = err;
}
if ((clusterError as { code?: string } | null)?.code !== 'CLASSIO_ERR_CONFIG' || !stickyOptions) {
  throw new Error('classio/cluster: createClusterAdapter() outside a cluster worker is not a ConfigurationError');
}
try {
  new Server({ logger: false }).register(Notes);
  throw new Error('registering a DTO with class-transformer 0.4 did not fail');
} catch (err) {
  console.log(JSON.stringify({ name: (err as Error).name, code: (err as { code?: string }).code, message: (err as Error).message }));
}
`,
  });

  const compile = (name, directory) => () =>
    step(`compile ${name}`, async () => {
      await tsc(directory);
    });
  await inPool(2, [
    ...programConfigurations.map((configuration) =>
      compile(`program (${configuration.name})`, join(projectA, configuration.dir)),
    ),
    compile("README tour (CommonJS, the README's tsconfig)", join(projectA, 'tour-cjs')),
    compile('a contract entry for the classio bin (node16)', join(projectA, 'contract')),
    compile("README tour (ESM, the README's tsconfig)", join(projectA, 'tour-esm')),
    compile('README tour + Testing without a port (ESM)', join(projectA, 'tour-testing-esm')),
    compile(
      'classio/redis, classio/cluster, classio/emitter, classio/admin-ui and a DTO (class-transformer 0.4, ioredis, bcryptjs, without skipLibCheck)',
      projectB,
    ),
    () =>
      step('a deep import does not compile (nodenext)', async () => {
        const result = await tsc(join(projectA, 'deep-import')).then(
          () => null,
          (err) => err,
        );
        check(result !== null && /TS2307/.test(result.message), 'tsc refuses classio/lib/src/server.js with TS2307');
        return 'TS2307';
      }),
  ]);

  await inPool(2, [
    ...programConfigurations.map(
      (configuration) => () =>
        step(`run program (${configuration.name})`, async () => {
          const { stdout } = await node(['out/program.js'], {
            cwd: join(projectA, configuration.dir),
            timeout: 30_000,
          });
          check(stdout.includes('program ok'), 'the program reports ok');
          return 'event round trip, ack, validation, guard, classio/testing, messageQueue without ioredis';
        }),
    ),
    () =>
      step('npx classio asyncapi and client-types from the installed package', async () => {
        const cwd = join(projectA, 'contract');
        const asyncapi = await run('npx', ['--no-install', 'classio', 'asyncapi', 'out/entry.js'], { cwd });
        const document = JSON.parse(asyncapi.stdout);
        check(document.asyncapi === '3.0.0', 'an AsyncAPI 3.0.0 document');
        check(document.channels.notes?.address === '/notes', 'the /notes channel');
        check(document.components.schemas.Note?.required?.[0] === 'text', 'the Note schema from class-validator');
        const types = await run('npx', ['--no-install', 'classio', 'client-types', 'out/entry.js'], { cwd });
        check(
          types.stdout.includes(
            '"add note": (payload: Note, callback: (answer: string | ClassioAckError) => void) => void;',
          ),
          'the add note event with its typed ack',
        );
        return `${Object.keys(document.operations).length} operations, ${types.stdout.split('\n').length} lines of types`;
      }),
    () =>
      step('deep imports are refused at run time', async () => {
        const refusals = [];
        for (const [how, args] of [
          ['require', ['-e', "require('classio/lib/src/server.js')"]],
          ['require', ['-e', "require('classio/dist/src/server')"]],
          ['import', ['--input-type=module', '-e', "await import('classio/lib/src/server.js')"]],
        ]) {
          const result = await node(args, { cwd: projectA, mayFail: true });
          check(
            result.code !== 0 && /ERR_PACKAGE_PATH_NOT_EXPORTED/.test(result.stderr),
            `${how} ${args.at(-1)} fails`,
          );
          refusals.push(`${how} ${/'([^']+)'/.exec(args.at(-1))[1]}`);
        }
        return `${refusals.join(', ')}: ERR_PACKAGE_PATH_NOT_EXPORTED`;
      }),
    () =>
      step('README tour + Testing without a port (ESM) runs to the end', async () => {
        const { stdout } = await node(['tour.js'], {
          cwd: join(projectA, 'tour-testing-esm'),
          env: { PORT: '0' },
          timeout: 30_000,
        });
        check(stdout.includes('testing block ok'), "the README's test-client code passes");
      }),
    () =>
      step('with class-transformer 0.4 (past npm), registering a DTO is a ConfigurationError', async () => {
        const { stdout } = await node(['out/program.js'], { cwd: projectB, timeout: 30_000 });
        const error = JSON.parse(stdout.trim().split('\n').at(-1));
        check(error.name === 'ConfigurationError' && error.code === 'CLASSIO_ERR_CONFIG', 'a ConfigurationError');
        check(
          error.message.includes('classio supports class-transformer ~0.5.1, but class-transformer 0.4.0 is installed'),
          `the message names the package, the version and the range (${error.message})`,
        );
        return error.message;
      }),
  ]);

  await step('README tour (CommonJS), driven by socket.io-client', () => runTour(join(projectA, 'tour-cjs')));
  await step('README tour (ESM), driven by socket.io-client', () => runTour(join(projectA, 'tour-esm')));
}

function cleanUp() {
  for (const child of children) child.kill('SIGKILL');
  if (process.env.CLASSIO_KEEP_SCRATCH === '1') console.log(`scratch directory kept: ${scratch}`);
  else rmSync(scratch, { recursive: true, force: true });
}

process.on('SIGINT', () => {
  cleanUp();
  process.exit(130);
});

let outcome = 'passed in';
try {
  await main();
} catch (err) {
  // A failing step has printed why; anything else is printed here.
  if (!(err instanceof Error && err.isReported)) console.log(`✘ ${err instanceof Error ? err.stack : err}`);
  outcome = 'FAILED after';
  process.exitCode = 1;
} finally {
  cleanUp();
}
console.log(`check:package ${outcome} ${((Date.now() - started) / 1000).toFixed(1)} s`);
