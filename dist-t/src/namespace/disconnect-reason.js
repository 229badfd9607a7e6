"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=disconnect-reason.js.map