/**
 * First start of an installation: the province root, the platform's own organisation, the three
 * administrators (三员分立) with random one-time passwords, the holiday table seeded from
 * chinese-days, and in demo mode the four demo jurisdictions with their users. Idempotent and safe
 * when several app processes start at once on one PostgreSQL database (advisory lock + re-check).
 */
import { randomInt } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Role } from './access/roles.ts';
import { seedHolidays } from './calendar/index.ts';
import { seedCatalogDemo } from './catalog/demo/index.ts';
import {
  DEMO_ACCOUNTS,
  DEMO_JURISDICTIONS,
  DEMO_ORGANISATIONS,
  PLATFORM_ORGANISATION,
} from './demo/accounts.ts';
import { hashPassword, users } from './identity/index.ts';
import { roleAssignments } from './identity/tables.ts';
import { type CommandDeps, runCommand, SYSTEM_CONTEXT } from './platform/command.ts';
import type { Tx } from './platform/db/client.ts';
import { appMeta, jurisdictions, organisations } from './platform/db/core.ts';
import { seedProjectDemo } from './projects/demo.ts';

const BOOTSTRAP_LOCK = 727270;

export interface InitialCredential {
  username: string;
  role: Role;
  password: string;
}

/** A random password that meets the policy: 20 characters from four classes. */
export function randomPassword(): string {
  const sets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '#%+-=@_'];
  const all = sets.join('');
  const chars = sets.map((s) => s[randomInt(s.length)]);
  while (chars.length < 20) chars.push(all[randomInt(all.length)]);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}

async function metaValue(tx: Tx, key: string): Promise<unknown> {
  const [row] = await tx.select().from(appMeta).where(eq(appMeta.key, key));
  return row?.value;
}

async function insertUser(
  tx: Tx,
  now: Date,
  username: string,
  displayName: string,
  password: string,
  mustChange: boolean,
) {
  const [row] = await tx
    .insert(users)
    .values({
      username,
      displayName,
      passwordHash: await hashPassword(password),
      passwordChangedAt: now,
      mustChangePassword: mustChange,
    })
    .returning({ id: users.id });
  return row.id;
}

/**
 * Makes sure the installation is set up. Returns the one-time credentials of the administrators
 * when this call created them (to print once), or an empty list.
 */
export async function ensureInstalled(
  deps: CommandDeps,
  options: { demo: boolean },
): Promise<InitialCredential[]> {
  const credentials: InitialCredential[] = [];
  await runCommand(
    deps,
    SYSTEM_CONTEXT,
    { action: 'system.bootstrap', objectType: 'installation' },
    async (tx, audit) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${BOOTSTRAP_LOCK})`);
      if (await metaValue(tx, 'installed')) {
        audit.details = { alreadyInstalled: true };
        return;
      }
      const now = deps.clock.now();
      const [root] = await tx
        .insert(jurisdictions)
        .values({ code: 'SX', name: '山西省', level: 'province', parentId: null })
        .returning({ id: jurisdictions.id });
      const [platform] = await tx
        .insert(organisations)
        .values({ jurisdictionId: root.id, name: PLATFORM_ORGANISATION, kind: 'platform' })
        .returning({ id: organisations.id });
      const admins: [string, string, Role][] = [
        ['sysadmin', '系统管理员', 'sys_admin'],
        ['secadmin', '安全管理员', 'sec_admin'],
        ['auditadmin', '审计管理员', 'audit_admin'],
      ];
      for (const [username, displayName, role] of admins) {
        const password = randomPassword();
        const userId = await insertUser(tx, now, username, displayName, password, true);
        await tx
          .insert(roleAssignments)
          .values({ userId, role, organisationId: platform.id, jurisdictionId: root.id });
        credentials.push({ username, role, password });
      }
      const holidayRows = await seedHolidays(tx);
      await tx
        .insert(appMeta)
        .values({ key: 'installed', value: { at: now.toISOString(), demo: options.demo } });
      audit.details = { administrators: admins.map((a) => a[0]), holidayRows };
    },
  );

  if (options.demo) await ensureDemoData(deps);
  return credentials;
}

export async function ensureDemoData(deps: CommandDeps): Promise<void> {
  await runCommand(
    deps,
    SYSTEM_CONTEXT,
    { action: 'demo.seed', objectType: 'installation' },
    async (tx, audit) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${BOOTSTRAP_LOCK})`);
      if (await metaValue(tx, 'demo_seeded')) {
        audit.details = { alreadySeeded: true };
        return;
      }
      const now = deps.clock.now();
      const jurisdictionIds = new Map<string, string>();
      for (const row of await tx
        .select({ id: jurisdictions.id, code: jurisdictions.code })
        .from(jurisdictions)) {
        jurisdictionIds.set(row.code, row.id);
      }
      for (const j of DEMO_JURISDICTIONS) {
        const [row] = await tx
          .insert(jurisdictions)
          .values({
            code: j.code,
            name: j.name,
            level: j.level,
            parentId: j.parent ? jurisdictionIds.get(j.parent)! : null,
            rulebookCode: j.rulebookCode,
          })
          .returning({ id: jurisdictions.id });
        jurisdictionIds.set(j.code, row.id);
      }
      const orgIds = new Map<string, { id: string; jurisdictionId: string }>();
      for (const row of await tx.select().from(organisations))
        orgIds.set(row.name, { id: row.id, jurisdictionId: row.jurisdictionId });
      for (const o of DEMO_ORGANISATIONS) {
        const jurisdictionId = jurisdictionIds.get(o.jurisdiction)!;
        const [row] = await tx
          .insert(organisations)
          .values({ jurisdictionId, name: o.name, kind: o.kind })
          .returning({ id: organisations.id });
        orgIds.set(o.name, { id: row.id, jurisdictionId });
      }
      // One hash for every demo account: they share the published demo password.
      const passwordHash = await hashPassword(DEMO_ACCOUNTS[0].password);
      for (const a of DEMO_ACCOUNTS) {
        const target = orgIds.get(a.organisationName);
        if (!target) throw new Error(`demo organisation missing: ${a.organisationName}`);
        const [user] = await tx
          .insert(users)
          .values({
            username: a.username,
            displayName: a.displayName,
            passwordHash,
            passwordChangedAt: now,
            mustChangePassword: false,
          })
          .returning({ id: users.id });
        await tx.insert(roleAssignments).values({
          userId: user.id,
          role: a.role,
          organisationId: target.id,
          jurisdictionId: target.jurisdictionId,
        });
      }
      await seedCatalogDemo(tx, now);
      await seedProjectDemo(tx, now);
      await tx.insert(appMeta).values({ key: 'demo_seeded', value: { at: now.toISOString() } });
      audit.details = {
        jurisdictions: DEMO_JURISDICTIONS.length,
        organisations: DEMO_ORGANISATIONS.length,
        users: DEMO_ACCOUNTS.length,
      };
    },
  );
}
