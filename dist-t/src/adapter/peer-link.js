"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=peer-link.js.map