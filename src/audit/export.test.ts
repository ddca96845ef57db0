import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { beijingTime, csvCell, toCsv } from './export.ts';

describe('audit export format (pure)', () => {
  test('a CSV cell that starts like a formula is neutralised and quotes are doubled', () => {
    assert.equal(csvCell('=HYPERLINK("http://evil","x")'), `"'=HYPERLINK(""http://evil"",""x"")"`);
    assert.equal(csvCell('+1'), "'+1");
    assert.equal(csvCell('-2+3'), "'-2+3");
    assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(csvCell('登录'), '登录');
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('line\nbreak'), '"line\nbreak"');
  });

  test('times are shown in Beijing time', () => {
    assert.equal(beijingTime(new Date('2026-11-23T02:00:00Z')), '2026-11-23 10:00:00');
    assert.equal(beijingTime(new Date('2026-12-31T16:30:00Z')), '2027-01-01 00:30:00');
  });

  test('the CSV starts with a BOM and the exporter, time, filters and count', () => {
    const csv = toCsv(
      {
        exportedBy: 'auditor',
        exportedAt: new Date('2026-11-23T02:00:00Z'),
        filters: { action: 'auth.login' },
        rows: 0,
        total: 0,
      },
      [],
    ).toString('utf8');
    assert.ok(
      csv.startsWith(
        '\uFEFF统筹 · 安全审计日志导出\r\n导出人,auditor\r\n导出时间（北京时间）,2026-11-23 10:00:00\r\n',
      ),
    );
    assert.match(csv, /筛选条件,action=auth\.login\r\n记录数,0\r\n/);
  });
});
