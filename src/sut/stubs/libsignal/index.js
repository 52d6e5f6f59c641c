'use strict';
// quotastorm stub for libsignal (see package.json). Loading works; using it throws.
function unavailable(name) {
  return function () {
    throw new Error(`libsignal stub: ${name} is not available (quotastorm runs OpenClaw without WhatsApp)`);
  };
}
function stubClass(name) {
  return class {
    constructor() {
      unavailable(name)();
    }
  };
}
exports.SessionCipher = stubClass('SessionCipher');
exports.SessionBuilder = stubClass('SessionBuilder');
exports.SessionRecord = stubClass('SessionRecord');
exports.ProtocolAddress = stubClass('ProtocolAddress');
exports.PreKeyWhisperMessage = stubClass('PreKeyWhisperMessage');
exports.WhisperMessage = stubClass('WhisperMessage');
exports.keyhelper = {};
exports.curve = require('./src/curve.js');
exports.crypto = require('./src/crypto.js');

