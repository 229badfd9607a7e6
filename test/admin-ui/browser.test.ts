import { expect } from 'chai';
import { existsSync } from 'node:fs';
import { hashSync } from 'bcryptjs';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Socket as ClientSocket } from 'socket.io-client';
import type { Server } from '../../src/server';
import type { Socket } from '../../src/namespace/socket';
import { instrument, type AdminUi, type InstrumentOptions } from '../../src/admin-ui';
import { ClientPool, TRANSPORT_MODES, nextEvent, startServer } from '../support/io';
import { serveUi } from './ui-server';

/**
 * The official Admin UI bundle (served from the devDependency) in Debian's chromium, driven by playwright-core,
 * against a classio server. Skipped, with the reason printed, when chromium is missing, unless
 * CLASSIO_REQUIRE_BROWSER=1.
 */
const CHROMIUM = '/usr/bin/chromium';
const PASSWORD = 'correct horse';
const AUTH = { type: 'basic', username: 'admin', password: hashSync(PASSWORD, 4) } as const;
const WEBSOCKET = TRANSPORT_MODES[0];

describe('Admin UI in chromium', function () {
  // Starting a browser on a busy machine takes seconds; the steps themselves wait for what they look for.
  this.timeout(60_000);

  let browser: Browser | undefined;
  let ui: { url: string; close(): Promise<void> } | undefined;
  let server: Server | undefined;
  let admin: AdminUi | undefined;
  const clients = new ClientPool();

  before(async function () {
    if (!existsSync(CHROMIUM)) {
      if (process.env.CLASSIO_REQUIRE_BROWSER === '1') throw new Error(`${CHROMIUM} is missing`);
      console.warn(`    (Admin UI browser test skipped: ${CHROMIUM} not found)`);
      this.skip();
    }
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    ui = await serveUi();
  });

  after(async () => {
    await browser?.close();
    await ui?.close();
  });

  afterEach(async () => {
    admin?.close();
    await clients.closeAll();
    await server?.close();
  });

  /** A classio server whose `/chat` sockets join the room `lobby` and keep a nick, instrumented with `options`. */
  async function start(options: Partial<InstrumentOptions> = {}): Promise<Server> {
    // The UI is served from another origin and polls with credentials: CORS must allow both.
    server = await startServer({ cors: { origin: ui!.url, credentials: true } });
    server.of('/chat').on('connection', (socket: Socket) => {
      socket.join('lobby');
      socket.data.nick = 'ada';
    });
    admin = instrument(server, { auth: AUTH, ...options });
    return server;
  }

  /** Opens the UI and logs in through its connection form; the UI's fonts and icons (from CDNs) are not fetched. */
  async function openUi(password = PASSWORD): Promise<Page> {
    const page = await browser!.newPage();
    await page.route('**/*', (route) =>
      route.request().url().startsWith('http://127.0.0.1') ? route.continue() : route.abort(),
    );
    await page.goto(ui!.url + '/');
    await page.getByLabel('Server URL').fill(`http://127.0.0.1:${server!.port}`);
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Connect' }).click();
    return page;
  }

  /** Opens the Sockets page and chooses a namespace (the UI shows `/` or the first one until told). */
  async function openSocketsOf(page: Page, nsp: string): Promise<void> {
    await page.getByRole('link', { name: 'Sockets' }).click();
    await page.getByLabel('Select namespace').click({ force: true });
    await page.getByRole('option', { name: nsp, exact: true }).click();
  }

  /**
   * The points of one dataset (`bytesIn`, `bytesOut`) of the dashboard's "Bytes received and sent" chart, as the
   * chart's component computes them from the server's stats: the component is found in the UI's Vue tree by the
   * computed property that feeds the chart. The script is a string: it runs in the page, where the DOM is.
   */
  function chartPoints(page: Page, dataset: 'bytesIn' | 'bytesOut'): Promise<{ y: number }[]> {
    return page.evaluate(`(() => {
      const root = document.querySelector('.v-application').__vue__.$root;
      const queue = [root];
      while (queue.length > 0) {
        const vm = queue.shift();
        if (${JSON.stringify(dataset)} in vm && 'chartData' in vm) return vm[${JSON.stringify(dataset)}];
        queue.push(...vm.$children);
      }
      return [];
    })()`);
  }

  it('logs in, shows the clients on the dashboard and the Sockets page, a room, and disconnects a socket', async () => {
    await start();
    const chat: ClientSocket = await clients.connect(server!, '/chat', WEBSOCKET);
    const id = chat.id!;
    const page = await openUi();
    await page
      .getByText(/^connected$/i)
      .first()
      .waitFor();
    // Dashboard: the namespaces with their socket counts, and two websocket clients (the chat and the UI).
    const namespaces = page.locator('.v-card', { hasText: 'Namespaces' });
    await namespaces.getByRole('row', { name: /\/chat\s+1/ }).waitFor();
    const clientsCard = page.locator('.v-card', { hasText: 'Clients' }).first();
    await clientsCard.getByRole('row', { name: /WebSocket\s+2/ }).waitFor();
    // The "Bytes received and sent" chart has points in both datasets (the server's stats count bytes both ways).
    for (const dataset of ['bytesIn', 'bytesOut'] as const) {
      const deadline = Date.now() + 10_000;
      let points = await chartPoints(page, dataset);
      while (!points.some((point) => point.y > 0) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        points = await chartPoints(page, dataset);
      }
      expect(
        points.some((point) => point.y > 0),
        `the ${dataset} chart has a point`,
      ).to.equal(true);
    }

    await openSocketsOf(page, '/chat');
    const row = page.getByRole('row', { name: new RegExp(chat.id!) });
    await row.waitFor();
    expect(await row.innerText()).to.match(/127\.0\.0\.1/);

    // The socket's page: its data, its handshake and the room it joined.
    await page.getByRole('cell', { name: chat.id! }).click();
    await page.getByText('"nick": "ada"').waitFor();
    await page.getByRole('cell', { name: 'lobby', exact: true }).waitFor();

    await page.getByRole('link', { name: 'Rooms' }).click();
    await page.getByRole('cell', { name: 'lobby', exact: true }).waitFor();

    // The UI keeps the namespace chosen on the Sockets page for the Rooms page and back.
    await page.getByRole('link', { name: 'Sockets' }).click();
    const disconnected = nextEvent(chat, 'disconnect');
    await page
      .getByRole('row', { name: new RegExp(id) })
      .locator('button:has(i.mdi-logout)')
      .click();
    expect((await disconnected)[0]).to.equal('io server disconnect');
    // The UI learns it from socket_disconnected and shows the socket as disconnected.
    await page
      .getByText(/^disconnected$/i)
      .first()
      .waitFor();
    await page.close();
  });

  it('refuses a wrong password', async () => {
    await start();
    const page = await openUi('wrong');
    await page.getByText('Invalid credentials').waitFor();
    expect(await page.getByText(/^connected$/i).count()).to.equal(0);
    await page.close();
  });

  it('offers no action in readonly mode, and the socket stays connected', async () => {
    await start({ readonly: true });
    const chat: ClientSocket = await clients.connect(server!, '/chat', WEBSOCKET);
    const page = await openUi();
    await page
      .getByText(/^connected$/i)
      .first()
      .waitFor();
    await openSocketsOf(page, '/chat');
    const row = page.getByRole('row', { name: new RegExp(chat.id!) });
    await row.waitFor();
    expect(await row.locator('button:has(i.mdi-logout)').count()).to.equal(0);
    await page.getByRole('cell', { name: chat.id! }).click();
    await page.getByText('"nick": "ada"').waitFor();
    expect(await page.locator('button:has(i.mdi-tag-off-outline)').count()).to.equal(0);
    expect(chat.connected).to.equal(true);
    await page.close();
  });
});
