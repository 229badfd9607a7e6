"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const chai_1 = require("chai");
const socket_io_client_1 = require("socket.io-client");
const server_1 = require("../../examples/chat/server");
const chat_helpers_1 = require("./chat-helpers");
describe('chat example metrics', () => {
    let chat;
    afterEach(async () => {
        await chat?.app.close();
        chat = undefined;
    });
    it('reads CHAT_METRICS from the environment', () => {
        (0, chai_1.expect)((0, server_1.chatOptionsFromEnv)({ CHAT_METRICS: '1' })).to.deep.equal({ metrics: true });
        (0, chai_1.expect)((0, server_1.chatOptionsFromEnv)({ CHAT_METRICS: '0' })).to.deep.equal({ metrics: false });
    });
    it('serves GET /metrics in the Prometheus text format when turned on', async () => {
        chat = await (0, chat_helpers_1.startChat)({ metrics: true });
        const client = (0, socket_io_client_1.io)(`${chat.url}/test`, { transports: ['websocket'], forceNew: true, reconnection: false });
        try {
            await new Promise((resolve) => client.once('my response', resolve));
            await client.timeout(2000).emitWithAck('my ping');
        }
        finally {
            client.close();
        }
        const res = await fetch(`${chat.url}/metrics`);
        (0, chai_1.expect)(res.status).to.equal(200);
        (0, chai_1.expect)(res.headers.get('content-type')).to.match(/^text\/plain; version=0\.0\.4/);
        const text = await res.text();
        (0, chai_1.expect)(text).to.include('classio_events_received_total{namespace="/test",event="my ping"} 1');
        (0, chai_1.expect)(text).to.include('classio_connects_total{namespace="/test",outcome="accepted"} 1');
    });
    it('answers 404 on /metrics when off', async () => {
        chat = await (0, chat_helpers_1.startChat)();
        (0, chai_1.expect)((await fetch(`${chat.url}/metrics`)).status).to.equal(404);
    });
});
//# sourceMappingURL=chat-metrics.test.js.map