/**
 * `npm run audit:verify`: recomputes the audit trail's HMAC-SM3 chain and reports the first broken
 * row. Exit code 0 when the chain verifies, 2 when it is broken, 1 on any other error.
 */
import { verifyAuditChain } from '../src/audit/verify.ts';
import { loadConfig } from '../src/config.ts';
import { loadKeyring } from '../src/crypto/keyring.ts';
import { openDatabase } from '../src/runtime.ts';

try {
  const config = loadConfig();
  const keyring = loadKeyring(config);
  const database = await openDatabase(config);
  const report = await verifyAuditChain(database.db, keyring.auditKey);
  await database.close();
  if (report.ok) {
    console.log(`审计链校验通过：共 ${report.count} 条记录 / audit chain verified: ${report.count} rows`);
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
