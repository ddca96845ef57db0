/**
 * Archives the audit rows past the retention period (SECURITY.md 23; 网络安全法 第二十一条): the
 * segment after the last archive, chain-verified, written as the signed files of `../archive.ts`,
 * and the new archive state saved in app_meta, audited as 'audit.archive' (run by
 * scripts/audit-archive.ts, outside the app).
 */
import fs from 'node:fs';
import path from 'node:path';
import { asc, eq, gt } from 'drizzle-orm';
import { type ChainedFields, GENESIS_HASH, verifyChain } from '../../platform/audit-log/chain.ts';
import { auditEvents } from '../../platform/audit-log/tables.ts';
import { type CommandDeps, runCommand, SYSTEM_CONTEXT } from '../../platform/command.ts';
import type { Keyring } from '../../platform/crypto/keyring.ts';
import { signContent } from '../../platform/crypto/sm2.ts';
import { sm3Hex } from '../../platform/crypto/sm3.ts';
import { appMeta } from '../../platform/db/core.ts';
import {
  ARCHIVE_FORMAT,
  ArchiveError,
  type ArchiveManifest,
  type ArchiveState,
  rowLine,
  type SignedManifest,
  STATE_KEY,
} from '../archive.ts';

const BATCH = 5000;
const DAY_MS = 86_400_000;

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
