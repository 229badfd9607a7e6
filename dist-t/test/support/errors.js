"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.thrownBy = thrownBy;
const chai_1 = require("chai");
const errors_1 = require("../../src/errors");
/**
 * The error `run` throws, after checking that it is a catalogue error of `errorClass` with `code`; fails the test
 * when `run` throws nothing or something else.
 */
function thrownBy(run, errorClass, code) {
    let caught;
    try {
        run();
    }
    catch (error) {
        caught = error;
    }
    (0, chai_1.expect)(caught).to.be.instanceOf(errorClass);
    (0, chai_1.expect)(caught).to.be.instanceOf(errors_1.ClassioError);
    (0, chai_1.expect)(caught).to.have.property('code', code);
    return caught;
}
//# sourceMappingURL=errors.js.map