"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const chai_1 = require("chai");
const socket_io_client_1 = require("socket.io-client");
const server_1 = require("../../examples/chat/server");
const chat_helpers_1 = require("../e2e/chat-helpers");
const io_1 = require("../support/io");
describe('example chat with the Admin UI', () => {
    let chat;
    let client;
    afterEach(async () => {
        client?.disconnect();
        if (client !== undefined)
            await (0, io_1.whenEngineClosed)(client);
        client = undefined;
        await chat?.app.close();
        chat = undefined;
    });
    it('reads CLASSIO_ADMIN_UI and its password, username, readonly flag and origin from the environment', () => {
        (0, chai_1.expect)((0, server_1.chatOptionsFromEnv)({}).adminUi).to.equal(undefined);
        (0, chai_1.expect)((0, server_1.chatOptionsFromEnv)({ CLASSIO_ADMIN_UI: '1', CLASSIO_ADMIN_UI_PASSWORD: 'pw' }).adminUi).to.deep.equal({
            username: 'admin',
            password: 'pw',
            readonly: false,
            origin: 'https://admin.socket.io',
        });
        (0, chai_1.expect)((0, server_1.chatOptionsFromEnv)({
            CLASSIO_ADMIN_UI: '1',
            CLASSIO_ADMIN_UI_PASSWORD: 'pw',
            CLASSIO_ADMIN_UI_USERNAME: 'ops',
            CLASSIO_ADMIN_UI_READONLY: '1',
            CLASSIO_ADMIN_UI_ORIGIN: 'http://127.0.0.1:8080',
        }).adminUi).to.deep.equal({ username: 'ops', password: 'pw', readonly: true, origin: 'http://127.0.0.1:8080' });
        (0, chai_1.expect)(() => (0, server_1.chatOptionsFromEnv)({ CLASSIO_ADMIN_UI: '1' })).to.throw('CLASSIO_ADMIN_UI=1 needs CLASSIO_ADMIN_UI_PASSWORD');
    });
    it('serves the Admin UI on /admin with the password it was given', async () => {
        const options = (0, server_1.chatOptionsFromEnv)({ CLASSIO_ADMIN_UI: '1', CLASSIO_ADMIN_UI_PASSWORD: 'pw' });
        chat = await (0, chat_helpers_1.startChat)({ adminUi: options.adminUi });
        client = (0, socket_io_client_1.io)(`${chat.url}/admin`, {
            forceNew: true,
            reconnection: false,
            transports: ['websocket'],
            auth: { username: 'admin', password: 'pw' },
        });
        const [config] = await (0, io_1.nextEvent)(client, 'config');
        (0, chai_1.expect)(config.supportedFeatures).to.include('DISCONNECT');
        const [stats] = await (0, io_1.nextEvent)(client, 'server_stats');
        (0, chai_1.expect)(stats.namespaces.map((nsp) => nsp.name)).to.include.members(['/', '/test', '/private', '/admin']);
    });
});
//# sourceMappingURL=example-chat.test.js.map