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
 */
import fs from 'node:fs';
import path from 'node:path';
import { asc, eq, gt } from 'drizzle-orm';
import { type ChainedFields, GENESIS_HASH, verifyChain } from '../platform/audit-log/chain.ts';
import { auditEvents } from '../platform/audit-log/tables.ts';
import { type CommandDeps, runCommand, SYSTEM_CONTEXT } from '../platform/command.ts';
import type { Keyring } from '../platform/crypto/keyring.ts';
import { type ContentSignature, signContent, verifyContent } from '../platform/crypto/sm2.ts';
import { sm3Hex } from '../platform/crypto/sm3.ts';
import { appMeta } from '../platform/db/core.ts';

export const ARCHIVE_FORMAT = 'tongchou-audit-archive';
const STATE_KEY = 'audit_archive';
const BATCH = 5000;
const DAY_MS = 86_400_000;

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

function rowLine(row: ChainedFields & { prevHash: string; hash: string }): string {
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

async function readState(deps: CommandDeps): Promise<ArchiveState> {
  const [row] = await deps.db.select().from(appMeta).where(eq(appMeta.key, STATE_KEY));
  return (row?.value as ArchiveState | undefined) ?? { lastId: 0, lastHash: GENESIS_HASH };
}

function writeAtomically(file: string, content: string | Buffer): void {
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, content, { mode: 0o640 });
  fs.renameSync(temp, file);
}

/**
 * Archives every not yet archived row older than the retention period. Returns the signed manifest,
 * or null when there is nothing to archive. Refuses to archive a segment whose chain is broken.
 */
export async function archiveAuditEvents(
  deps: CommandDeps,
  keyring: Keyring,
  options: { retentionDays: number; dir: string },
): Promise<SignedManifest | null> {
  if (!Number.isInteger(options.retentionDays) || options.retentionDays < 180) {
    throw new ArchiveError(
      'RETENTION_TOO_SHORT',
      '审计日志保存期不得少于 180 天 / retention must be ≥ 180 days',
    );
  }
  const now = deps.clock.now();
  const cutoff = new Date(now.getTime() - options.retentionDays * DAY_MS);
  const state = await readState(deps);

  // The segment: consecutive ids after the last archive, up to the first row inside the retention.
  const rows: (ChainedFields & { prevHash: string; hash: string })[] = [];
  let afterId = state.lastId;
  for (;;) {
    const batch = await deps.db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.id, afterId))
      .orderBy(asc(auditEvents.id))
      .limit(BATCH);
    const stop = batch.findIndex((r) => r.at.getTime() >= cutoff.getTime());
    const old = stop < 0 ? batch : batch.slice(0, stop);
    rows.push(...old);
    if (old.length < batch.length || batch.length < BATCH) break;
    afterId = batch[batch.length - 1].id;
  }
  if (rows.length === 0) return null;

  const check = verifyChain(deps.auditKey, rows, state.lastHash);
  if (check.breaks.length > 0) {
    throw new ArchiveError(
      'CHAIN_BROKEN',
      `审计链在 id=${check.breaks[0].id} 处被破坏，拒绝归档 / audit chain broken at id=${check.breaks[0].id}; not archived`,
    );
  }

  const first = rows[0];
  const last = rows[rows.length - 1];
  const base = `audit-${first.id}-${last.id}`;
  const file = `${base}.jsonl`;
  const content = Buffer.from(`${rows.map(rowLine).join('\n')}\n`, 'utf8');
  const digest = sm3Hex(content);
  const manifest: ArchiveManifest = {
    format: ARCHIVE_FORMAT,
    version: 1,
    file,
    rows: rows.length,
    firstId: first.id,
    lastId: last.id,
    firstAt: first.at.toISOString(),
    lastAt: last.at.toISOString(),
    anchorPrevHash: first.prevHash,
    lastHash: last.hash,
    sm3: digest,
    retentionDays: options.retentionDays,
    cutoff: cutoff.toISOString(),
    createdAt: now.toISOString(),
  };
  const signed: SignedManifest = { ...manifest, signature: signContent(keyring, manifest) };

  fs.mkdirSync(options.dir, { recursive: true, mode: 0o750 });
  writeAtomically(path.join(options.dir, file), content);
  writeAtomically(path.join(options.dir, `${file}.sm3`), `${digest}  ${file}\n`);
  writeAtomically(path.join(options.dir, `${base}.manifest.json`), `${JSON.stringify(signed, null, 2)}\n`);

  await runCommand(
    deps,
    SYSTEM_CONTEXT,
    { action: 'audit.archive', objectType: 'audit_events', objectId: `${first.id}-${last.id}` },
    async (tx, audit) => {
      const next: ArchiveState = { lastId: last.id, lastHash: last.hash };
      const [existing] = await tx.select().from(appMeta).where(eq(appMeta.key, STATE_KEY)).for('update');
      if (existing) {
        await tx.update(appMeta).set({ value: next, updatedAt: now }).where(eq(appMeta.key, STATE_KEY));
      } else {
        await tx.insert(appMeta).values({ key: STATE_KEY, value: next, updatedAt: now });
      }
      audit.details = {
        file,
        rows: rows.length,
        sm3: digest,
        retentionDays: options.retentionDays,
        deleted: 0,
      };
    },
  );
  return signed;
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
