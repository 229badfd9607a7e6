"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const chai_1 = require("chai");
const node_fs_1 = require("node:fs");
const bcryptjs_1 = require("bcryptjs");
const playwright_core_1 = require("playwright-core");
const admin_ui_1 = require("../../src/admin-ui");
const io_1 = require("../support/io");
const ui_server_1 = require("./ui-server");
/**
 * The official Admin UI bundle (served from the devDependency) in Debian's chromium, driven by playwright-core,
 * against a classio server. Skipped, with the reason printed, when chromium is missing, unless
 * CLASSIO_REQUIRE_BROWSER=1.
 */
const CHROMIUM = '/usr/bin/chromium';
const PASSWORD = 'correct horse';
const AUTH = { type: 'basic', username: 'admin', password: (0, bcryptjs_1.hashSync)(PASSWORD, 4) };
const WEBSOCKET = io_1.TRANSPORT_MODES[0];
describe('Admin UI in chromium', function () {
    // Starting a browser on a busy machine takes seconds; the steps themselves wait for what they look for.
    this.timeout(60_000);
    let browser;
    let ui;
    let server;
    let admin;
    const clients = new io_1.ClientPool();
    before(async function () {
        if (!(0, node_fs_1.existsSync)(CHROMIUM)) {
            if (process.env.CLASSIO_REQUIRE_BROWSER === '1')
                throw new Error(`${CHROMIUM} is missing`);
            console.warn(`    (Admin UI browser test skipped: ${CHROMIUM} not found)`);
            this.skip();
        }
        browser = await playwright_core_1.chromium.launch({
            executablePath: CHROMIUM,
            args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
        });
        ui = await (0, ui_server_1.serveUi)();
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
    async function start(options = {}) {
        // The UI is served from another origin and polls with credentials: CORS must allow both.
        server = await (0, io_1.startServer)({ cors: { origin: ui.url, credentials: true } });
        server.of('/chat').on('connection', (socket) => {
            socket.join('lobby');
            socket.data.nick = 'ada';
        });
        admin = (0, admin_ui_1.instrument)(server, { auth: AUTH, ...options });
        return server;
    }
    /** Opens the UI and logs in through its connection form; the UI's fonts and icons (from CDNs) are not fetched. */
    async function openUi(password = PASSWORD) {
        const page = await browser.newPage();
        await page.route('**/*', (route) => route.request().url().startsWith('http://127.0.0.1') ? route.continue() : route.abort());
        await page.goto(ui.url + '/');
        await page.getByLabel('Server URL').fill(`http://127.0.0.1:${server.port}`);
        await page.getByLabel('Username').fill('admin');
        await page.getByLabel('Password').fill(password);
        await page.getByRole('button', { name: 'Connect' }).click();
        return page;
    }
    /** Opens the Sockets page and chooses a namespace (the UI shows `/` or the first one until told). */
    async function openSocketsOf(page, nsp) {
        await page.getByRole('link', { name: 'Sockets' }).click();
        await page.getByLabel('Select namespace').click({ force: true });
        await page.getByRole('option', { name: nsp, exact: true }).click();
    }
    it('logs in, shows the clients on the dashboard and the Sockets page, a room, and disconnects a socket', async () => {
        await start();
        const chat = await clients.connect(server, '/chat', WEBSOCKET);
        const id = chat.id;
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
        await openSocketsOf(page, '/chat');
        const row = page.getByRole('row', { name: new RegExp(chat.id) });
        await row.waitFor();
        (0, chai_1.expect)(await row.innerText()).to.match(/127\.0\.0\.1/);
        // The socket's page: its data, its handshake and the room it joined.
        await page.getByRole('cell', { name: chat.id }).click();
        await page.getByText('"nick": "ada"').waitFor();
        await page.getByRole('cell', { name: 'lobby', exact: true }).waitFor();
        await page.getByRole('link', { name: 'Rooms' }).click();
        await page.getByRole('cell', { name: 'lobby', exact: true }).waitFor();
        // The UI keeps the namespace chosen on the Sockets page for the Rooms page and back.
        await page.getByRole('link', { name: 'Sockets' }).click();
        const disconnected = (0, io_1.nextEvent)(chat, 'disconnect');
        await page
            .getByRole('row', { name: new RegExp(id) })
            .locator('button:has(i.mdi-logout)')
            .click();
        (0, chai_1.expect)((await disconnected)[0]).to.equal('io server disconnect');
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
        (0, chai_1.expect)(await page.getByText(/^connected$/i).count()).to.equal(0);
        await page.close();
    });
    it('offers no action in readonly mode, and the socket stays connected', async () => {
        await start({ readonly: true });
        const chat = await clients.connect(server, '/chat', WEBSOCKET);
        const page = await openUi();
        await page
            .getByText(/^connected$/i)
            .first()
            .waitFor();
        await openSocketsOf(page, '/chat');
        const row = page.getByRole('row', { name: new RegExp(chat.id) });
        await row.waitFor();
        (0, chai_1.expect)(await row.locator('button:has(i.mdi-logout)').count()).to.equal(0);
        await page.getByRole('cell', { name: chat.id }).click();
        await page.getByText('"nick": "ada"').waitFor();
        (0, chai_1.expect)(await page.locator('button:has(i.mdi-tag-off-outline)').count()).to.equal(0);
        (0, chai_1.expect)(chat.connected).to.equal(true);
        await page.close();
    });
});
//# sourceMappingURL=browser.test.js.map