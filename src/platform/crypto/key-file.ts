/**
 * Key files and the start-up entry point of the keyring (密评 8.4j): a key file lives outside the data
 * directory with owner-only permissions, is written atomically (0600 temp file, fsync, rename or
 * link) and rotated in place; `loadKeyring` reads TONGCHOU_KEYS or the key file. The key material
 * and its format are keyring.ts's.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fchmodSync,
  fstatSync,
  fsyncSync,
  linkSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { CryptoError } from './errors.ts';
import {
  generateKeyFileContent,
  invalidKeyring,
  KEY_FILE_ENV,
  KEYRING_ENV,
  type KeyGenOptions,
  Keyring,
  rotate,
} from './keyring.ts';

/** Real path of `p`, resolving symlinks of the longest existing prefix (the rest may not exist yet). */
function realPathAllowMissing(p: string): string {
  try {
    return realpathSync.native(p); // kernel semantics for `..` after a symlink
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
  }
  const missing: string[] = [];
  let current = resolve(p);
  for (;;) {
    try {
      return join(realpathSync.native(current), ...missing.reverse());
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
      const parent = dirname(current);
      if (parent === current) return resolve(p);
      missing.push(basename(current));
      current = parent;
    }
  }
}

/**
 * Throws KEY_FILE_INSIDE_DATA_DIR when the key file (after resolving symlinks) is the data
 * directory or lies anywhere inside it — a database or backup copy must not carry its own keys.
 */
export function assertKeyFileOutside(dataDir: string, keyFile: string): void {
  const fold = process.platform === 'win32' || process.platform === 'darwin';
  const norm = (p: string) => (fold ? p.toLowerCase() : p);
  const dataReal = norm(realPathAllowMissing(dataDir));
  const keyReal = norm(realPathAllowMissing(keyFile));
  const rel = relative(dataReal, keyReal);
  const inside = rel === '' || !(rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel));
  if (inside) {
    throw new CryptoError(
      'KEY_FILE_INSIDE_DATA_DIR',
      `密钥文件不得位于数据目录内（${keyReal} 位于 ${dataReal} 之内）/ ` +
        `key file must be outside the data directory (${keyReal} is inside ${dataReal})`,
    );
  }
}

function assertModeOwnerOnly(mode: number, path: string): void {
  if (process.platform === 'win32') return; // POSIX permission bits do not apply
  if ((mode & 0o077) !== 0) {
    throw new CryptoError(
      'KEY_FILE_PERMISSIONS',
      `密钥文件权限过宽（${(mode & 0o777).toString(8)}），须为 600：chmod 600 ${path} / ` +
        `key file is readable or writable by group/other (mode ${(mode & 0o777).toString(8)}); run chmod 600`,
    );
  }
}

/** Throws KEY_FILE_PERMISSIONS if a POSIX key file grants any permission to group or other. */
export function assertKeyFilePermissions(path: string): void {
  const fd = openSync(path, 'r');
  try {
    assertModeOwnerOnly(fstatSync(fd).mode, path);
  } finally {
    closeSync(fd);
  }
}

export interface KeyFileOptions {
  /** The application's data directory; the key file must lie outside it. */
  dataDir: string;
}

/** Loads a key file: outside the data directory, mode 0600 (POSIX), valid content. */
export function loadKeyFile(path: string, { dataDir }: KeyFileOptions): Keyring {
  assertKeyFileOutside(dataDir, path);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw missing(
      `密钥文件不存在：${path}（可用 generateKeyFile 生成）/ key file not found: ${path} (create it with generateKeyFile)`,
    );
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw invalidKeyring('密钥文件不是普通文件 / key file is not a regular file');
    assertModeOwnerOnly(stat.mode, path);
    return Keyring.parse(readFileSync(fd, 'utf8'));
  } finally {
    closeSync(fd);
  }
}

/** TONGCHOU_KEYS value: key file JSON, or that JSON base64/base64url-encoded. */
export function keyringFromEnvValue(value: string): Keyring {
  const trimmed = value.trim();
  if (trimmed.startsWith('{')) return Keyring.parse(trimmed);
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) {
    throw invalidKeyring(`${KEYRING_ENV} 须为 JSON 或 base64 JSON / must be JSON or base64 JSON`);
  }
  // Node's base64 decoder accepts both the standard and the URL-safe alphabet.
  return Keyring.parse(Buffer.from(trimmed, 'base64').toString('utf8'));
}

/** Fits src/config.ts's Config, so `loadKeyring(config)` works. */
export interface LoadKeyringOptions extends KeyFileOptions {
  /** Key file path (config: TONGCHOU_KEY_FILE or its default). */
  keyFile?: string;
  /** Value of TONGCHOU_KEYS, if set (config: keysFromEnv). Wins over the key file. */
  keysFromEnv?: string;
}

/**
 * The start-up entry point: keys from TONGCHOU_KEYS if given, otherwise from the key file. Reads no
 * environment itself (src/config.ts does). Throws CryptoError; a missing key file is KEYRING_MISSING.
 */
export function loadKeyring({ dataDir, keyFile, keysFromEnv }: LoadKeyringOptions): Keyring {
  if (keysFromEnv?.trim()) return keyringFromEnvValue(keysFromEnv);
  if (keyFile) return loadKeyFile(keyFile, { dataDir });
  throw missing(`设置 ${KEYRING_ENV} 或 ${KEY_FILE_ENV} / set ${KEYRING_ENV} or ${KEY_FILE_ENV}`);
}

function missing(detail: string): CryptoError {
  return new CryptoError('KEYRING_MISSING', `未配置密钥 / no keys configured: ${detail}`);
}

/** Writes `text` to a 0600 temp file next to `path` and fsyncs it; returns the temp path. */
function writeTempOwnerOnly(path: string, text: string): string {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    fchmodSync(fd, 0o600); // independent of the umask
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return tmp;
}

function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Creates a new key file (mode 0600) with one fresh key version and returns its keyring. Refuses
 * to overwrite an existing file (KEY_FILE_EXISTS); with `dataDir`, refuses a path inside it.
 */
export function generateKeyFile(
  path: string,
  options: Partial<KeyFileOptions> & KeyGenOptions = {},
): Keyring {
  if (options.dataDir !== undefined) assertKeyFileOutside(options.dataDir, path);
  const text = generateKeyFileContent(options);
  const tmp = writeTempOwnerOnly(path, text);
  try {
    linkSync(tmp, path); // atomic create-if-absent
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new CryptoError('KEY_FILE_EXISTS', `密钥文件已存在，拒绝覆盖 / key file already exists: ${path}`);
    }
    throw error;
  } finally {
    unlinkSync(tmp);
  }
  fsyncDir(dirname(path));
  return Keyring.parse(text);
}

/** Rotates a key file in place (atomic replace, mode 0600) and returns the new keyring. */
export function rotateKeyFile(path: string, options: KeyFileOptions & KeyGenOptions): Keyring {
  const text = rotate(loadKeyFile(path, options), options);
  const tmp = writeTempOwnerOnly(path, text);
  try {
    renameSync(tmp, path);
  } catch (error) {
    unlinkSync(tmp);
    throw error;
  }
  fsyncDir(dirname(path));
  return Keyring.parse(text);
}
