"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=listeners.js.map