/**
 * `npm start`: builds the web UI when the build is missing or older than its sources, then runs
 * the server. Building is skipped when nothing changed, so restarts are quick.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const web = path.join(root, 'web');
const built = path.join(web, 'dist', 'index.html');

function newest(target: string): number {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) {
    if (entry === 'dist' || entry === 'node_modules') continue;
    max = Math.max(max, newest(path.join(target, entry)));
  }
  return max;
}

const stale = !fs.existsSync(built) || newest(web) > fs.statSync(built).mtimeMs;
if (stale) {
  console.log('正在构建前端界面 / building the web UI …');
  const result = spawnSync(
    process.execPath,
    [
      path.join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'web/vite.config.ts',
      '--logLevel',
      'warn',
    ],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) {
    console.error('前端构建失败 / web build failed');
    process.exit(result.status ?? 1);
  }
}
await import('../src/server.ts');
