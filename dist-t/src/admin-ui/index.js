"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RedisStore = exports.InMemoryStore = exports.instrument = void 0;
/**
 * `classio/admin-ui`: the Socket.IO Admin UI for a classio server. Needs `bcryptjs` (an optional peer of classio)
 * for basic authentication.
 */
var instrument_1 = require("./instrument");
Object.defineProperty(exports, "instrument", { enumerable: true, get: function () { return instrument_1.instrument; } });
var stores_1 = require("./stores");
Object.defineProperty(exports, "InMemoryStore", { enumerable: true, get: function () { return stores_1.InMemoryStore; } });
Object.defineProperty(exports, "RedisStore", { enumerable: true, get: function () { return stores_1.RedisStore; } });
//# sourceMappingURL=index.js.map