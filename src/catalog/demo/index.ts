/**
 * Demo catalogs for the four demo jurisdictions (run by src/bootstrap.ts in demo mode, inside the
 * demo seed's transaction): a few systems per department — in operation, under construction,
 * suspended, one on a 业务专网 with its approval reference, one retired and one merged into another —
 * resources with data items (one 一数一源 overlap between two SC departments), and the cloud service
 * catalogs of DT and SC. Dates are relative to `now`, so the 只减不增 chart of DT always shows a month
 * with an increase (5 months ago), a merge (3 months ago) and a retirement (2 months ago).
 * Every entry passes the entry rules of validate.ts; a demo entry that does not is a bug and throws.
 */
import { eq, inArray } from 'drizzle-orm';
import { users } from '../../identity/index.ts';
import type { Tx } from '../../platform/db/client.ts';
import { jurisdictions, organisations } from '../../platform/db/core.ts';
import { usccCheckChar } from '../codes.ts';
import type { CatalogProblem } from '../model.ts';
import { cloudValues } from '../store/cloud.ts';
import { recomputeConflicts } from '../store/conflicts.ts';
import { resourceValues } from '../store/resources.ts';
import { systemValues } from '../store/systems.ts';
import {
  cloudServices,
  informationResources,
  informationSystems,
  resourceDataItems,
  systemResources,
  systemStatusEvents,
} from '../tables.ts';
import { checkCloudService, checkResource, checkSystem } from '../validate.ts';
import { CLOUD, CLOUD_CO_APPROVER } from './cloud.ts';
import { RESOURCES } from './resources.ts';
import { SYSTEMS } from './systems.ts';

/** GB/T 2260 codes of the demo jurisdictions (for the demo 统一社会信用代码). */
const REGION: Record<string, string> = { DT: '140200', SC: '140602', JC: '140502', XZ: '140900' };

function demoUscc(jurisdiction: string, n: number): string {
  const first17 = `11${REGION[jurisdiction]}${String(n).padStart(8, '0')}0`;
  return first17 + usccCheckChar(first17);
}

/** A day in the month `monthsAgo` before `now` (China time), as an instant and as a date. */
function monthsBefore(now: Date, monthsAgo: number, day = 5): { at: Date; date: string } {
  const shifted = new Date(now.getTime() + 8 * 3600 * 1000);
  const index = shifted.getUTCFullYear() * 12 + shifted.getUTCMonth() - monthsAgo;
  const year = Math.floor(index / 12);
  const month = String((index % 12) + 1).padStart(2, '0');
  const date = `${year}-${month}-${String(day).padStart(2, '0')}`;
  return { at: new Date(`${date}T02:00:00.000Z`), date };
}

function checked<T>(what: string, result: { value: T | null; problems: CatalogProblem[] }): T {
  if (result.value === null) {
    throw new Error(
      `demo ${what} breaks the catalog rules: ${result.problems.map((p) => p.message).join('; ')}`,
    );
  }
  return result.value;
}

/** Seeds the demo catalogs; returns how many entries of each kind it wrote. */
export async function seedCatalogDemo(tx: Tx, now: Date): Promise<Record<string, number>> {
  const orgRows = await tx
    .select({
      id: organisations.id,
      name: organisations.name,
      jurisdictionId: organisations.jurisdictionId,
      jurisdictionCode: jurisdictions.code,
    })
    .from(organisations)
    .innerJoin(jurisdictions, eq(jurisdictions.id, organisations.jurisdictionId));
  const org = (name: string) => {
    const found = orgRows.find((o) => o.name === name);
    if (!found) throw new Error(`demo organisation missing: ${name}`);
    return found;
  };
  const userRows = await tx
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(
      inArray(users.username, [
        'dt.staff',
        'dt.reviewer',
        'sc.staff',
        'sc.reviewer',
        'sc.finance',
        'dt.authlead',
        'jc.reviewer',
        'xz.reviewer',
      ]),
    );
  const user = (username: string) => userRows.find((u) => u.username === username)?.id ?? null;
  const counts = { systems: 0, resources: 0, cloudServices: 0 };

  for (const [jurisdiction, systems] of Object.entries(SYSTEMS)) {
    const ids = new Map<string, string>();
    let sequence = 0;
    // Survivors first, so a merged system can name the one it went into.
    for (const system of [...systems].sort(
      (a, b) => Number(a.mergedInto !== undefined) - Number(b.mergedInto !== undefined),
    )) {
      const owner = org(system.owner);
      const listed = monthsBefore(now, system.listed ?? 14);
      const retired = system.retired === undefined ? undefined : monthsBefore(now, system.retired, 20);
      const input = checked(
        system.name,
        checkSystem({
          name: system.name,
          ownerDepartment: owner.name,
          jurisdiction: '—',
          purpose: system.purpose,
          status: retired ? 'retired' : (system.status ?? 'in_operation'),
          deployment: system.deployment,
          networks: system.networks,
          dedicatedNetworkApproval: system.dedicatedNetworkApproval,
          mlpsLevel: system.mlpsLevel,
          projectRefs: system.projectRefs ?? [],
          resourceCodes: [],
          sharedOnPlatform: (system.shared ?? 0) > 0,
          sharedResourceCount: system.shared ?? 0,
          cloudMigration: system.cloudMigration,
          cloudExemptionReason: system.cloudExemptionReason,
          cloudMigrationDate: system.cloudMigrationDate,
          retirementDate: retired?.date,
        }),
      );
      const mergedIntoId = system.mergedInto ? (ids.get(system.mergedInto) ?? null) : null;
      sequence++;
      const [row] = await tx
        .insert(informationSystems)
        .values({
          ...systemValues(input, mergedIntoId),
          code: `${jurisdiction}-XT-${String(sequence).padStart(5, '0')}`,
          jurisdictionId: owner.jurisdictionId,
          ownerOrganisationId: owner.id,
          createdAt: listed.at,
          updatedAt: retired?.at ?? listed.at,
        })
        .returning({ id: informationSystems.id });
      ids.set(system.name, row.id);
      await tx.insert(systemStatusEvents).values({
        systemId: row.id,
        fromStatus: null,
        status: retired ? 'in_operation' : input.status,
        at: listed.at,
        note: '登记入目录',
      });
      if (retired) {
        await tx.insert(systemStatusEvents).values({
          systemId: row.id,
          fromStatus: 'in_operation',
          status: 'retired',
          at: retired.at,
          effectiveDate: retired.date,
          mergedIntoId,
          note: mergedIntoId ? `并入${system.mergedInto}` : '停用报废',
        });
      }
      counts.systems++;
    }
  }

  for (const [jurisdiction, resources] of Object.entries(RESOURCES)) {
    const providers = [...new Set(resources.map((r) => r.provider))];
    for (const resource of resources) {
      const provider = org(resource.provider);
      const input = checked(
        resource.name,
        checkResource({
          code: resource.code,
          category: 'department',
          name: resource.name,
          provider: provider.name,
          providerCode: demoUscc(jurisdiction, providers.indexOf(resource.provider) + 1),
          summary: resource.summary,
          relatedCodes: [],
          classified: false,
          publishedDate:
            resource.state === 'published' ? monthsBefore(now, resource.registered - 1).date : undefined,
          ...resource.input,
        }),
      );
      const registered = monthsBefore(now, resource.registered);
      const reviewed = monthsBefore(now, resource.registered - 1, 12);
      const staff = user(`${jurisdiction.toLowerCase()}.staff`);
      const reviewer = user(`${jurisdiction.toLowerCase()}.reviewer`);
      const submitted = resource.state !== 'registered';
      const published = resource.state === 'published';
      const [sequencePrefix, sequence] = input.code.split('/');
      const [row] = await tx
        .insert(informationResources)
        .values({
          ...resourceValues(input),
          code: input.code,
          prefix: sequencePrefix,
          sequence,
          providerOrganisationId: provider.id,
          jurisdictionId: provider.jurisdictionId,
          state: resource.state,
          registeredAt: registered.at,
          submittedAt: submitted ? registered.at : null,
          submittedBy: submitted ? staff : null,
          reviewedAt: published ? reviewed.at : null,
          reviewedBy: published ? reviewer : null,
          publishedAt: published ? reviewed.at : null,
          updatedAt: published ? reviewed.at : registered.at,
        })
        .returning({ id: informationResources.id });
      await tx.insert(resourceDataItems).values(
        input.dataItems.map((d, i) => ({
          resourceId: row.id,
          position: i + 1,
          name: d.name,
          dataType: d.dataType,
          length: d.length ?? null,
        })),
      );
      counts.resources++;
    }
    await recomputeConflicts(tx, org(resources[0].provider).jurisdictionId, now);
  }

  // Link each system to the resources of its owner that name it as source (demo: by department).
  const linked = await tx
    .select({
      code: informationResources.code,
      providerOrganisationId: informationResources.providerOrganisationId,
    })
    .from(informationResources);
  const systemsOf = await tx
    .select({
      id: informationSystems.id,
      owner: informationSystems.ownerOrganisationId,
      status: informationSystems.status,
    })
    .from(informationSystems);
  for (const resource of linked) {
    const system = systemsOf.find(
      (s) => s.owner === resource.providerOrganisationId && s.status !== 'retired',
    );
    if (system) await tx.insert(systemResources).values({ systemId: system.id, resourceCode: resource.code });
  }

  for (const [jurisdiction, items] of Object.entries(CLOUD)) {
    const authority = orgRows.find((o) => o.jurisdictionCode === jurisdiction);
    if (!authority) continue;
    const approvedAt = monthsBefore(now, 6, 10).at;
    const reviewer = user(`${jurisdiction.toLowerCase()}.reviewer`);
    const coApprover = CLOUD_CO_APPROVER[jurisdiction];
    const finance = coApprover ? user(coApprover) : null;
    let sequence = 0;
    for (const entry of items) {
      const { status, ...fields } = entry;
      const input = checked(`${entry.name} ${entry.spec}`, checkCloudService(fields));
      const approved = status !== 'draft';
      const authorityApproved =
        approved || (coApprover !== undefined && entry.remarks?.includes('主管部门已审定'));
      sequence++;
      await tx.insert(cloudServices).values({
        ...cloudValues(input),
        code: `${jurisdiction}-YF-${String(sequence).padStart(5, '0')}`,
        jurisdictionId: authority.jurisdictionId,
        status,
        authorityApprovedBy: authorityApproved ? reviewer : null,
        authorityApprovedAt: authorityApproved ? approvedAt : null,
        financeApprovedBy: approved ? finance : null,
        financeApprovedAt: approved && finance ? approvedAt : null,
        publishedAt: status === 'published' ? approvedAt : null,
        createdAt: monthsBefore(now, 7).at,
        updatedAt: approvedAt,
      });
      counts.cloudServices++;
    }
  }
  return counts;
}
