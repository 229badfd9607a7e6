"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.UI_DIST = void 0;
exports.serveUi = serveUi;
const node_fs_1 = require("node:fs");
const node_http_1 = require("node:http");
const node_path_1 = require("node:path");
/** The official Admin UI bundle, as the devDependency `@socket.io/admin-ui` ships it. */
exports.UI_DIST = (0, node_path_1.join)(__dirname, '..', '..', '..', 'node_modules', '@socket.io', 'admin-ui', 'ui', 'dist');
const TYPES = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.png': 'image/png',
    '.svg': 'image/svg+xml',
    '.map': 'application/json',
};
/** Serves the UI bundle on 127.0.0.1 (port 0), as a user would host it next to their server. */
async function serveUi() {
    const http = (0, node_http_1.createServer)((req, res) => {
        const path = new URL(req.url ?? '/', 'http://ui').pathname;
        const file = (0, node_path_1.join)(exports.UI_DIST, (0, node_path_1.normalize)(path === '/' ? '/index.html' : path));
        if (!file.startsWith(exports.UI_DIST) || !(0, node_fs_1.existsSync)(file) || !(0, node_fs_1.statSync)(file).isFile()) {
            res.writeHead(404).end();
            return;
        }
        res.writeHead(200, { 'content-type': TYPES[(0, node_path_1.extname)(file)] ?? 'application/octet-stream' });
        (0, node_fs_1.createReadStream)(file).pipe(res);
    });
    await new Promise((resolve) => http.listen(0, '127.0.0.1', resolve));
    const { port } = http.address();
    return {
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise((resolve) => {
            http.close(() => resolve());
            http.closeAllConnections();
        }),
    };
}
//# sourceMappingURL=ui-server.js.map