/** The real server process: first start, the data-folder lock, configuration errors. */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { freePort, type ServerProcess, spawnServer, startServer } from './server-process.ts';

describe('server process', () => {
  let server: ServerProcess;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server?.stop();
  });

  test('first start prints the three administrators with one-time passwords', () => {
    const out = server.output();
    for (const name of ['sysadmin', 'secadmin', 'auditadmin'])
      assert.match(out, new RegExp(`用户名 ${name}`));
    assert.match(out, /初始密码仅显示这一次/);
  });

  test('a printed initial password works once and forces a change', async () => {
    const line = server
      .output()
      .split('\n')
      .find((l) => l.includes('用户名 sysadmin'))!;
    const password = line.trim().split(/\s+/).pop()!;
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'sysadmin', password }),
    });
    assert.equal(res.status, 200);
    const body = (await res.json()) as { user: { mustChangePassword: boolean } };
    assert.equal(body.user.mustChangePassword, true);
  });

  test('a second server on the same data folder refuses with a clear message', async () => {
    const second = spawnServer({
      PORT: String(await freePort()),
      DATA_DIR: path.join(server.dir, 'data'),
      TONGCHOU_KEY_FILE: path.join(server.dir, 'keys', 'keys.json'),
    });
    const code = await second.exited;
    assert.equal(code, 1);
    assert.match(second.output(), /已被另一个进程（PID \d+）使用/);
    assert.match(second.output(), /in use by another process/);
  });

  test('a bad configuration value stops the start with one Chinese and English line', async () => {
    const bad = spawnServer({ PORT: 'abc', DATA_DIR: path.join(server.dir, 'other') });
    assert.equal(await bad.exited, 1);
    assert.match(bad.output(), /配置错误：PORT .*Invalid configuration: PORT/);
  });

  test('the login page is served for client-side routes when the UI is built', async () => {
    const res = await fetch(`${server.url}/some/client/route`);
    assert.ok(res.status === 200 || res.status === 503, `status ${res.status}`);
    if (res.status === 200) assert.match(await res.text(), /<div id="root">/);
  });
});
