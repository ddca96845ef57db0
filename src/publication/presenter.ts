/** Pure record → public response mappings: every field listed explicitly, nothing internal. */
import { ROLE_NAMES, type Role } from '../access/index.ts';
import type { ResourceRecord } from '../catalog/index.ts';

/** A demo account as the composition root passes it (src/demo/accounts.ts in demo mode). */
export interface DemoAccount {
  username: string;
  password: string;
  displayName: string;
  role: Role;
  jurisdictionName: string;
  organisationName: string;
}

/** A demo account on the login page: its published password and its role's Chinese name. */
export const presentDemoAccount = (a: DemoAccount) => ({
  username: a.username,
  password: a.password,
  displayName: a.displayName,
  roleNames: [ROLE_NAMES[a.role]],
  jurisdictionName: a.jurisdictionName,
  organisationName: a.organisationName,
});

/**
 * A published, open resource for the public (no account): no internal ids, no provider code, no
 * sharing conditions among departments, no source system, no review or staff data.
 */
export function presentPublicResource(record: ResourceRecord) {
  return {
    code: record.code,
    category: record.category,
    name: record.name,
    providerName: record.providerName,
    jurisdictionName: record.jurisdictionName,
    summary: record.summary,
    formatClass: record.formatClass,
    formatType: record.formatType,
    openness: record.openness,
    openConditions: record.openConditions,
    updateCycle: record.updateCycle,
    publishedDate:
      record.publishedDate ?? (record.publishedAt ? record.publishedAt.toISOString().slice(0, 10) : null),
    dataItems: record.dataItems.map((item) => ({
      name: item.name,
      dataType: item.dataType,
      length: item.length ?? null,
    })),
  };
}
