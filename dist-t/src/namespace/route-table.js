"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=route-table.js.map