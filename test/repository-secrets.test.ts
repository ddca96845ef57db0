/**
 * No key material in the repository or in configuration files (SECURITY.md 32; 密评 8.4j): no key
 * file, no private key and no TONGCHOU_KEYS value is tracked, and the places keys and data live are
 * ignored by git.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const ROOT = path.resolve(import.meta.dirname, '..');

function repositoryFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return out.split('\n').filter((f) => f && fs.existsSync(path.join(ROOT, f)));
}

/** Published test vectors (GB/T 32918 examples) and the probes that check redaction are not secrets. */
const ALLOWED = [/\.test\.ts$/, /^test\//];

const SECRET_PATTERNS: [string, RegExp][] = [
  ['a keyring file', /"format"\s*:\s*"tongchou-keyring"[\s\S]*"sm4"\s*:\s*"[0-9a-fA-F]{32}"/],
  ['a PEM private key', /-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----/],
  ['a TONGCHOU_KEYS value', /TONGCHOU_KEYS\s*=\s*['"]?[{A-Za-z0-9+/]{40,}/],
];

test('no key material is tracked in the repository, and key and data folders are ignored', () => {
  const files = repositoryFiles();
  assert.ok(files.length > 50);
  const found: string[] = [];
  for (const file of files) {
    if (ALLOWED.some((re) => re.test(file))) continue;
    const full = path.join(ROOT, file);
    if (fs.statSync(full).size > 2_000_000) continue;
    const text = fs.readFileSync(full, 'utf8');
    for (const [what, re] of SECRET_PATTERNS) if (re.test(text)) found.push(`${file}: ${what}`);
  }
  assert.deepEqual(found, []);
  const ignored = execFileSync(
    'git',
    ['check-ignore', '.keys/tongchou-keys.json', 'data/pg/PG_VERSION', 'audit-archive/x.jsonl'],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  assert.deepEqual(ignored.trim().split('\n'), [
    '.keys/tongchou-keys.json',
    'data/pg/PG_VERSION',
    'audit-archive/x.jsonl',
  ]);
});
