/**
 * `npm run audit:verify`: recomputes the audit trail's HMAC-SM3 chain and reports the first broken
 * row. Exit code 0 when the chain verifies, 2 when it is broken, 1 on any other error.
 */
import { verifyAuditChain } from '../src/audit/index.ts';
import { loadConfig } from '../src/config.ts';
import { loadKeyring } from '../src/platform/crypto/key-file.ts';
import { openDatabase } from '../src/runtime.ts';

try {
  const config = loadConfig();
  const keyring = loadKeyring(config);
  const database = await openDatabase(config);
  const report = await verifyAuditChain(database.db, keyring.auditKey, {
    anchor: { keyring, dir: config.auditArchiveDir },
  });
  await database.close();
  const anchor = report.anchor?.status ?? 'missing';
  if (anchor === 'missing') {
    console.log(
      `警告：${config.auditArchiveDir} 中没有审计检查点，无法发现末尾记录被删除 / no audit checkpoint: deletion of the newest rows cannot be detected`,
    );
  }
  if (report.ok) {
    console.log(`审计链校验通过：共 ${report.count} 条记录 / audit chain verified: ${report.count} rows`);
  } else if (!report.firstBroken && report.gaps.length > 0) {
    const g = report.gaps[0];
    console.log(
      `审计记录编号不连续：缺少 id=${g.missingFrom}…${g.missingTo}（记录被删除），共 ${report.gaps.length} 处 / audit ids missing ${g.missingFrom}-${g.missingTo}`,
    );
    process.exitCode = 2;
  } else if (!report.firstBroken) {
    const r = report.anchor;
    const detail =
      r?.status === 'truncated' ? `检查点记录到 id=${r.checkpoint.lastId}，表中最大 id=${r.maxId}` : anchor;
    console.log(
      `审计表与签名检查点不符（末尾记录被删除或检查点被篡改）：${detail} / audit table does not match its checkpoint: ${anchor}`,
    );
    process.exitCode = 2;
  } else {
    const first = report.firstBroken!;
    console.log(
      `审计链被破坏：第一条异常记录 id=${first.id}（${first.reason === 'hash_mismatch' ? '内容被篡改' : '前序哈希不连续（记录被删除或插入）'}），共 ${report.breaks.length} 处异常 / audit chain BROKEN at id=${first.id} (${first.reason})`,
    );
    process.exitCode = 2;
  }
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
}
