'use strict';
// quotastorm stub of libsignal-node's src/curve.js: the named exports baileys imports
// (lib/Utils/crypto.js, lib/Signal/Group/*). One `exports.x =` per name, so Node's
// CJS lexer lists them for `import { generateKeyPair } from 'libsignal/src/curve.js'`.
function unavailable(name) {
  return function () {
    throw new Error(`libsignal stub: curve.${name} is not available (quotastorm runs OpenClaw without WhatsApp)`);
  };
}
exports.generateKeyPair = unavailable('generateKeyPair');
exports.calculateAgreement = unavailable('calculateAgreement');
exports.calculateSignature = unavailable('calculateSignature');
exports.verifySignature = unavailable('verifySignature');
exports.createKeyPair = unavailable('createKeyPair');
exports.getPublicFromPrivateKey = unavailable('getPublicFromPrivateKey');
