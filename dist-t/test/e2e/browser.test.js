"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const chai_1 = require("chai");
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const node_path_1 = require("node:path");
const playwright_core_1 = require("playwright-core");
const websocket_1 = require("../../src/engine/transports/websocket");
const chat_helpers_1 = require("./chat-helpers");
/**
 * The chat page in a real browser: Debian's chromium driven by playwright-core (no browser download). Skipped, with
 * the reason printed, when chromium is missing, unless CLASSIO_REQUIRE_BROWSER=1 (CI), where that is a failure.
 */
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
];
describe('chat page in chromium', function () {
    // Starting a browser on a busy machine takes seconds; the steps themselves are event-driven.
    this.timeout(60_000);
    let chat;
    let context;
    let userDataDir;
    before(function () {
        if ((0, node_fs_1.existsSync)(CHROMIUM))
            return;
        if (process.env.CLASSIO_REQUIRE_BROWSER === '1') {
            throw new Error(`${CHROMIUM} is missing and CLASSIO_REQUIRE_BROWSER=1 (install it: apt-get install chromium)`);
        }
        console.warn(`    (browser test skipped: ${CHROMIUM} not found; .ci/run installs it)`);
        this.skip();
    });
    beforeEach(async () => {
        userDataDir = (0, node_fs_1.mkdtempSync)((0, node_path_1.join)((0, node_os_1.tmpdir)(), 'classio-chromium-'));
        context = await playwright_core_1.chromium.launchPersistentContext(userDataDir, {
            executablePath: CHROMIUM,
            headless: true,
            args: CHROMIUM_ARGS,
        });
    });
    afterEach(async () => {
        await context?.close();
        context = undefined;
        await chat?.app.close();
        chat = undefined;
        if (userDataDir !== undefined)
            (0, node_fs_1.rmSync)(userDataDir, { recursive: true, force: true });
        userDataDir = undefined;
    });
    /** Opens the page and waits until its socket is connected and the greeting is logged. */
    async function openPage() {
        const page = await context.newPage();
        await page.goto(chat.url + '/');
        await page.locator('#status', { hasText: /^connected$/ }).waitFor();
        await logLine(page, 'Received #0: Connected');
        return page;
    }
    /** Waits for a line of the page's log. */
    async function logLine(page, text) {
        const line = page.locator('#log div', { hasText: text }).first();
        await line.waitFor();
        return (await line.textContent()) ?? '';
    }
    async function submit(page, form, fields) {
        for (const [selector, value] of Object.entries(fields))
            await page.fill(selector, value);
        await page.click(`#${form} button[type=submit]`);
    }
    it('echoes, broadcasts, joins, sends to a room, shows the latency and disconnects', async () => {
        await runChatScenario({});
    });
    it('does the same with every message compressed (permessage-deflate and gzip polling answers)', async () => {
        // Browsers always offer permessage-deflate. Threshold 0 compresses every message and every polling answer;
        // without server context takeover the frames are classio's own, shared by the recipients of a broadcast.
        await runChatScenario({
            perMessageDeflate: { threshold: 0, serverNoContextTakeover: true },
            httpCompression: { threshold: 0 },
        });
        expectCompressingWebSockets();
    });
    it('does the same with permessage-deflate on a context per connection (ws compresses)', async () => {
        await runChatScenario({ perMessageDeflate: { threshold: 0 } });
        expectCompressingWebSockets();
    });
    /** The pages' sessions that upgraded (the one left connected, at least) negotiated permessage-deflate. */
    function expectCompressingWebSockets() {
        const transports = [...chat.app.server.engine.clients.values()].map((c) => c.transport);
        const webSockets = transports.filter((t) => t instanceof websocket_1.WebSocketTransport);
        (0, chai_1.expect)(webSockets.length, 'sessions upgraded to websocket').to.be.greaterThan(0);
        (0, chai_1.expect)(webSockets.map((t) => t.isCompressing)).to.not.include(false);
    }
    async function runChatScenario(server) {
        chat = await (0, chat_helpers_1.startChat)({ backgroundIntervalMs: 0, server });
        const page = await openPage();
        const other = await openPage();
        // The official browser client came from our server (node_modules), not a CDN.
        (0, chai_1.expect)(await page.evaluate(() => typeof globalThis.io)).to.equal('function');
        await submit(page, 'emit', { '#emit_data': 'hello browser' });
        await logLine(page, 'Received #1: hello browser');
        await submit(page, 'broadcast', { '#broadcast_data': 'to everyone' });
        await logLine(page, 'Received #2: to everyone');
        await logLine(other, 'Received #2: to everyone');
        await submit(page, 'join', { '#join_room': 'lobby' });
        (0, chai_1.expect)(await logLine(page, /Received #3: In rooms: .+, lobby$/)).to.match(/^Received #3: In rooms: [\w-]+, lobby$/);
        await submit(other, 'join', { '#join_room': 'lobby' });
        await logLine(other, /Received #1: In rooms: .+, lobby$/);
        await submit(page, 'send_room', { '#room_name': 'lobby', '#room_data': 'room news' });
        await logLine(page, 'Received #4: room news');
        await logLine(other, 'Received #4: room news');
        // One `my ping` a second: the average appears after the first pong.
        await page.locator('#ping-pong', { hasText: /^\d+\.\d$/ }).waitFor();
        const latency = Number(await page.textContent('#ping-pong'));
        (0, chai_1.expect)(latency).to.be.at.least(0);
        await submit(page, 'disconnect', {});
        await logLine(page, 'Received #5: Disconnected!');
        await page.locator('#status', { hasText: 'disconnected (io server disconnect)' }).waitFor();
        // The other page is untouched.
        (0, chai_1.expect)(await other.textContent('#status')).to.equal('connected');
    }
});
//# sourceMappingURL=browser.test.js.map