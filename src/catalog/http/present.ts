/** Presenters: every response field listed explicitly; records never leave as they are. */
import {
  availableResourceActions,
  type CatalogScope,
  canEdit,
  EDITABLE_RESOURCE_STATES,
  requiredCloudApprovals,
} from '../access.ts';
import { catalogRulesFor } from '../commands/rules.ts';
import type { CloudServiceRecord } from '../store/cloud.ts';
import type { ConflictRecord } from '../store/conflicts.ts';
import type { ResourceRecord } from '../store/resources.ts';
import type { StatusEventRecord, SystemRecord } from '../store/systems.ts';

const iso = (date: Date | null) => (date === null ? null : date.toISOString());

export interface Viewer {
  userId: string;
  scope: CatalogScope;
}

export function presentSystem(record: SystemRecord, viewer: Viewer) {
  return {
    id: record.id,
    code: record.code,
    name: record.name,
    ownerOrganisationId: record.ownerOrganisationId,
    ownerOrganisationName: record.ownerOrganisationName,
    jurisdictionId: record.jurisdictionId,
    jurisdictionName: record.jurisdictionName,
    purpose: record.purpose,
    functions: record.functions,
    status: record.status,
    deployment: record.deployment,
    networks: record.networks,
    dedicatedNetworkApproval: record.dedicatedNetworkApproval,
    mlpsLevel: record.mlpsLevel,
    projectRefs: record.projectRefs,
    resourceCodes: record.resourceCodes,
    sharedOnPlatform: record.sharedOnPlatform,
    sharedResourceCount: record.sharedResourceCount,
    cloudMigration: record.cloudMigration,
    cloudExemptionReason: record.cloudExemptionReason,
    cloudMigrationDate: record.cloudMigrationDate,
    retirementDate: record.retirementDate,
    mergedInto: record.mergedIntoCode,
    mergedIntoName: record.mergedIntoName,
    remarks: record.remarks,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    version: record.version,
    canEdit:
      record.status !== 'retired' &&
      canEdit(viewer.scope, {
        organisationId: record.ownerOrganisationId,
        jurisdictionId: record.jurisdictionId,
      }),
  };
}

export function presentStatusEvent(event: StatusEventRecord) {
  return {
    status: event.status,
    fromStatus: event.fromStatus,
    at: event.at.toISOString(),
    effectiveDate: event.effectiveDate,
    mergedInto: event.mergedIntoCode,
    actorName: event.actorName,
    note: event.note,
  };
}

export function presentResource(record: ResourceRecord, viewer: Viewer) {
  const placement = { organisationId: record.providerOrganisationId, jurisdictionId: record.jurisdictionId };
  return {
    id: record.id,
    code: record.code,
    category: record.category,
    name: record.name,
    providerOrganisationId: record.providerOrganisationId,
    providerName: record.providerName,
    jurisdictionId: record.jurisdictionId,
    jurisdictionName: record.jurisdictionName,
    providerCode: record.providerCode,
    summary: record.summary,
    formatClass: record.formatClass,
    formatType: record.formatType,
    dataItems: record.dataItems.map((item) => ({
      name: item.name,
      dataType: item.dataType,
      length: item.length ?? null,
    })),
    sharing: record.sharing,
    sharingConditions: record.sharingConditions,
    sharingMethods: record.sharingMethods,
    openness: record.openness,
    openConditions: record.openConditions,
    updateCycle: record.updateCycle,
    publishedDate: record.publishedDate,
    relatedCodes: record.relatedCodes,
    sourceSystem: record.sourceSystem,
    classified: record.classified,
    state: record.state,
    registeredAt: record.registeredAt.toISOString(),
    submittedAt: iso(record.submittedAt),
    reviewedAt: iso(record.reviewedAt),
    reviewNote: record.reviewNote,
    publishedAt: iso(record.publishedAt),
    updatedAt: record.updatedAt.toISOString(),
    version: record.version,
    canEdit: EDITABLE_RESOURCE_STATES.includes(record.state) && canEdit(viewer.scope, placement),
    actions: availableResourceActions(viewer.scope, viewer.userId, {
      ...placement,
      state: record.state,
      submittedBy: record.submittedBy,
    }),
  };
}

export function presentConflict(record: ConflictRecord) {
  const entry = (e: ConflictRecord['entries'][number]) => ({
    resourceId: e.resourceId,
    resourceCode: e.resourceCode,
    resourceName: e.resourceName,
    provider: e.provider,
    itemName: e.itemName,
    registeredAt: e.registeredAt,
  });
  const proposed =
    record.entries.find((e) => e.resourceId === record.proposedResourceId) ?? record.entries[0];
  return {
    id: record.id,
    article: 'SC-26' as const,
    itemName: record.itemName,
    subjects: record.subjects,
    proposedSource: entry(proposed),
    departments: [...new Set(record.entries.map((e) => e.provider))],
    entries: record.entries.map(entry),
    score: record.score,
    message: record.message,
    status: record.status,
    detectedAt: record.detectedAt.toISOString(),
    resolvedAt: iso(record.resolvedAt),
  };
}

export function presentCloudService(record: CloudServiceRecord) {
  return {
    id: record.id,
    code: record.code,
    jurisdictionId: record.jurisdictionId,
    jurisdictionName: record.jurisdictionName,
    name: record.name,
    category: record.category,
    spec: record.spec,
    unit: record.unit,
    unitPrice: record.unitPriceCents / 100,
    provider: record.provider,
    remarks: record.remarks,
    status: record.status,
    approvalsRequired: requiredCloudApprovals(catalogRulesFor(record.rulebookCode)).approvers,
    authorityApprovedAt: iso(record.authorityApprovedAt),
    authorityApproverName: record.authorityApproverName,
    financeApprovedAt: iso(record.financeApprovedAt),
    financeApproverName: record.financeApproverName,
    publishedAt: iso(record.publishedAt),
    updatedAt: record.updatedAt.toISOString(),
    version: record.version,
  };
}
