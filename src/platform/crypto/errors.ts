/**
 * Failures of the cryptographic layer. These are not user input errors: a tampered envelope, an
 * unknown key id or a badly protected key file is an operational fault (HTTP 500 at the edge, and
 * an alert), so they are kept apart from the domain errors in src/platform/errors.ts.
 *
 * Messages are bilingual (中文 / English) and never contain key material or plaintext.
 */
export type CryptoErrorCode =
  | 'ENVELOPE_MALFORMED' // not an envelope of a known format/version
  | 'ENVELOPE_AUTH_FAILED' // HMAC-SM3 tag mismatch: tampered data or wrong associated data
  | 'UNKNOWN_KEY_ID' // the envelope names a key the keyring does not hold
  | 'KEYRING_INVALID' // keyring JSON does not fit the format
  | 'KEYRING_MISSING' // neither TONGCHOU_KEYS nor an existing key file
  | 'KEY_FILE_INSIDE_DATA_DIR' // 密评 8.4j: keys must live outside the data directory
  | 'KEY_FILE_PERMISSIONS' // key file readable by group/other
  | 'KEY_FILE_EXISTS' // refusing to overwrite an existing key file
  | 'CANONICAL_JSON_UNSUPPORTED'; // value cannot be canonicalised for signing

export class CryptoError extends Error {
  readonly code: CryptoErrorCode;

  constructor(code: CryptoErrorCode, message: string) {
    super(message);
    this.name = 'CryptoError';
    this.code = code;
  }
}
