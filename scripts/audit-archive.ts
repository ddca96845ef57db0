/**
 * `node --import tsx scripts/audit-archive.ts [dir]`: copies audit rows older than
 * AUDIT_RETENTION_DAYS (≥ 180) to a signed archive in AUDIT_ARCHIVE_DIR (or `dir`) and verifies it.
 * Deletes nothing (docs/security.md: deleting archived rows is a separate operator step).
 * Exit code 0 when archived or nothing to do, 2 when the chain is broken, 1 on any other error.
 */
import { ArchiveError, archiveAuditEvents, verifyAuditArchive } from '../src/audit/index.ts';
import { loadConfig } from '../src/config.ts';
import { systemClock } from '../src/platform/clock.ts';
import { loadKeyring } from '../src/platform/crypto/key-file.ts';
import { openDatabase } from '../src/runtime.ts';

try {
  const config = loadConfig();
  const keyring = loadKeyring(config);
  const dir = process.argv[2] ?? config.auditArchiveDir;
  const database = await openDatabase(config);
  try {
    const manifest = await archiveAuditEvents(
      { db: database.db, clock: systemClock, auditKey: keyring.auditKey },
      keyring,
      { retentionDays: config.auditRetentionDays, dir },
    );
    if (!manifest) {
      console.log(`没有超过保存期（${config.auditRetentionDays} 天）的未归档审计记录 / nothing to archive`);
    } else {
      const check = verifyAuditArchive(
        keyring,
        keyring.auditKey,
        dir,
        manifest.file.replace(/\.jsonl$/, '.manifest.json'),
      );
      if (!check.ok) throw new Error(`归档校验失败 / archive check failed: ${check.problems.join('; ')}`);
      console.log(
        `已归档 ${manifest.rows} 条审计记录（id ${manifest.firstId}–${manifest.lastId}）到 ${dir}/${manifest.file}，SM3 ${manifest.sm3}；数据库中的记录未删除 / archived, nothing deleted`,
      );
    }
  } finally {
    await database.close();
  }
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = err instanceof ArchiveError && err.code === 'CHAIN_BROKEN' ? 2 : 1;
}
