/**
 * The audit chain's anchor (issue 9 item 4): the HMAC-SM3 chain proves that no row in the middle
 * was changed, inserted or deleted, but not that the newest rows are still there — whoever deletes
 * the last rows leaves a shorter chain that still verifies. The anchor is a signed checkpoint of
 * (last id, last hash, row count) kept outside the database, in the audit archive folder
 * (AUDIT_ARCHIVE_DIR), signed with the keyring's SM2 key:
 *
 *   audit-checkpoint.json   { format, version, lastId, lastHash, count, at, signature }
 *
 * The app writes it at start and, debounced, after requests (at most once a second), so a deletion
 * of committed rows is detected unless it happens within that second. It never moves backwards and
 * never overwrites a checkpoint the database no longer matches: that checkpoint is the evidence.
 * The verifier (`npm run audit:verify`, GET /api/audit/verify) checks the table against it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { and, count, desc, eq, gt, lte } from 'drizzle-orm';
import { auditEvents } from '../platform/audit-log/tables.ts';
import type { Keyring } from '../platform/crypto/keyring.ts';
import { type ContentSignature, signContent, verifyContent } from '../platform/crypto/sm2.ts';
import type { Queryable } from '../platform/db/client.ts';

export const CHECKPOINT_FILE = 'audit-checkpoint.json';
const FORMAT = 'tongchou-audit-checkpoint';

export interface AuditCheckpoint {
  format: typeof FORMAT;
  version: 1;
  lastId: number;
  lastHash: string;
  /** Rows with id ≤ lastId. */
  count: number;
  at: string;
}

export type AnchorState =
  | { status: 'missing' }
  | { status: 'bad_signature' }
  | { status: 'ok'; checkpoint: AuditCheckpoint }
  /** The row the checkpoint names is gone: the newest rows were deleted. */
  | { status: 'truncated'; checkpoint: AuditCheckpoint; maxId: number }
  /** The row is there but its hash differs, or rows up to it are missing. */
  | { status: 'mismatch'; checkpoint: AuditCheckpoint; found: { hash: string | null; count: number } };

export function readCheckpoint(
  keyring: Keyring,
  dir: string,
): { checkpoint: AuditCheckpoint; signed: boolean } | null {
  const file = path.join(dir, CHECKPOINT_FILE);
  if (!fs.existsSync(file)) return null;
  try {
    const { signature, ...checkpoint } = JSON.parse(fs.readFileSync(file, 'utf8')) as AuditCheckpoint & {
      signature: ContentSignature;
    };
    const signed = checkpoint.format === FORMAT && verifyContent(keyring, checkpoint, signature);
    return { checkpoint, signed };
  } catch {
    return {
      checkpoint: { format: FORMAT, version: 1, lastId: 0, lastHash: '', count: 0, at: '' },
      signed: false,
    };
  }
}

async function rowsUpTo(q: Queryable, lastId: number, afterId = 0): Promise<number> {
  const [row] = await q
    .select({ n: count() })
    .from(auditEvents)
    .where(and(gt(auditEvents.id, afterId), lte(auditEvents.id, lastId)));
  return Number(row.n);
}

/** Compares the table with the checkpoint in `dir`. */
export async function checkAnchor(q: Queryable, keyring: Keyring, dir: string): Promise<AnchorState> {
  const read = readCheckpoint(keyring, dir);
  if (!read) return { status: 'missing' };
  if (!read.signed) return { status: 'bad_signature' };
  const { checkpoint } = read;
  const [row] = await q
    .select({ hash: auditEvents.hash })
    .from(auditEvents)
    .where(eq(auditEvents.id, checkpoint.lastId));
  if (!row) {
    const [max] = await q
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .orderBy(desc(auditEvents.id))
      .limit(1);
    if ((max?.id ?? 0) < checkpoint.lastId) return { status: 'truncated', checkpoint, maxId: max?.id ?? 0 };
  }
  const n = await rowsUpTo(q, checkpoint.lastId);
  if (!row || row.hash !== checkpoint.lastHash || n !== checkpoint.count) {
    return { status: 'mismatch', checkpoint, found: { hash: row?.hash ?? null, count: n } };
  }
  return { status: 'ok', checkpoint };
}

function writeAtomically(file: string, content: string): void {
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, content, { mode: 0o640 });
  fs.renameSync(temp, file);
}

/**
 * Moves the checkpoint forward to the table's newest row. Returns what it did: `unchanged` when
 * there is nothing newer, `refused` when the table no longer matches the stored checkpoint (it is
 * kept as evidence for the verifier).
 */
export async function advanceCheckpoint(
  q: Queryable,
  keyring: Keyring,
  dir: string,
  now: Date,
): Promise<'written' | 'unchanged' | 'refused'> {
  const [head] = await q
    .select({ id: auditEvents.id, hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.id))
    .limit(1);
  if (!head) return 'unchanged';
  const state = await checkAnchor(q, keyring, dir);
  let total: number;
  if (state.status === 'ok') {
    if (state.checkpoint.lastId >= head.id) return 'unchanged';
    total = state.checkpoint.count + (await rowsUpTo(q, head.id, state.checkpoint.lastId));
  } else if (state.status === 'missing') {
    total = await rowsUpTo(q, head.id);
  } else {
    return 'refused';
  }
  const checkpoint: AuditCheckpoint = {
    format: FORMAT,
    version: 1,
    lastId: head.id,
    lastHash: head.hash,
    count: total,
    at: now.toISOString(),
  };
  fs.mkdirSync(dir, { recursive: true, mode: 0o750 });
  const signed = { ...checkpoint, signature: signContent(keyring, checkpoint) };
  writeAtomically(path.join(dir, CHECKPOINT_FILE), `${JSON.stringify(signed, null, 2)}\n`);
  return 'written';
}

/**
 * Keeps the checkpoint current while the app runs: `touch()` after each request schedules one
 * advance within `delayMs`; `flush()` runs it now (start, shutdown).
 */
export function checkpointWriter(
  q: Queryable,
  keyring: Keyring,
  dir: string,
  now: () => Date,
  onError: (err: unknown, result?: string) => void,
  delayMs = 1000,
) {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = running
      .then(() => advanceCheckpoint(q, keyring, dir, now()))
      .then(
        (result) => {
          if (result === 'refused') onError(new Error('audit table does not match its checkpoint'), result);
        },
        (err: unknown) => onError(err),
      );
    return running;
  };
  return {
    touch() {
      if (timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        void run();
      }, delayMs);
      timer.unref();
    },
    async flush() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      await run();
    },
  };
}
