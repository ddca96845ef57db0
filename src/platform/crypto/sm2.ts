import { createECDH, randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { canonicalJson } from './canonical.ts';
import type { Keyring } from './keyring.ts';
import { sm3Hex } from './sm3.ts';

/**
 * SM2 digital signatures (GB/T 32918.2-2016) on the recommended curve (GB/T 32918.5-2017), with
 * SM3 and the default distinguishing identifier of GB/T 35276-2017. Curve arithmetic comes from
 * sm-crypto; randomness does NOT: sm-crypto's jsbn SecureRandom falls back to Math.random + RC4
 * under Node (it looks for window.crypto), so private keys and per-signature nonces are drawn here
 * from crypto.randomBytes and handed to sm-crypto (nonces through its `pointPool` option).
 * Scalar multiples of the base point (a public key d·G, a nonce point k·G) come from OpenSSL's SM2
 * curve through node:crypto's ECDH (~0.25 ms instead of ~9 ms in jsbn); the unit tests check them
 * against the standard's worked example and against sm-crypto.
 */

export const SM2_DEFAULT_USER_ID = '1234567812345678';
export const SM2_SIGNATURE_ALG = 'SM2-SM3';

export interface Sm2KeyPair {
  /** 32-byte scalar d, 64 lowercase hex. */
  privateKey: string;
  /** Uncompressed point 04‖x‖y, 130 lowercase hex. */
  publicKey: string;
}

export interface ContentSignature {
  alg: typeof SM2_SIGNATURE_ALG;
  keyId: string;
  /** r‖s, 128 lowercase hex (GM/T 0009 raw form, not DER). */
  signature: string;
  /** SM3 of the canonical JSON of the content, 64 lowercase hex. */
  contentHash: string;
}

/** A source of random bytes; injectable only so that the standard's fixed-nonce example can be replayed. */
export type RandomSource = (size: number) => Uint8Array;

export interface Sm2Options {
  userId?: string;
  random?: RandomSource;
}

// ---- sm-crypto runtime surface (the published @types omit the functions used here) ----------

interface JsbnBigInteger {
  toString(radix: number): string;
}
type JsbnBigIntegerConstructor = new (value: string, radix: number) => JsbnBigInteger;
interface NoncePoint {
  k: JsbnBigInteger;
  x1: JsbnBigInteger;
}
interface SmCryptoSm2 {
  doSignature(
    msg: number[],
    privateKey: string,
    options: { pointPool: NoncePoint[]; der: false; hash: true; publicKey: string; userId: string },
  ): string;
  doVerifySignature(
    msg: number[],
    signature: string,
    publicKey: string,
    options: { der: false; hash: true; userId: string },
  ): boolean;
}

const requireHere = createRequire(import.meta.url);
const smCryptoEntry = requireHere.resolve('sm-crypto');
const { sm2: smCryptoSm2 } = requireHere(smCryptoEntry) as { sm2: SmCryptoSm2 };
// The BigInteger class sm-crypto itself uses (resolved from sm-crypto's own location).
const { BigInteger } = createRequire(smCryptoEntry)('jsbn') as { BigInteger: JsbnBigIntegerConstructor };

// ---- curve parameters (GB/T 32918.5-2017) ----------------------------------------------------

const P = 0xfffffffeffffffffffffffffffffffffffffffff00000000ffffffffffffffffn;
const A = 0xfffffffeffffffffffffffffffffffffffffffff00000000fffffffffffffffcn;
const B = 0x28e9fa9e9d9f5e344d5a9e4bcf6509a7f39789f515ab8f92ddbcbd414d940e93n;
const N = 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n;

const HEX64 = /^[0-9a-f]{64}$/;
const PUBLIC_KEY = /^04[0-9a-f]{128}$/;
const SIGNATURE = /^[0-9a-f]{128}$/;

/** Uniform scalar in [1, max]: 320 random bits reduced mod max (bias < 2^-64). */
function randomScalar(random: RandomSource, max: bigint): bigint {
  const bytes = random(40);
  if (bytes.length !== 40) throw new Error('SM2: random source returned the wrong number of bytes');
  return (BigInt(`0x${Buffer.from(bytes).toString('hex')}`) % max) + 1n;
}

const toHex64 = (v: bigint) => v.toString(16).padStart(64, '0');

function isValidPrivateKey(privateKey: string): boolean {
  if (!HEX64.test(privateKey)) return false;
  const d = BigInt(`0x${privateKey}`);
  return d >= 1n && d <= N - 2n; // 1 + d must be invertible mod n
}

/** True for an uncompressed point 04‖x‖y (lowercase hex) that lies on the SM2 curve. */
export function isValidSm2PublicKey(publicKey: string): boolean {
  if (!PUBLIC_KEY.test(publicKey)) return false;
  const x = BigInt(`0x${publicKey.slice(2, 66)}`);
  const y = BigInt(`0x${publicKey.slice(66)}`);
  if (x >= P || y >= P) return false;
  return (y * y - (x * x * x + A * x + B)) % P === 0n;
}

/** k·G as an uncompressed point 04‖x‖y (lowercase hex) for a scalar 1 ≤ k < n given as 64 hex. */
function baseMultiple(scalarHex: string): string {
  const ecdh = createECDH('SM2');
  ecdh.setPrivateKey(Buffer.from(scalarHex, 'hex'));
  return ecdh.getPublicKey('hex', 'uncompressed');
}

/** Public key 04‖x‖y for a private key (throws on an out-of-range key). */
export function sm2PublicKeyFromPrivate(privateKey: string): string {
  if (!isValidPrivateKey(privateKey)) throw new Error('SM2: invalid private key / SM2 私钥格式或取值无效');
  return baseMultiple(privateKey);
}

/** Fresh SM2 key pair from crypto.randomBytes. */
export function generateSm2KeyPair(random: RandomSource = randomBytes): Sm2KeyPair {
  const privateKey = toHex64(randomScalar(random, N - 2n));
  return { privateKey, publicKey: sm2PublicKeyFromPrivate(privateKey) };
}

function noncePoint(random: RandomSource): NoncePoint {
  const k = toHex64(randomScalar(random, N - 1n));
  const kG = baseMultiple(k);
  return { k: new BigInteger(k, 16), x1: new BigInteger(kG.slice(2, 66), 16) };
}

const messageBytes = (message: string | Uint8Array) =>
  Array.from(typeof message === 'string' ? Buffer.from(message, 'utf8') : message);

/** SM2 signature with SM3 and Z_A (user id) preprocessing; returns r‖s as 128 lowercase hex. */
export function sm2Sign(
  keyPair: Sm2KeyPair,
  message: string | Uint8Array,
  { userId = SM2_DEFAULT_USER_ID, random = randomBytes }: Sm2Options = {},
): string {
  if (!isValidPrivateKey(keyPair.privateKey) || !isValidSm2PublicKey(keyPair.publicKey)) {
    throw new Error('SM2: invalid key pair / SM2 密钥对无效');
  }
  // Two points: sm-crypto only needs a second if r = 0 or r + k = n (probability ~2^-256); with an
  // empty pool it would fall back to its weak generator, so it must never run dry.
  const pointPool = [noncePoint(random), noncePoint(random)];
  return smCryptoSm2.doSignature(messageBytes(message), keyPair.privateKey, {
    pointPool,
    der: false,
    hash: true,
    publicKey: keyPair.publicKey,
    userId,
  });
}

/** Verifies an r‖s signature; false (never throws) for any malformed key or signature. */
export function sm2Verify(
  publicKey: string,
  message: string | Uint8Array,
  signature: string,
  { userId = SM2_DEFAULT_USER_ID }: Pick<Sm2Options, 'userId'> = {},
): boolean {
  if (typeof signature !== 'string' || typeof publicKey !== 'string') return false;
  const sig = signature.toLowerCase();
  const pub = publicKey.toLowerCase();
  if (!SIGNATURE.test(sig) || !isValidSm2PublicKey(pub)) return false;
  try {
    return smCryptoSm2.doVerifySignature(messageBytes(message), sig, pub, { der: false, hash: true, userId });
  } catch {
    return false;
  }
}

/**
 * Signs the canonical JSON (src/platform/crypto/canonical.ts) of `content` with the keyring's active SM2 key
 * (密评 8.4h: approvals, filings and expert opinions).
 */
export function signContent(keyring: Keyring, content: unknown): ContentSignature {
  const canonical = canonicalJson(content);
  const key = keyring.active();
  const signature = sm2Sign(key.sm2KeyPair(), canonical);
  const contentHash = sm3Hex(canonical);
  rememberVerified(key.sm2PublicKey, signature, contentHash, true);
  return { alg: SM2_SIGNATURE_ALG, keyId: key.id, signature, contentHash };
}

/**
 * SM2 verification costs ~19 ms in JavaScript and a project's timeline shows every signed action,
 * so results are kept per process, keyed by (public key, signature, SM3 of the signed content): the
 * content's hash is still computed and compared on every check, only the curve arithmetic for a
 * signature already checked against that exact content is skipped. Signatures made here are known
 * good when written. Bounded; the oldest entries go first.
 */
const VERIFIED_MAX = 20_000;
const verified = new Map<string, boolean>();

function rememberVerified(publicKey: string, signature: string, contentHash: string, ok: boolean): void {
  if (verified.size >= VERIFIED_MAX) verified.delete(verified.keys().next().value as string);
  verified.set(`${publicKey.toLowerCase()}|${signature.toLowerCase()}|${contentHash}`, ok);
}

/** True only if `sig` is a valid signature of exactly this content by the named key of the keyring. */
export function verifyContent(keyring: Keyring, content: unknown, sig: ContentSignature): boolean {
  if (typeof sig?.keyId !== 'string' || !keyring.has(sig.keyId)) return false;
  return verifyContentWithPublicKey(keyring.key(sig.keyId).sm2PublicKey, content, sig);
}

/** As verifyContent, for a verifier that holds only the public key (e.g. an export checker). */
export function verifyContentWithPublicKey(
  publicKey: string,
  content: unknown,
  sig: ContentSignature,
): boolean {
  if (sig?.alg !== SM2_SIGNATURE_ALG || typeof sig.contentHash !== 'string') return false;
  let canonical: string;
  try {
    canonical = canonicalJson(content);
  } catch {
    return false;
  }
  const contentHash = sm3Hex(canonical);
  if (contentHash !== sig.contentHash.toLowerCase()) return false;
  if (typeof publicKey !== 'string' || typeof sig.signature !== 'string') return false;
  const known = verified.get(`${publicKey.toLowerCase()}|${sig.signature.toLowerCase()}|${contentHash}`);
  if (known !== undefined) return known;
  const ok = sm2Verify(publicKey, canonical, sig.signature);
  rememberVerified(publicKey, sig.signature, contentHash, ok);
  return ok;
}
