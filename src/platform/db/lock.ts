/**
 * One process per embedded data folder: PGlite must never be opened from two processes.
 * The lock is a file created with O_EXCL naming its owner: pid, the kernel's boot id and the
 * process's start time (Linux /proc). A lock is stale — and taken over — when its owner is gone:
 *  - the pid is not running, or
 *  - the pid is our own (a container restarted after kill -9 runs us as PID 1 again, and the lock
 *    left by the previous PID 1 names the same pid), or
 *  - the machine was rebooted since (another boot id), or
 *  - the pid now belongs to a process that started at another time (pid reuse).
 * Without /proc (not Linux) only the first two apply (issue 9 item 8).
 */
import fs from 'node:fs';
import path from 'node:path';

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `数据目录 ${dataDir} 已被另一个进程（PID ${pid}）使用，不能同时启动两个实例。` +
        ` / The data folder ${dataDir} is in use by another process (PID ${pid}); stop it first.`,
    );
    this.name = 'DataDirLockedError';
  }
}

/** Who holds a lock. `bootId` and `startTime` are null where the platform does not tell. */
export interface LockOwner {
  pid: number;
  bootId: string | null;
  startTime: string | null;
}

function readOrNull(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** The start time of a process in clock ticks since boot (field 22 of /proc/<pid>/stat), or null. */
export function processStartTime(pid: number): string | null {
  const stat = readOrNull(`/proc/${pid}/stat`);
  if (!stat) return null;
  // The command name (field 2) is in parentheses and may contain spaces: split after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields[19] ?? null; // field 22 overall = index 19 after pid and comm
}

export function currentOwner(): LockOwner {
  return {
    pid: process.pid,
    bootId: readOrNull('/proc/sys/kernel/random/boot_id')?.trim() ?? null,
    startTime: processStartTime(process.pid),
  };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Reads a lock file: the JSON owner, or an old lock holding only the pid. */
export function parseLock(text: string): LockOwner | null {
  try {
    const value = JSON.parse(text) as Partial<LockOwner> | number;
    if (typeof value === 'number')
      return Number.isInteger(value) && value > 0 ? { pid: value, bootId: null, startTime: null } : null;
    if (typeof value.pid !== 'number' || !Number.isInteger(value.pid) || value.pid <= 0) return null;
    return { pid: value.pid, bootId: value.bootId ?? null, startTime: value.startTime ?? null };
  } catch {
    return null;
  }
}

/** Whether the lock's owner still runs (pure over the facts given; tested). */
export function ownerRunning(
  owner: LockOwner,
  me: LockOwner,
  probe: { alive: (pid: number) => boolean; startTime: (pid: number) => string | null },
): boolean {
  if (owner.pid === me.pid) return false; // we hold no lock yet: it is a previous incarnation's
  if (!probe.alive(owner.pid)) return false;
  if (owner.bootId && me.bootId && owner.bootId !== me.bootId) return false;
  if (owner.startTime) {
    const now = probe.startTime(owner.pid);
    if (now !== null && now !== owner.startTime) return false;
  }
  return true;
}

export function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'tongchou.lock');
  const me = currentOwner();
  const content = JSON.stringify(me);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx', 0o600);
      fs.writeSync(fd, content);
      fs.fsyncSync(fd);
      fs.closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(file, 'utf8') === content) fs.unlinkSync(file);
        } catch {
          // already gone
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = parseLock(readOrNull(file) ?? '');
      if (owner && ownerRunning(owner, me, { alive, startTime: processStartTime })) {
        throw new DataDirLockedError(dataDir, owner.pid);
      }
      fs.rmSync(file, { force: true }); // stale lock from a process that died
    }
  }
  throw new Error(`无法锁定数据目录 / could not lock data folder ${dataDir}`);
}
