/** The thin shell: read configuration, open storage and keys, build the app, listen, close cleanly. */
import { buildApp } from './app.ts';
import { ensureInstalled } from './bootstrap.ts';
import { ConfigError, loadConfig } from './config.ts';
import { systemClock } from './platform/clock.ts';
import { DataDirLockedError } from './platform/db/lock.ts';
import { openDatabase, openKeyring } from './runtime.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const { keyring, created } = openKeyring(config);
  if (created)
    console.log(`已生成密钥文件 / key file created: ${config.keyFile}（请妥善备份，勿放入数据目录）`);
  const database = await openDatabase(config);
  const app = await buildApp({ config, database, keyring, clock: systemClock, jobs: true });
  const credentials = await ensureInstalled(
    { db: database.db, clock: systemClock, auditKey: keyring.auditKey },
    { demo: config.demo },
  );
  if (credentials.length > 0) {
    // Printed once, to the console only (never to the log): each must be changed at first login.
    console.log('\n首次启动：已创建三员管理员账户，初始密码仅显示这一次，首次登录须修改：');
    for (const c of credentials)
      console.log(`  ${c.role.padEnd(12)} 用户名 ${c.username.padEnd(12)} 初始密码 ${c.password}`);
    console.log('');
  }
  let closing = false;
  const close = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void close('SIGINT'));
  process.on('SIGTERM', () => void close('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  console.log(
    `统筹已启动 / Tongchou is running: http://${config.host}:${config.port}  (API 文档 /api/docs${config.demo ? '，演示模式' : ''})`,
  );
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof DataDirLockedError) {
    console.error(err.message);
  } else if (err instanceof Error && err.name === 'CryptoError') {
    console.error(err.message);
  } else {
    console.error('启动失败 / start failed:', err);
  }
  process.exit(1);
});
