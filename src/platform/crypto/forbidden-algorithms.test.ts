import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

/**
 * SECURITY.md 33 (密评): MD5, SHA-1, DES/3DES, RC2/RC4 and ECB are not used for security.
 * A static scan of product code (src, every .ts/.tsx except tests) for those algorithm names in
 * string literals — where createHash/createHmac/createCipheriv and their constants name them —
 * plus the two APIs that imply them: crypto.createCipher (no IV) and sm-crypto's sm4 (ECB default).
 */

const SRC = fileURLToPath(new URL('../..', import.meta.url));

const FORBIDDEN_NAME = /md[245]|sha-?1(?![0-9])|(?<![a-z])des(?![a-z])|3des|rc[24]|(?<![a-z])ecb(?![a-z])/i;
const FORBIDDEN_CALL = [
  { pattern: /\bcreate(?:De)?[cC]ipher\s*\(/, why: 'crypto.createCipher/createDecipher (no IV)' },
  {
    pattern: /\bsm4\s*\.\s*(?:en|de)crypt\s*\(/,
    why: "sm-crypto's sm4 (ECB by default); use src/platform/crypto/sm4.ts",
  },
];
const STRING_LITERAL = /(['"`])((?:\\.|(?!\1)[^\\\n])*)\1/g;

/** Drops comment lines and trailing `// ...` comments, so prose about the rule is not a finding. */
function codeOf(line: string): string {
  const trimmed = line.trim();
  if (trimmed.startsWith('//') || trimmed.startsWith('*') || trimmed.startsWith('/*')) return '';
  return line.replace(/\s\/\/\s.*$/, '');
}

function findForbidden(source: string): string[] {
  const findings: string[] = [];
  source.split('\n').forEach((raw, i) => {
    const line = codeOf(raw);
    for (const match of line.matchAll(STRING_LITERAL)) {
      if (FORBIDDEN_NAME.test(match[2])) findings.push(`${i + 1}: algorithm name in ${match[0]}`);
    }
    for (const { pattern, why } of FORBIDDEN_CALL) {
      if (pattern.test(line)) findings.push(`${i + 1}: ${why}`);
    }
  });
  return findings;
}

function productFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : productFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('no weak algorithms in product code (SECURITY.md 33)', () => {
  it('the detector flags weak algorithm names and APIs, and passes the approved ones', () => {
    const weak = [
      "createHash('md5')",
      'createHash("SHA1")',
      "createHmac('sha-1', k)",
      "createCipheriv('des-ede3-cbc', k, iv)",
      "createCipheriv('DES-CBC', k, iv)",
      "const ALG = 'rc4';",
      "createCipheriv('sm4-ecb', k, null)",
      "createCipheriv('aes-128-ecb', k, null)",
      "const mode = { name: 'ECB' };",
      "crypto.createCipher('sm4', pass)",
      'sm4.encrypt(data, key)',
      "x = 'RSA-SHA1'",
    ];
    for (const snippet of weak) assert.notDeepEqual(findForbidden(snippet), [], snippet);
    const fine = [
      "createHash('sm3')",
      "createHmac('sm3', key)",
      "createCipheriv('sm4-cbc', key, iv)",
      "createCipheriv('sm4-ctr', key, iv)",
      "createHash('sha256')",
      "const t = 'description'; const u = 'modes-list'; const v = 'sha128';",
      '// never use md5 or ECB',
      " * SM4 instead of 'des' (comment)",
      "const url = 'https://example.gov.cn'; // no md5 here",
    ];
    for (const snippet of fine) assert.deepEqual(findForbidden(snippet), [], snippet);
  });

  it('finds none in src/ (all .ts except tests)', () => {
    const files = productFiles(SRC);
    assert.ok(
      files.some((f) => f.endsWith(join('crypto', 'sm4.ts'))),
      'scan must include src/platform/crypto/sm4.ts',
    );
    const findings = files.flatMap((file) =>
      findForbidden(readFileSync(file, 'utf8')).map((f) => `${relative(SRC, file)}:${f}`),
    );
    assert.deepEqual(findings, []);
  });
});
