/** The bounded load generator and /proc readings of bench/run.ts (used for Tongchou and for the Redmine peer alike). */

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

/** The direct children of a process (Puma's workers), from /proc. */
export function childrenOf(pid: number): number[] {
  try {
    return fs
      .readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

export function rssMiB(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}

/** How a client authenticates: headers on every request, and extra ones on writes (CSRF). */
export interface Session {
  headers: Record<string, string>;
  writeHeaders: Record<string, string>;
}

export interface Request {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  body?: string;
  /** Opaque to the load client: handed back to `Op.after`. */
  tag?: string;
}

export interface Op {
  name: string;
  /** The next request of client number `client` (0-based). */
  next: (client: number) => Request;
  /** Called when a period starts, with its number of clients. */
  start?: (clients: number) => void;
  /** Told every answer (stateful operations such as decide/withdraw pairs advance here). */
  after?: (client: number, request: Request, status: number) => void;
  /** Called after every period, outside the measurement (puts stateful data back). */
  settle?: () => Promise<void>;
}

export interface Result {
  op: string;
  clients: number;
  run: number;
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
  load1: number;
}

/** `clients` keep-alive loops for `seconds`, bounded by MAX_REQUESTS. Latencies in ms; status ≥ 400 counts as an error. */
export async function load(url: string, session: Session, op: Op, clients: number, seconds: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const target = new URL(url);
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let errors = 0;
  let sent = 0;
  op.start?.(clients);
  const end = performance.now() + seconds * 1000;
  const one = (client: number) =>
    new Promise<void>((resolve) => {
      const request = op.next(client);
      const { body } = request;
      const started = performance.now();
      const req = http.request(
        {
          host: target.hostname,
          port: target.port,
          method: request.method,
          path: request.path,
          agent,
          timeout: 60_000,
          headers: {
            ...session.headers,
            ...(request.method === 'GET' ? {} : session.writeHeaders),
            ...(body !== undefined
              ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }
              : {}),
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            const status = res.statusCode ?? 500;
            statuses.set(status, (statuses.get(status) ?? 0) + 1);
            if (status >= 400) errors++;
            latencies.push(performance.now() - started);
            op.after?.(client, request, status);
            resolve();
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', () => {
        errors++;
        op.after?.(client, request, 0);
        resolve();
      });
      req.end(body);
    });
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      while (performance.now() < end && sent < MAX_REQUESTS) {
        sent++;
        await one(client);
      }
    }),
  );
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return {
    requests: latencies.length,
    errors,
    statuses: Object.fromEntries(statuses),
    p50: at(0.5),
    p99: at(0.99),
  };
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return 0;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
