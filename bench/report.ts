/** The Markdown report of bench/run.ts: medians of the runs with the spread, Redmine beside, ratios. */
import { median, type Result } from './load.ts';

interface Summary {
  op: string;
  clients: number;
  runs: number;
  rps: number;
  rpsMin: number;
  rpsMax: number;
  p50: number;
  p99: number;
  cpuMsPerRequest: number;
  errors: number;
  rssMiB: number;
}

const r1 = (n: number) => Math.round(n * 10) / 10;

function summarise(results: Result[]): Map<string, Summary> {
  const groups = new Map<string, Result[]>();
  for (const r of results) {
    const k = `${r.op}@${r.clients}`;
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  const out = new Map<string, Summary>();
  for (const [k, rs] of groups) {
    const rps = rs.map((r) => r.rps);
    out.set(k, {
      op: rs[0].op,
      clients: rs[0].clients,
      runs: rs.length,
      rps: r1(median(rps)),
      rpsMin: Math.min(...rps),
      rpsMax: Math.max(...rps),
      p50: r1(median(rs.map((r) => r.p50))),
      p99: r1(median(rs.map((r) => r.p99))),
      cpuMsPerRequest: Math.round(median(rs.map((r) => r.cpuMsPerRequest)) * 100) / 100,
      errors: rs.reduce((s, r) => s + r.errors, 0),
      rssMiB: Math.max(...rs.map((r) => r.rssMiB)),
    });
  }
  return out;
}

const fmtRps = (s: Summary) =>
  s.runs > 1 ? `${r1(s.rps)} (${r1(s.rpsMin)}–${r1(s.rpsMax)})` : `${r1(s.rps)}`;

export interface Report {
  machine: string;
  loadBefore: number[];
  loadAfter: number[];
  seconds: number;
  warmup: number;
  runs: number;
  projects: number;
  clients: number[];
  /** Operation key (list, detail, …) → its name in the results. */
  keys: Record<string, string>;
  /** Operation key → the peer's equivalent operation key. */
  peerKeys: Record<string, string>;
  /** Peer operation key → its name in the peer's results. */
  peerOps: Record<string, string>;
  results: Result[];
  peerResults: Result[];
  start: { freshMs: number; existingMs: number } | null;
  bundles: { initialKiB: number; initial: string[]; chunks: { file: string; gzipKiB: number }[] } | null;
  peerNote: string;
}

export function printReport(r: Report): void {
  const { keys, peerKeys, peerOps, start, bundles, peerNote } = r;
  const CLIENTS = r.clients;
  const fmtLoad = (l: number[]) => l.map((x) => x.toFixed(1)).join(' ');
  const ours = summarise(r.results);
  const theirs = summarise(r.peerResults);
  console.log(
    `machine: ${r.machine}; load average before ${fmtLoad(r.loadBefore)}, after ${fmtLoad(r.loadAfter)}; ` +
      `${r.seconds} s measured after ${r.warmup} s warm-up, medians of ${r.runs} run(s); ${r.projects} projects`,
  );
  console.log(
    '| operation | clients | Tongchou req/s (min–max) | p50 ms | p99 ms | CPU ms/req | RSS MiB | errors | Redmine req/s (min–max) | p50 ms | p99 ms | CPU ms/req | errors | req/s ratio | CPU ratio |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  const targets: string[] = [];
  const check = (ok: boolean, what: string) => targets.push(`- ${ok ? 'met' : 'MISSED'}: ${what}`);
  for (const [key, name] of Object.entries(keys))
    for (const clients of CLIENTS) {
      const s = ours.get(`${name}@${clients}`);
      if (!s) continue;
      const pk = peerKeys[key];
      const p = pk ? theirs.get(`${peerOps[pk]}@${clients}`) : undefined;
      const ratio = p && p.rps > 0 ? `${r1(s.rps / p.rps)}×` : '–';
      const cpu = p && s.cpuMsPerRequest > 0 ? `1/${r1(p.cpuMsPerRequest / s.cpuMsPerRequest)}` : '–';
      console.log(
        `| ${name} | ${clients} | ${fmtRps(s)} | ${s.p50} | ${s.p99} | ${s.cpuMsPerRequest} | ${s.rssMiB} | ${s.errors} | ${
          p ? `${fmtRps(p)} | ${p.p50} | ${p.p99} | ${p.cpuMsPerRequest} | ${p.errors}` : '– | – | – | – | –'
        } | ${ratio} | ${cpu} |`,
      );
      if (p && p.rps > 0) {
        const want = key === 'list' || key === 'detail' ? 30 : 10;
        check(s.rps / p.rps >= want, `${key} at ${clients} clients ≥ ${want}× Redmine's req/s (${ratio})`);
        if (want === 30)
          check(
            s.cpuMsPerRequest * 20 <= p.cpuMsPerRequest,
            `${key} at ${clients} clients: CPU per request ≤ 1/20 of Redmine's (${cpu})`,
          );
      }
      if (clients === 10 && key !== 'ceiling')
        check(s.p99 <= 50, `${key}: p99 ≤ 50 ms at 10 clients (${s.p99} ms)`);
    }
  for (const clients of CLIENTS) {
    const ceiling = ours.get(`${keys.ceiling}@${clients}`);
    if (!ceiling) continue;
    for (const k of ['list', 'detail']) {
      const s = ours.get(`${keys[k]}@${clients}`);
      const want = k === 'list' ? 30 : 40;
      if (s) {
        const pct = Math.round((s.rps / ceiling.rps) * 100);
        console.log(`${k} at ${clients} clients: ${pct}% of the ceiling's req/s`);
        check(pct >= want, `${k} at ${clients} clients ≥ ${want}% of the ceiling (${pct}%)`);
      }
    }
  }
  if (start)
    console.log(`embedded start: fresh data folder ${start.freshMs} ms, existing ${start.existingMs} ms`);
  if (bundles) {
    console.log(`initial JS: ${bundles.initialKiB} kB gzip (${bundles.initial.join(', ')})`);
    for (const c of bundles.chunks) console.log(`  ${c.file}: ${c.gzipKiB} kB gzip`);
    check(bundles.initialKiB <= 400, `initial JS ≤ 400 kB gzip (${bundles.initialKiB} kB)`);
  } else console.log('bundle sizes: skipped (web/dist not built: npm run build:web)');
  console.log(`peer (Redmine): ${peerNote}`);
  console.log(`targets (issue 11):\n${targets.join('\n')}`);
}
