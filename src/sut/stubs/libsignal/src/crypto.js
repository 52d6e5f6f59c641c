'use strict';
// quotastorm stub of libsignal-node's src/crypto.js: the named exports baileys imports
// (lib/Signal/Group/*). One `exports.x =` per name, for Node's CJS lexer.
function unavailable(name) {
  return function () {
    throw new Error(`libsignal stub: crypto.${name} is not available (quotastorm runs OpenClaw without WhatsApp)`);
  };
}
exports.encrypt = unavailable('encrypt');
exports.decrypt = unavailable('decrypt');
exports.calculateMAC = unavailable('calculateMAC');
exports.verifyMAC = unavailable('verifyMAC');
exports.hash = unavailable('hash');
exports.deriveSecrets = unavailable('deriveSecrets');
