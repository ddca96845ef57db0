/**
 * The reports' charts are pictures in the .docx (DT-07): echarts SSR → SVG → PNG (resvg) → a docx
 * ImageRun. Opens the generated .docx as the zip it is: the PNGs are in word/media and
 * word/document.xml draws them.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderOfficialDocx } from '../platform/documents/docx-official.ts';
import type { OfficialBlock } from '../platform/documents/official.ts';
import { readZip, readZipText } from '../platform/documents/zip.ts';
import {
  departmentComparisonChart,
  renderChartPng,
  satisfactionChart,
  scoresByDimensionChart,
} from './charts.ts';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47];

test('a chart renders to a PNG with CJK labels (echarts server-side SVG → resvg)', () => {
  const png = renderChartPng(
    {
      xAxis: { type: 'category', data: ['资金使用', '满意度'] },
      yAxis: {},
      series: [{ type: 'bar', data: [80, 90] }],
    },
    300,
    200,
  );
  assert.deepEqual([...png.subarray(0, 4)], PNG_SIGNATURE);
  // IHDR: width and height at twice the size asked (print resolution).
  const view = Buffer.from(png);
  assert.equal(view.readUInt32BE(16), 600);
  assert.equal(view.readUInt32BE(20), 400);
});

test('DT-07 the department report and compilation carry their charts as images: word/media/*.png drawn by word/document.xml', async () => {
  const charts = [
    scoresByDimensionChart(
      [
        { code: 'funds', name: '资金使用' },
        { code: 'output', name: '产出与效果' },
        { code: 'unused', name: '停用报废' },
      ],
      [
        [
          { code: 'funds', score: 80 },
          { code: 'output', score: 70 },
        ],
        [{ code: 'funds', score: 90 }],
      ],
      '图：各考核指标平均得分',
    ),
    satisfactionChart([3, 5, 20, 120, 352], '图：公众问卷满意度评分分布'),
    departmentComparisonChart(
      [
        { name: '朔城区教育科技局', score: 88 },
        { name: '朔城区卫生健康局', score: 72.5 },
      ],
      '图：各部门考核得分',
    ),
  ];
  assert.ok(charts.every((c) => c !== null));
  assert.equal(satisfactionChart([0, 0, 0, 0, 0], 'none'), null, 'no answers: no chart');
  assert.equal(departmentComparisonChart([], 'none'), null);
  const bytes = await renderOfficialDocx({
    titleLines: ['朔城区教育科技局', '2026 年度政务信息化项目绩效考核报告'],
    number: '',
    blocks: [{ kind: 'heading', text: '一、考核结果' }, ...(charts as OfficialBlock[])],
    issuer: '朔城区',
    date: '2027-03-01',
    footerLines: [],
    info: { title: 't', subject: 's', keywords: 'k' },
  });
  const media = readZip(bytes).filter((e) => /^word\/media\/.+\.png$/.test(e.name));
  assert.equal(media.length, 3, 'three PNG pictures');
  for (const m of media) assert.deepEqual([...m.read().subarray(0, 4)], PNG_SIGNATURE, m.name);
  const rels = readZipText(bytes, 'word/_rels/document.xml.rels') ?? '';
  const xml = readZipText(bytes, 'word/document.xml') ?? '';
  for (const m of media) {
    const target = m.name.replace(/^word\//, '');
    const rel = new RegExp(`Id="([^"]+)"[^>]*Target="${target}"|Target="${target}"[^>]*Id="([^"]+)"`).exec(
      rels,
    );
    assert.ok(rel, `${m.name} is related to the document`);
    const id = rel[1] ?? rel[2];
    assert.match(xml, new RegExp(`r:embed="${id}"`), `${m.name} is drawn in word/document.xml`);
  }
  assert.match(xml, /图：公众问卷满意度评分分布/);
});
