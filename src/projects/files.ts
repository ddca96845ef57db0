/**
 * Attachment storage (SECURITY.md 27, 30): files live under one folder with server-generated names
 * (safeStorageName), encrypted with SM4 (encryptBlob) and bound to their name as associated data,
 * so a file swapped for another one does not decrypt. The table keeps SHA-256 and SM3 of the plain
 * bytes, the size, the original name and the detected kind.
 *
 * With several app servers on one PostgreSQL database the folder must be shared storage (NFS or an
 * object-store mount): see docs/ARCHITECTURE.md.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Keyring } from '../platform/crypto/keyring.ts';
import { sm3Hex } from '../platform/crypto/sm3.ts';
import { decryptBlob, encryptBlob } from '../platform/crypto/sm4.ts';
import { DomainError } from '../platform/errors.ts';
import { type FileKind, isSafeStorageName, safeStorageName } from '../platform/files/inspect.ts';

export interface FileStore {
  /** Encrypts and writes; returns the storage name and the hashes of the plain bytes. */
  put(data: Buffer, kind: FileKind): Promise<{ storageName: string; sha256: string; sm3: string }>;
  get(storageName: string): Promise<Buffer>;
  /** Removes a file written by a transaction that then failed. */
  discard(storageName: string): Promise<void>;
}

const aad = (storageName: string) => `tongchou-file:${storageName}`;

export function fileStore(folder: string, keyring: Keyring): FileStore {
  const full = (storageName: string) => {
    if (!isSafeStorageName(storageName)) throw new DomainError('not_found', 'FILE_NOT_FOUND', '文件不存在');
    return path.join(folder, storageName.slice(0, 2), storageName);
  };
  return {
    async put(data, kind) {
      const storageName = safeStorageName(kind);
      const target = full(storageName);
      await fs.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      const temp = `${target}.partial`;
      await fs.writeFile(temp, encryptBlob(keyring, data, aad(storageName)), { mode: 0o600, flag: 'wx' });
      await fs.rename(temp, target);
      return {
        storageName,
        sha256: createHash('sha256').update(data).digest('hex'),
        sm3: sm3Hex(data),
      };
    },
    async get(storageName) {
      let blob: Buffer;
      try {
        blob = await fs.readFile(full(storageName));
      } catch {
        throw new DomainError('not_found', 'FILE_NOT_FOUND', '文件不存在或已被移除');
      }
      return decryptBlob(keyring, blob, aad(storageName));
    },
    async discard(storageName) {
      await fs.rm(full(storageName), { force: true });
    },
  };
}
