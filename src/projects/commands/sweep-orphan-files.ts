/**
 * Orphaned attachment files (issue 9 item 14): an upload writes its encrypted file before the
 * transaction that records it commits; a crash between the two (kill -9) leaves a file no row
 * references, or a `.partial` file. The sweep removes files that no project_materials row names and
 * that are older than a grace period (so a file whose transaction is still running is left alone),
 * and records what it removed in one audit row. It runs at start and every six hours.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { inArray } from 'drizzle-orm';
import { type CommandDeps, runCommand, SYSTEM_CONTEXT } from '../../platform/command.ts';
import { isSafeStorageName } from '../../platform/files/inspect.ts';
import { projectMaterials } from '../tables.ts';

/** Files younger than this are never swept: their upload may still be committing. */
export const SWEEP_GRACE_MS = 60 * 60_000;

export async function sweepOrphanFiles(
  deps: CommandDeps,
  folder: string,
  graceMs = SWEEP_GRACE_MS,
): Promise<{ removed: string[] }> {
  const now = deps.clock.now().getTime();
  const candidates: { name: string; file: string }[] = [];
  let shards: string[];
  try {
    shards = await fs.readdir(folder);
  } catch {
    return { removed: [] }; // no uploads yet
  }
  for (const shard of shards) {
    if (!/^[0-9a-z]{2}$/i.test(shard)) continue;
    for (const name of await fs.readdir(path.join(folder, shard)).catch(() => [] as string[])) {
      const file = path.join(folder, shard, name);
      const stat = await fs.stat(file).catch(() => null);
      if (!stat?.isFile() || now - stat.mtimeMs < graceMs) continue;
      candidates.push({ name, file });
    }
  }
  if (candidates.length === 0) return { removed: [] };
  const names = candidates.map((c) => c.name).filter(isSafeStorageName);
  const referenced = new Set<string>();
  for (let i = 0; i < names.length; i += 500) {
    const rows = await deps.db
      .select({ name: projectMaterials.storageName })
      .from(projectMaterials)
      .where(inArray(projectMaterials.storageName, names.slice(i, i + 500)));
    for (const r of rows) referenced.add(r.name);
  }
  const orphans = candidates.filter((c) => !referenced.has(c.name));
  if (orphans.length === 0) return { removed: [] };
  // Audited first: if the audit write fails nothing is removed.
  await runCommand(
    deps,
    SYSTEM_CONTEXT,
    {
      action: 'file.orphan_sweep',
      objectType: 'files',
      details: { count: orphans.length, files: orphans.slice(0, 100).map((o) => o.name) },
    },
    async () => undefined,
  );
  for (const o of orphans) await fs.rm(o.file, { force: true });
  return { removed: orphans.map((o) => o.name) };
}
