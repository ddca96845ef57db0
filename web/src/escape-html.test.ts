import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { escapeHtml } from './escape-html.ts';

const WEB_SRC = import.meta.dirname;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.test.ts') ? [full] : [];
  });
}

describe('HTML escaping in the web client (issue 9 item 3)', () => {
  it('escapes markup characters', () => {
    assert.equal(
      escapeHtml('<a href="https://evil.example">x</a><style>body{display:none}</style>\'`&'),
      '&lt;a href=&quot;https://evil.example&quot;&gt;x&lt;/a&gt;&lt;style&gt;body{display:none}&lt;/style&gt;&#39;&#96;&amp;',
    );
    assert.equal(escapeHtml(null), '');
  });

  it('no component sets raw HTML, and every function formatter (echarts renders HTML) escapes', () => {
    const problems: string[] = [];
    for (const file of sourceFiles(WEB_SRC)) {
      const text = fs.readFileSync(file, 'utf8');
      const rel = path.relative(WEB_SRC, file);
      if (text.includes('dangerouslySetInnerHTML') || /\.innerHTML\s*=/.test(text))
        problems.push(`${rel}: raw HTML`);
      const functionFormatter = /formatter\s*:\s*(\([^)]*\)|[A-Za-z_]\w*)\s*=>/.test(text);
      if (functionFormatter && !text.includes('escapeHtml('))
        problems.push(`${rel}: formatter without escapeHtml`);
    }
    assert.deepEqual(problems, []);
  });
});
