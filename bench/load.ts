/** The bounded load generator and /proc readings of bench/run.ts. */

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';

const MAX_REQUESTS = 1_000_000;
const CLK_TCK = Number(spawnSync('getconf', ['CLK_TCK']).stdout.toString().trim() || 100);

/** CPU seconds (user + system) of a process, 0 when it is gone. */
export function cpuOf(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
  } catch {
    return 0;
  }
}

export function rssMiB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : 0;
}

export interface Session {
  cookie: string;
  csrf: string;
}

export interface Op {
  name: string;
  method: 'GET' | 'POST';
  path: () => string;
  body?: () => string;
}

export interface Result {
  op: string;
  clients: number;
  seconds: number;
  requests: number;
  errors: number;
  rps: number;
  p50: number;
  p99: number;
  appCpuMs: number;
  dbCpuMs: number;
  cpuMsPerRequest: number;
  rssMiB: number;
}

/** `clients` keep-alive loops for `seconds`, bounded by MAX_REQUESTS. Latencies in ms. */
export async function load(url: string, session: Session, op: Op, clients: number, seconds: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const target = new URL(url);
  const latencies: number[] = [];
  let errors = 0;
  let sent = 0;
  const end = performance.now() + seconds * 1000;
  const one = () =>
    new Promise<void>((resolve) => {
      const body = op.body?.();
      const started = performance.now();
      const req = http.request(
        {
          host: target.hostname,
          port: target.port,
          method: op.method,
          path: op.path(),
          agent,
          headers: {
            cookie: session.cookie,
            ...(op.method === 'GET' ? {} : { 'x-csrf-token': session.csrf }),
            ...(body
              ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }
              : {}),
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            if ((res.statusCode ?? 500) >= 400) errors++;
            latencies.push(performance.now() - started);
            resolve();
          });
        },
      );
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end(body);
    });
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end && sent < MAX_REQUESTS) {
        sent++;
        await one();
      }
    }),
  );
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { requests: latencies.length, errors, p50: at(0.5), p99: at(0.99) };
}
