/**
 * 查重 at province scale: index build time and check latency with 50,000 systems and 200,000
 * resource items (20,000 resources of 10 items), synthetic but made of the labelled set's
 * vocabulary so that posting lists are as skewed as real ones. Not a timed test.
 *
 *   node --import tsx bench/dedup/latency.ts [systems=50000] [resources=20000]
 */
import { performance } from 'node:perf_hooks';
import { DedupIndex, type IndexDoc } from '../../src/dedup/engine/search-index.ts';
import { CASES } from '../../test/fixtures/dedup/cases.ts';

const systems = Number(process.argv[2] ?? 50_000);
const resources = Number(process.argv[3] ?? 20_000);
const ITEMS_PER_RESOURCE = 10;

let seed = 20261202;
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];

const functions = [...new Set(CASES.flatMap((c) => [...c.system.items, ...c.dup.items, ...c.partial.items]))];
const stems = [...new Set(CASES.flatMap((c) => [c.system.name, c.dup.name, c.partial.name]))];
const sentences = CASES.flatMap((c) => [c.system.text, c.dup.text, c.partial.text]);
const places = [
  '城区',
  '矿区',
  '南郊区',
  '新荣区',
  '阳高县',
  '天镇县',
  '广灵县',
  '灵丘县',
  '浑源县',
  '左云县',
];
const dataItems = [
  '姓名',
  '公民身份号码',
  '性别',
  '出生日期',
  '民族',
  '户籍地址',
  '联系电话',
  '统一社会信用代码',
  '企业名称',
  '法定代表人',
  '注册资本',
  '成立日期',
  '经营范围',
  '登记机关',
  '车牌号码',
  '车辆类型',
  '道路运输证号',
  '从业资格证号',
  '学校名称',
  '学籍号',
  '入学年份',
  '病历号',
  '诊断结果',
  '就诊日期',
  '养老金金额',
  '发放月份',
  '不动产单元号',
  '权利人',
  '坐落',
  '面积',
  '用途',
  '监测点位',
  '监测时间',
  '监测值',
  '许可证编号',
  '有效期',
];
const jurisdictions = Array.from({ length: 12 }, (_, i) => `j${i}`);

function* docs(): Generator<IndexDoc> {
  for (let i = 0; i < systems; i++) {
    yield {
      kind: 'system',
      id: `s${i}`,
      jurisdictionId: pick(jurisdictions),
      name: `${pick(places)}${pick(stems)}`,
      text: `${pick(sentences)}${pick(sentences)}`,
      items: Array.from({ length: 4 + Math.floor(random() * 5) }, () => pick(functions)),
    };
  }
  for (let i = 0; i < resources; i++) {
    yield {
      kind: 'resource',
      id: `r${i}`,
      jurisdictionId: pick(jurisdictions),
      name: `${pick(stems).replace(/系统|平台/g, '')}信息`,
      text: pick(sentences),
      items: Array.from({ length: ITEMS_PER_RESOURCE }, () => pick(dataItems)),
    };
  }
}

const all = [...docs()];
const index = new DedupIndex();
const memory = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
const before = memory();
const t0 = performance.now();
const c0 = process.cpuUsage();
index.rebuild(all);
const buildMs = performance.now() - t0;
const buildCpu = process.cpuUsage(c0);
const heapMb = (memory() - before) / 1024 / 1024;

const queries = CASES.flatMap((c) => [c.dup, c.partial]);
const scope = new Set(jurisdictions.slice(0, 3));
const times: number[] = [];
const c1 = process.cpuUsage();
for (let round = 0; round < 3; round++) {
  for (const q of queries) {
    const start = performance.now();
    index.search(q, { filter: (d) => scope.has(d.jurisdictionId) });
    times.push(performance.now() - start);
  }
}
const checkCpu = process.cpuUsage(c1);
const cpuPerCheckMs = (checkCpu.user + checkCpu.system) / 1000 / times.length;
times.sort((a, b) => a - b);
const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(1);

const t1 = performance.now();
for (let i = 0; i < 1000; i++) index.upsert({ ...all[i], name: `${all[i].name}二期` });
const upsertMs = (performance.now() - t1) / 1000;

console.log(
  [
    `| documents | systems | resource items | build wall (s) | build CPU (s) | memory (MB) | check p50 wall (ms) | p90 (ms) | max (ms) | CPU per check (ms) | upsert (ms) |`,
    '|---|---|---|---|---|---|---|---|---|---|---|',
    `| ${index.size} | ${systems} | ${resources * ITEMS_PER_RESOURCE} | ${(buildMs / 1000).toFixed(1)} | ${((buildCpu.user + buildCpu.system) / 1e6).toFixed(1)} | ${heapMb.toFixed(0)} | ${at(0.5)} | ${at(0.9)} | ${at(1 - 1e-9)} | ${cpuPerCheckMs.toFixed(1)} | ${upsertMs.toFixed(2)} |`,
  ].join('\n'),
);
