"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const chai_1 = require("chai");
const node_child_process_1 = require("node:child_process");
const node_path_1 = require("node:path");
const server_1 = require("../../examples/chat/server");
const chat_helpers_1 = require("./chat-helpers");
describe('chat example over HTTP', () => {
    describe('static files', () => {
        let chat;
        beforeEach(async () => {
            chat = await (0, chat_helpers_1.startChat)();
        });
        afterEach(async () => {
            await chat?.app.close();
            chat = undefined;
        });
        it('serves the page, which loads the Socket.IO client from this server', async () => {
            const res = await fetch(`${chat.url}/`);
            (0, chai_1.expect)(res.status).to.equal(200);
            (0, chai_1.expect)(res.headers.get('content-type')).to.equal('text/html; charset=utf-8');
            const html = await res.text();
            (0, chai_1.expect)(html).to.include('<script src="/vendor/socket.io.min.js"></script>');
            for (const form of ['emit', 'broadcast', 'join', 'leave', 'send_room', 'close', 'disconnect']) {
                (0, chai_1.expect)(html).to.include(`<form id="${form}">`);
            }
        });
        it('serves the official browser client from node_modules', async () => {
            const res = await fetch(`${chat.url}/vendor/socket.io.min.js`);
            (0, chai_1.expect)(res.status).to.equal(200);
            (0, chai_1.expect)(res.headers.get('content-type')).to.equal('text/javascript; charset=utf-8');
            (0, chai_1.expect)(await res.text()).to.match(/^\/\*!\s*\n?\s*\* Socket\.IO v4/);
        });
        it('serves the page script', async () => {
            const res = await fetch(`${chat.url}/app.js`);
            (0, chai_1.expect)(res.status).to.equal(200);
            (0, chai_1.expect)(await res.text()).to.include("io('/test')");
        });
        it('answers 404 for anything else, including paths that climb out', async () => {
            for (const path of ['/nope', '/../package.json', '/%2e%2e/package.json', '/public/index.html']) {
                const res = await fetch(`${chat.url}${path}`);
                (0, chai_1.expect)(res.status, path).to.equal(404);
            }
        });
        it('leaves /socket.io/ to the engine', async () => {
            const res = await fetch(`${chat.url}/socket.io/?EIO=4&transport=polling`);
            (0, chai_1.expect)(res.status).to.equal(200);
            (0, chai_1.expect)(await res.text()).to.match(/^0\{"sid":"/);
        });
    });
    describe('chatOptionsFromEnv', () => {
        it('reads HOST, PORT, CHAT_BACKGROUND_INTERVAL_MS and CHAT_TOKEN', () => {
            (0, chai_1.expect)((0, server_1.chatOptionsFromEnv)({ HOST: '0.0.0.0', PORT: '8080', CHAT_BACKGROUND_INTERVAL_MS: '0', CHAT_TOKEN: 't' })).to.deep.equal({ host: '0.0.0.0', port: 8080, backgroundIntervalMs: 0, token: 't' });
            (0, chai_1.expect)((0, server_1.chatOptionsFromEnv)({})).to.deep.equal({});
        });
        it('refuses a port that is not a non-negative integer', () => {
            (0, chai_1.expect)(() => (0, server_1.chatOptionsFromEnv)({ PORT: 'http' })).to.throw('PORT must be a non-negative integer, got "http"');
        });
    });
    describe('main module', function () {
        this.timeout(30_000);
        let child;
        afterEach(() => {
            if (child !== undefined && child.exitCode === null)
                child.kill('SIGKILL');
            child = undefined;
        });
        it('listens on PORT and closes gracefully on SIGTERM', async () => {
            const script = (0, node_path_1.join)(__dirname, '..', '..', 'examples', 'chat', 'server.js');
            const proc = (0, node_child_process_1.spawn)(process.execPath, [script], {
                env: { ...process.env, HOST: '127.0.0.1', PORT: '0', CHAT_BACKGROUND_INTERVAL_MS: '0' },
                stdio: ['ignore', 'pipe', 'inherit'],
            });
            child = proc;
            let output = '';
            const url = await new Promise((resolve, reject) => {
                proc.stdout?.on('data', (chunk) => {
                    output += chunk.toString();
                    const match = /listening on (http:\/\/\S+)/.exec(output);
                    if (match !== null)
                        resolve(match[1]);
                });
                proc.once('exit', (code) => reject(new Error(`exited early with ${code}: ${output}`)));
            });
            (0, chai_1.expect)((await fetch(`${url}/`)).status).to.equal(200);
            const exited = new Promise((resolve) => proc.once('exit', (code) => resolve(code)));
            proc.kill('SIGTERM');
            (0, chai_1.expect)(await exited).to.equal(0);
            (0, chai_1.expect)(output).to.include('SIGTERM: closing');
        });
    });
});
//# sourceMappingURL=chat-http.test.js.map