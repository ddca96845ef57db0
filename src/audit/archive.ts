/**
 * Retention and archiving of the audit trail (SECURITY.md 23; 网络安全法 第二十一条: at least six
 * months). Rows older than AUDIT_RETENTION_DAYS (≥ 180) are copied, in id order and continuing from
 * the last archive, to a signed archive:
 *
 *   audit-<firstId>-<lastId>.jsonl           one row per line, every chained field plus prevHash/hash
 *   audit-<firstId>-<lastId>.jsonl.sm3       "<SM3 of the file>  <file name>" (like sha256sum)
 *   audit-<firstId>-<lastId>.manifest.json   rows, id and time range, the chain anchor (the prev_hash
 *                                            of the first row and the hash of the last), the file's
 *                                            SM3, signed with the keyring's SM2 key
 *
 * The segment is verified against the chain before it is written, and the anchor is kept in
 * app_meta so the next archive continues the chain. Nothing is deleted: the application has no way
 * to delete audit rows (the table refuses it). Deleting archived rows is an operator's step, done
 * outside the app after the archive is verified and stored (docs/security.md).
 *
 * This file: the archive's format and `verifyAuditArchive`, the check of an archive on its own;
 * `commands/archive.ts` writes one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type ChainedFields, verifyChain } from '../platform/audit-log/chain.ts';
import type { Keyring } from '../platform/crypto/keyring.ts';
import { type ContentSignature, verifyContent } from '../platform/crypto/sm2.ts';
import { sm3Hex } from '../platform/crypto/sm3.ts';

export const ARCHIVE_FORMAT = 'tongchou-audit-archive';
/** The app_meta key of the archive state (the last archived id and hash). */
export const STATE_KEY = 'audit_archive';

export interface ArchiveState {
  lastId: number;
  lastHash: string;
}

export interface ArchiveManifest {
  format: typeof ARCHIVE_FORMAT;
  version: 1;
  file: string;
  rows: number;
  firstId: number;
  lastId: number;
  firstAt: string;
  lastAt: string;
  /** prev_hash of the first row: the hash of the last row of the previous archive (or genesis). */
  anchorPrevHash: string;
  lastHash: string;
  sm3: string;
  retentionDays: number;
  cutoff: string;
  createdAt: string;
}

export interface SignedManifest extends ArchiveManifest {
  signature: ContentSignature;
}

type ArchivedRow = Omit<ChainedFields, 'at'> & { at: string; prevHash: string; hash: string };

export function rowLine(row: ChainedFields & { prevHash: string; hash: string }): string {
  const line: ArchivedRow = { ...row, at: row.at.toISOString() };
  return JSON.stringify(line);
}

export class ArchiveError extends Error {
  constructor(
    readonly code: 'CHAIN_BROKEN' | 'RETENTION_TOO_SHORT',
    message: string,
  ) {
    super(message);
    this.name = 'ArchiveError';
  }
}

export interface ArchiveCheck {
  ok: boolean;
  problems: string[];
}

/**
 * Checks an archive on its own: the manifest's SM2 signature, the file's SM3, the row count, and the
 * HMAC-SM3 chain of the rows from the manifest's anchor.
 */
export function verifyAuditArchive(
  keyring: Keyring,
  auditKey: Buffer,
  dir: string,
  manifestFile: string,
): ArchiveCheck {
  const problems: string[] = [];
  const signed = JSON.parse(fs.readFileSync(path.join(dir, manifestFile), 'utf8')) as SignedManifest;
  const { signature, ...manifest } = signed;
  if (!verifyContent(keyring, manifest, signature)) problems.push('manifest signature does not verify');
  const content = fs.readFileSync(path.join(dir, path.basename(manifest.file)));
  if (sm3Hex(content) !== manifest.sm3) problems.push('file SM3 does not match the manifest');
  const lines = content.toString('utf8').split('\n').filter(Boolean);
  if (lines.length !== manifest.rows) problems.push(`expected ${manifest.rows} rows, found ${lines.length}`);
  const rows = lines.map((line) => {
    const r = JSON.parse(line) as ArchivedRow;
    return { ...r, at: new Date(r.at) };
  });
  const chain = verifyChain(auditKey, rows, manifest.anchorPrevHash);
  if (chain.breaks.length > 0) problems.push(`chain broken at id=${chain.breaks[0].id}`);
  if (chain.last !== manifest.lastHash) problems.push('last hash does not match the manifest');
  return { ok: problems.length === 0, problems };
}
