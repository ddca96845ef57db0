/**
 * The process's 查重 index, kept in step with the database. Several app processes may share one
 * database, so a command in one process cannot update the others' memory: instead, before each
 * check the store compares a fingerprint of the indexed tables (count, sum of versions, latest
 * update: four aggregate statements); when it changed, it reads the rows changed since its
 * watermark (minus a margin for transactions that committed late) and upserts or removes exactly
 * those whose version changed, or reads everything when none did. A full rebuild also runs on
 * first use and every `rebuildEveryMs`.
 *
 * Indexed: catalog systems that are not retired (name, purpose, 功能清单); submitted projects (name,
 * summary, the systems they build); resources not withdrawn (name, summary, 信息项); active
 * 统建清单 / 负面清单 entries (name, description, key phrases).
 */
import { eq, gte, inArray, sql } from 'drizzle-orm';
import { informationResources, informationSystems, resourceDataItems } from '../catalog/index.ts';
import type { Queryable } from '../platform/db/client.ts';
import { organisations } from '../platform/db/core.ts';
import { projectSystems, projects } from '../projects/index.ts';
import { DedupIndex, type DocKind, type IndexDoc } from './engine/search-index.ts';
import { dedupListEntries } from './tables.ts';

/** Rows updated up to this long before the watermark are read again (late commits). */
const MARGIN_MS = 10 * 60 * 1000;

interface Versioned {
  doc: IndexDoc | null;
  key: string;
  signature: string;
  updatedAt: Date;
}

const LIST_LABEL = { unified: '统建清单', negative: '负面清单' } as const;

async function systemsSince(q: Queryable, since: Date | null): Promise<Versioned[]> {
  const rows = await q
    .select({
      id: informationSystems.id,
      name: informationSystems.name,
      purpose: informationSystems.purpose,
      functions: informationSystems.functions,
      jurisdictionId: informationSystems.jurisdictionId,
      organisationId: informationSystems.ownerOrganisationId,
      owner: organisations.name,
      code: informationSystems.code,
      status: informationSystems.status,
      updatedAt: informationSystems.updatedAt,
      version: informationSystems.version,
    })
    .from(informationSystems)
    .innerJoin(organisations, eq(organisations.id, informationSystems.ownerOrganisationId))
    .where(since ? gte(informationSystems.updatedAt, since) : undefined);
  return rows.map((r) => ({
    key: `system:${r.id}`,
    signature: `${r.version}:${r.updatedAt.getTime()}`,
    updatedAt: r.updatedAt,
    doc:
      r.status === 'retired'
        ? null
        : {
            kind: 'system',
            id: r.id,
            jurisdictionId: r.jurisdictionId,
            organisationId: r.organisationId,
            detail: `${r.code} · ${r.owner}`,
            name: r.name,
            text: r.purpose,
            items: r.functions,
          },
  }));
}

async function projectsSince(q: Queryable, since: Date | null): Promise<Versioned[]> {
  const rows = await q
    .select({
      id: projects.id,
      code: projects.code,
      name: projects.name,
      summary: projects.summary,
      jurisdictionId: projects.jurisdictionId,
      organisationId: projects.ownerOrganisationId,
      owner: organisations.name,
      submissionCount: projects.submissionCount,
      createdAt: projects.createdAt,
      updatedAt: projects.updatedAt,
      version: projects.version,
    })
    .from(projects)
    .innerJoin(organisations, eq(organisations.id, projects.ownerOrganisationId))
    .where(since ? gte(projects.updatedAt, since) : undefined);
  const ids = rows.map((r) => r.id);
  const systems =
    ids.length === 0
      ? []
      : await q
          .select({
            projectId: projectSystems.projectId,
            systemId: projectSystems.systemId,
            relation: projectSystems.relation,
            name: sql<string>`coalesce(${projectSystems.proposedName}, ${informationSystems.name})`,
          })
          .from(projectSystems)
          .leftJoin(informationSystems, eq(informationSystems.id, projectSystems.systemId))
          .where(inArray(projectSystems.projectId, ids));
  const byProject = new Map<string, typeof systems>();
  for (const s of systems) byProject.set(s.projectId, [...(byProject.get(s.projectId) ?? []), s]);
  return rows.map((r) => ({
    key: `project:${r.id}`,
    signature: `${r.version}:${r.updatedAt.getTime()}`,
    updatedAt: r.updatedAt,
    doc:
      r.submissionCount === 0
        ? null
        : {
            kind: 'project',
            id: r.id,
            jurisdictionId: r.jurisdictionId,
            organisationId: r.organisationId,
            detail: `${r.code} · ${r.owner}`,
            year: r.createdAt.getUTCFullYear(),
            name: r.name,
            text: [r.summary, ...(byProject.get(r.id) ?? []).map((s) => s.name)].join('\n'),
            items: [],
            systemIds: (byProject.get(r.id) ?? []).flatMap((s) => (s.systemId ? [s.systemId] : [])),
            upgradeOnly:
              (byProject.get(r.id) ?? []).length > 0 &&
              (byProject.get(r.id) ?? []).every((s) => s.relation === 'changes'),
          },
  }));
}

async function resourcesSince(q: Queryable, since: Date | null): Promise<Versioned[]> {
  const rows = await q
    .select({
      id: informationResources.id,
      code: informationResources.code,
      name: informationResources.name,
      summary: informationResources.summary,
      jurisdictionId: informationResources.jurisdictionId,
      organisationId: informationResources.providerOrganisationId,
      owner: organisations.name,
      state: informationResources.state,
      updatedAt: informationResources.updatedAt,
      version: informationResources.version,
    })
    .from(informationResources)
    .innerJoin(organisations, eq(organisations.id, informationResources.providerOrganisationId))
    .where(since ? gte(informationResources.updatedAt, since) : undefined);
  const ids = rows.filter((r) => r.state !== 'withdrawn').map((r) => r.id);
  const items = new Map<string, string[]>();
  // One query per batch of resources, never one per resource.
  for (let i = 0; i < ids.length; i += 5000) {
    const batch = ids.slice(i, i + 5000);
    const found = await q
      .select({ resourceId: resourceDataItems.resourceId, name: resourceDataItems.name })
      .from(resourceDataItems)
      .where(inArray(resourceDataItems.resourceId, batch));
    for (const item of found) items.set(item.resourceId, [...(items.get(item.resourceId) ?? []), item.name]);
  }
  return rows.map((r) => ({
    key: `resource:${r.id}`,
    signature: `${r.version}:${r.updatedAt.getTime()}`,
    updatedAt: r.updatedAt,
    doc:
      r.state === 'withdrawn'
        ? null
        : {
            kind: 'resource',
            id: r.id,
            jurisdictionId: r.jurisdictionId,
            organisationId: r.organisationId,
            detail: `${r.code} · ${r.owner}`,
            name: r.name,
            text: r.summary,
            items: items.get(r.id) ?? [],
          },
  }));
}

async function entriesSince(q: Queryable, since: Date | null): Promise<Versioned[]> {
  const rows = await q
    .select()
    .from(dedupListEntries)
    .where(since ? gte(dedupListEntries.updatedAt, since) : undefined);
  return rows.map((r) => {
    const kind = r.list as 'unified' | 'negative';
    return {
      key: `${kind}:${r.id}`,
      signature: `${r.version}:${r.updatedAt.getTime()}`,
      updatedAt: r.updatedAt,
      doc: r.active
        ? {
            kind,
            id: r.id,
            jurisdictionId: r.jurisdictionId,
            detail: `${LIST_LABEL[kind]} ${r.code}${r.basis ? ` · 依据：${r.basis}` : ''}`,
            name: r.name,
            text: r.description,
            items: r.phrases,
          }
        : null,
    };
  });
}

/**
 * A cheap fingerprint of the indexed tables: row count, sum of versions (every edit bumps one) and
 * latest update per table. Unchanged fingerprint = nothing to read.
 */
async function fingerprint(q: Queryable): Promise<string> {
  const part = (
    table:
      | typeof informationSystems
      | typeof projects
      | typeof informationResources
      | typeof dedupListEntries,
  ) =>
    q
      .select({
        n: sql<string>`count(*)::text`,
        v: sql<string>`coalesce(sum(${table.version}), 0)::text`,
        u: sql<string>`coalesce(max(${table.updatedAt})::text, '')`,
      })
      .from(table);
  const rows = [
    ...(await part(informationSystems)),
    ...(await part(projects)),
    ...(await part(informationResources)),
    ...(await part(dedupListEntries)),
  ];
  return rows.map((r) => `${r.n}/${r.v}/${r.u}`).join('|');
}

async function changedSince(q: Queryable, since: Date | null): Promise<Versioned[]> {
  return [
    ...(await systemsSince(q, since)),
    ...(await projectsSince(q, since)),
    ...(await resourcesSince(q, since)),
    ...(await entriesSince(q, since)),
  ];
}

export interface IndexStoreOptions {
  rebuildEveryMs?: number;
  /** Wall time for the rebuild schedule only (never for business decisions). */
  now?: () => number;
}

export class DedupIndexStore {
  private readonly index = new DedupIndex();
  private readonly signatures = new Map<string, string>();
  private watermark: Date | null = null;
  private fingerprint = '';
  private builtAt = Number.NEGATIVE_INFINITY;
  private refreshing: Promise<void> | null = null;
  private readonly rebuildEveryMs: number;
  private readonly now: () => number;

  constructor(options: IndexStoreOptions = {}) {
    this.rebuildEveryMs = options.rebuildEveryMs ?? 10 * 60 * 1000;
    this.now = options.now ?? (() => performance.now());
  }

  /**
   * The index, refreshed from the database. Refreshes on the pool run one at a time per process
   * (concurrent checks wait for the running one). Inside a transaction (`inTransaction`) the caller
   * must not wait for a refresh that may need the connection the transaction holds (PGlite has one):
   * it refreshes on its own handle; applying rows is synchronous and keyed by version, and rows of the
   * last minutes are read again by the next refresh, so an interleaving heals itself.
   */
  async current(q: Queryable, options: { inTransaction?: boolean } = {}): Promise<DedupIndex> {
    if (options.inTransaction) {
      await this.refresh(q);
      return this.index;
    }
    while (this.refreshing) await this.refreshing;
    this.refreshing = this.refresh(q).finally(() => {
      this.refreshing = null;
    });
    await this.refreshing;
    return this.index;
  }

  private async refresh(q: Queryable): Promise<void> {
    const print = await fingerprint(q);
    let full = this.now() - this.builtAt > this.rebuildEveryMs;
    if (!full && print === this.fingerprint) return;
    const since = full || !this.watermark ? null : new Date(this.watermark.getTime() - MARGIN_MS);
    let rows = await changedSince(q, since);
    if (!full && !rows.some((row) => this.signatures.get(row.key) !== row.signature)) {
      // Something changed outside the margin (a very late commit): read everything again.
      full = true;
      rows = await changedSince(q, null);
    }
    this.fingerprint = print;
    let watermark = this.watermark;
    for (const row of rows) if (!watermark || row.updatedAt > watermark) watermark = row.updatedAt;
    this.watermark = watermark;
    if (full) {
      this.signatures.clear();
      for (const row of rows) this.signatures.set(row.key, row.signature);
      this.index.rebuild(rows.flatMap((row) => (row.doc ? [row.doc] : [])));
      this.builtAt = this.now();
      return;
    }
    for (const row of rows) {
      if (this.signatures.get(row.key) === row.signature) continue;
      this.signatures.set(row.key, row.signature);
      const [kind, id] = [
        row.key.slice(0, row.key.indexOf(':')) as DocKind,
        row.key.slice(row.key.indexOf(':') + 1),
      ];
      if (row.doc) this.index.upsert(row.doc);
      else this.index.remove(kind, id);
    }
  }
}
