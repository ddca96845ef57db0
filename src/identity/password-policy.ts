/**
 * Password policy (SECURITY.md 1–2; 等保 GB/T 22239-2019 8.1.4.1a; ASVS 5 V6.2).
 *
 * 等保 requires 复杂度 and 定期更换 where ASVS forbids composition rules and forced rotation; we follow
 * 等保 (documented deviation) and keep every ASVS rule that does not conflict:
 *   - at least 8 characters (12 recommended in the message), at most 128; 64+ accepted; any Unicode,
 *     spaces included; paste is a UI matter and never blocked here;
 *   - at least 3 of 4 character classes (等保 复杂度, deviation from ASVS 6.2.5);
 *   - not on the common/breached list (ASVS 6.2.4), also after stripping leading/trailing digits and
 *     symbols and undoing common leetspeak ('Password123!', 'P@ssw0rd' → 'password');
 *   - not containing the user name (≥ 3 characters) or its reverse, nor the display name;
 *   - maximum age ≤ 90 days (等保 定期更换, deviation from ASVS 6.2.10); last 5 not reused.
 *
 * Character classes, decided here: the four classes are upper-case letters (Unicode Lu and Lt),
 * lower-case letters (Ll), decimal digits (Nd, full-width digits become ASCII under NFKC) and
 * "symbols", which is everything else: ASCII punctuation and space, other punctuation and symbols,
 * and letters without case such as Chinese characters (Lo). A Chinese character is drawn from an
 * alphabet of thousands, so counting it toward the fourth class ("特殊字符/其他字符") rewards exactly
 * the search-space growth the class rule is after, and lets users mix Chinese into passphrases.
 *
 * Every check works on the NFKC form (`normalisePassword`), and the same form must be hashed and
 * verified, so that 'Ｐａｓｓ' typed on a full-width IME and 'Pass' are the same password.
 */
import { DomainError } from '../platform/errors.ts';
import { COMMON_PASSWORDS } from './common-passwords.ts';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_RECOMMENDED_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
/** 等保 定期更换: the configured maximum age may not exceed this. */
export const PASSWORD_MAX_AGE_LIMIT_DAYS = 90;
/** How many previous passwords a new one may not repeat (SECURITY.md 2). */
export const PASSWORD_HISTORY_DEPTH = 5;

/** Shown next to the password field; matches what checkPassword enforces. */
export const PASSWORD_POLICY_HINT =
  `密码长度至少 ${PASSWORD_MIN_LENGTH} 位（建议 ${PASSWORD_RECOMMENDED_LENGTH} 位以上，最多 ${PASSWORD_MAX_LENGTH} 位），` +
  '须包含大写字母、小写字母、数字、特殊字符（含汉字）中的至少三类，不得使用常见密码，不得包含用户名。';

export type PasswordProblemCode =
  | 'PASSWORD_TOO_SHORT'
  | 'PASSWORD_TOO_LONG'
  | 'PASSWORD_INVALID_CHARACTERS'
  | 'PASSWORD_TOO_SIMPLE'
  | 'PASSWORD_COMMON'
  | 'PASSWORD_CONTAINS_USERNAME'
  | 'PASSWORD_CONTAINS_NAME'
  | 'PASSWORD_REUSED';

export interface PasswordProblem {
  code: PasswordProblemCode;
  message: string;
  field: 'newPassword';
}

export interface PasswordContext {
  username: string;
  displayName?: string;
  /** Never below 8 (等保); a larger value tightens the policy. */
  minLength?: number;
}

/** Inputs longer than this are refused before normalisation (NFKC may expand up to 18×). */
const RAW_LENGTH_CUTOFF = PASSWORD_MAX_LENGTH * 4;

/** NFKC form used for every check and for hashing and verifying. */
export function normalisePassword(password: string): string {
  return password.normalize('NFKC');
}

const problem = (code: PasswordProblemCode, message: string): PasswordProblem => ({
  code,
  message,
  field: 'newPassword',
});

const reverse = (s: string): string => [...s].reverse().join('');
const codePoints = (s: string): number => [...s].length;

/** Control characters (C0, DEL, C1) and unpaired surrogates have no place in a password. */
const CONTROL_OR_LONE_SURROGATE = /[\p{Cc}\p{Cs}]/u;

export function characterClasses(password: string): {
  upper: boolean;
  lower: boolean;
  digit: boolean;
  symbol: boolean;
} {
  const classes = { upper: false, lower: false, digit: false, symbol: false };
  for (const ch of password) {
    if (/[\p{Lu}\p{Lt}]/u.test(ch)) classes.upper = true;
    else if (/\p{Ll}/u.test(ch)) classes.lower = true;
    else if (/\p{Nd}/u.test(ch)) classes.digit = true;
    else classes.symbol = true;
  }
  return classes;
}

const LEET: Readonly<Record<string, string>> = {
  '@': 'a',
  '4': 'a',
  '8': 'b',
  '3': 'e',
  '6': 'g',
  '1': 'i',
  '!': 'i',
  '0': 'o',
  $: 's',
  '5': 's',
  '7': 't',
  '+': 't',
  '2': 'z',
};

function unLeet(s: string, one: 'i' | 'l'): string {
  return [...s].map((ch) => (ch === '1' ? one : (LEET[ch] ?? ch))).join('');
}

/** The forms of a (lower-cased) password looked up in the common list. */
function commonCandidates(lower: string): Set<string> {
  const stripped = [
    lower,
    lower.replace(/[^\p{L}\p{N}]+$/u, ''), // 'abc123456!' → 'abc123456'
    lower.replace(/[^\p{L}]+$/u, ''), // 'password123!' → 'password'
    lower.replace(/^[^\p{L}]+/u, ''), // '2024password' → 'password'
    lower.replace(/^[^\p{L}]+/u, '').replace(/[^\p{L}]+$/u, ''),
  ];
  const candidates = new Set<string>();
  for (const form of stripped) {
    if (form.length < 3 && form !== lower) continue;
    candidates.add(form);
    for (const one of ['i', 'l'] as const) {
      const plain = unLeet(form, one);
      candidates.add(plain);
      candidates.add(plain.replace(/[^\p{L}]+$/u, ''));
    }
  }
  candidates.delete('');
  return candidates;
}

export function isCommonPassword(password: string): boolean {
  const lower = normalisePassword(password).toLowerCase();
  for (const candidate of commonCandidates(lower)) {
    if (COMMON_PASSWORDS.has(candidate)) return true;
  }
  return false;
}

/** Lower-cased name forms that may not appear in the password, with their reverses. */
function nameForms(name: string, minLength: number): string[] {
  const lower = normalisePassword(name).toLowerCase().trim();
  const compact = lower.replace(/[^\p{L}\p{N}]+/gu, '');
  const localPart = lower.includes('@') ? lower.slice(0, lower.indexOf('@')) : lower;
  const forms = new Set<string>();
  for (const form of [lower, compact, localPart]) {
    if (codePoints(form) < minLength) continue;
    forms.add(form);
    forms.add(reverse(form));
  }
  return [...forms];
}

/** A display name of Chinese (or other caseless) letters is distinctive from 2 characters on. */
function displayNameMinLength(name: string): number {
  return /^[\p{Lo}\s·•]+$/u.test(name.trim()) ? 2 : 3;
}

/**
 * Checks a new password against the policy and returns every problem found (empty when acceptable).
 * Messages are Chinese and name no part of the password.
 */
export function checkPassword(password: string, context: PasswordContext): PasswordProblem[] {
  const minLength = Math.max(PASSWORD_MIN_LENGTH, context.minLength ?? PASSWORD_MIN_LENGTH);
  const tooLong = problem(
    'PASSWORD_TOO_LONG',
    `密码不能超过 ${PASSWORD_MAX_LENGTH} 个字符，请缩短后重试（长密码短语同样安全）。`,
  );
  if (password.length > RAW_LENGTH_CUTOFF) return [tooLong];

  if (CONTROL_OR_LONE_SURROGATE.test(password)) {
    return [problem('PASSWORD_INVALID_CHARACTERS', '密码不能包含控制字符或无效字符。')];
  }

  const normalised = normalisePassword(password);
  const length = codePoints(normalised);
  const problems: PasswordProblem[] = [];

  if (length > PASSWORD_MAX_LENGTH) return [tooLong];
  if (length < minLength) {
    problems.push(
      problem(
        'PASSWORD_TOO_SHORT',
        `密码长度至少 ${minLength} 位，建议使用 ${Math.max(minLength, PASSWORD_RECOMMENDED_LENGTH)} 位以上的密码或密码短语。`,
      ),
    );
  }

  const classes = Object.values(characterClasses(normalised)).filter(Boolean).length;
  if (classes < 3) {
    problems.push(
      problem('PASSWORD_TOO_SIMPLE', '密码须包含大写字母、小写字母、数字、特殊字符（含汉字）中的至少三类。'),
    );
  }

  if (isCommonPassword(normalised)) {
    problems.push(problem('PASSWORD_COMMON', '该密码过于常见，容易被猜中，请换一个不常见的密码。'));
  }

  const lower = normalised.toLowerCase();
  if (nameForms(context.username, 3).some((form) => lower.includes(form))) {
    problems.push(problem('PASSWORD_CONTAINS_USERNAME', '密码不能包含用户名（含倒序）。'));
  }
  if (context.displayName) {
    const min = displayNameMinLength(context.displayName);
    if (nameForms(context.displayName, min).some((form) => lower.includes(form))) {
      problems.push(problem('PASSWORD_CONTAINS_NAME', '密码不能包含姓名。'));
    }
  }
  return problems;
}

/** Throws the first problem as a DomainError ('invalid', field newPassword); lists all in details. */
export function assertPasswordAcceptable(password: string, context: PasswordContext): void {
  const problems = checkPassword(password, context);
  if (problems.length === 0) return;
  const [first] = problems;
  throw new DomainError('invalid', first.code, first.message, {
    field: first.field,
    details: { problems: problems.map(({ code, message }) => ({ code, message })) },
  });
}

const DAY_MS = 24 * 60 * 60 * 1000;

function checkMaxAge(maxAgeDays: number): void {
  if (!Number.isInteger(maxAgeDays) || maxAgeDays < 1 || maxAgeDays > PASSWORD_MAX_AGE_LIMIT_DAYS) {
    throw new RangeError(
      `maxAgeDays must be an integer in 1..${PASSWORD_MAX_AGE_LIMIT_DAYS} (等保 定期更换)`,
    );
  }
}

/** When a password set at `changedAt` must be changed. */
export function passwordExpiresAt(changedAt: Date, maxAgeDays: number): Date {
  checkMaxAge(maxAgeDays);
  return new Date(changedAt.getTime() + maxAgeDays * DAY_MS);
}

/**
 * True when the password must be changed before anything else (SECURITY.md 2, 8): older than
 * `maxAgeDays` (1..90), or never set by the user (`changedAt` null, e.g. an initial admin secret).
 */
export function isPasswordExpired(changedAt: Date | null, now: Date, maxAgeDays: number): boolean {
  checkMaxAge(maxAgeDays);
  if (changedAt === null) return true;
  return now.getTime() >= passwordExpiresAt(changedAt, maxAgeDays).getTime();
}

/**
 * True when `password` matches one of the last PASSWORD_HISTORY_DEPTH hashes (SECURITY.md 2).
 * `recentHashes` is newest first and should include the current password's hash; older entries
 * beyond the depth are ignored. `verify` is the password hash verifier (argon2 `verify(hash, pw)`);
 * it receives the NFKC form, the same form that was hashed. Runs one verification at a time to keep
 * argon2's memory bounded, and stops at the first match.
 */
export async function isReused(
  password: string,
  recentHashes: readonly string[],
  verify: (hash: string, password: string) => Promise<boolean>,
): Promise<boolean> {
  const normalised = normalisePassword(password);
  for (const hash of recentHashes.slice(0, PASSWORD_HISTORY_DEPTH)) {
    if (await verify(hash, normalised)) return true;
  }
  return false;
}

/** The problem to report when isReused is true. */
export const passwordReusedProblem = (): PasswordProblem =>
  problem('PASSWORD_REUSED', `新密码不能与最近 ${PASSWORD_HISTORY_DEPTH} 次使用过的密码相同。`);
