import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateKeyFileContent, Keyring } from './keyring.ts';
import { signContent, verifyContent } from './sm2.ts';

// The per-process verification cache (sm2.ts) skips only the curve arithmetic for a signature
// already checked against exactly this content: every tampering is still caught.
describe('signature verification cache', () => {
  const keyring = Keyring.parse(generateKeyFileContent());
  const content = { projectId: 'p-1', stepId: 'filing', event: 'approved', opinion: '同意' };

  it('a signature verifies again and again; changed content or a changed signature never does', () => {
    const sig = signContent(keyring, content);
    assert.equal(verifyContent(keyring, content, sig), true);
    assert.equal(verifyContent(keyring, content, sig), true);
    assert.equal(verifyContent(keyring, { ...content, opinion: '不同意' }, sig), false);
    const flipped = `${sig.signature.slice(0, -1)}${sig.signature.endsWith('0') ? '1' : '0'}`;
    assert.equal(verifyContent(keyring, content, { ...sig, signature: flipped }), false);
    assert.equal(verifyContent(keyring, content, { ...sig, signature: flipped }), false);
    assert.equal(verifyContent(keyring, content, { ...sig, signature: flipped.toUpperCase() }), false);
    assert.equal(verifyContent(keyring, content, sig), true);
  });

  it('a signature by another keyring is refused even after this one was verified', () => {
    const other = Keyring.parse(generateKeyFileContent());
    const sig = signContent(other, content);
    assert.equal(verifyContent(other, content, sig), true);
    assert.equal(verifyContent(keyring, content, sig), false);
    assert.equal(verifyContent(keyring, content, { ...sig, keyId: keyring.active().id }), false);
  });
});
