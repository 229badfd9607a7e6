"use strict";
/** The shapes the test client shares with its users. */
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=types.js.map