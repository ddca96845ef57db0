/**
 * Factories for the evaluation API tests (issue 14): the DT departments, a DT project taken to 立项
 * through the project routes, and the text of a generated .docx.
 */
import assert from 'node:assert/strict';
import { DEMO_ORGANISATIONS } from '../../src/demo/accounts.ts';
import { readZipText } from '../../src/platform/documents/zip.ts';
import type { Session, TestContext } from '../support/helper.ts';
import {
  approvedPlanEntry,
  catalogSystem,
  decide,
  draftProject,
  expectStatus,
  FIVE_OPINIONS,
  organisationId,
  Sessions,
  uploadMissing,
} from './projects.ts';

export const DT_DEPARTMENTS = DEMO_ORGANISATIONS.filter(
  (o) => o.jurisdiction === 'DT' && o.kind === 'department',
).map((o) => o.name);

/** A DT project of `department` through application, review and filing (立项), with its system. */
export async function establishedDtProject(
  ctx: TestContext,
  sessions: Sessions,
  staffName: string,
  department: string,
  name: string,
) {
  const staff = await sessions.as(staffName);
  const entryId = await approvedPlanEntry(sessions, 'dt.reviewer', 'dt.gov', department, name);
  const systemId = await catalogSystem(ctx, staff, 'DT', department);
  const { id } = await draftProject(staff, {
    name,
    planEntryId: entryId,
    systems: [{ systemId, name: null, relation: 'changes' }],
  });
  await uploadMissing(staff, id);
  expectStatus(await staff.request('POST', `/api/projects/${id}/submit`), 200, 'submit');
  const reviewer = await sessions.as('dt.reviewer');
  expectStatus(
    await reviewer.request('PUT', `/api/projects/${id}/review`, { opinions: FIVE_OPINIONS }),
    200,
    'review',
  );
  expectStatus(await decide(reviewer, id, 'dt.review.assessment'), 200, 'assessment');
  expectStatus(await decide(await sessions.as('dt.authlead'), id, 'dt.review.filing'), 200, 'filing');
  expectStatus(
    await decide(await sessions.as('dt.approver'), id, 'dt.filing_approval.establishment', {
      opinion: '准予立项',
    }),
    200,
    'establishment',
  );
  const detail = (await staff.request('GET', `/api/projects/${id}`)).json();
  assert.equal(detail.state, 'established', name);
  return { id, systemId };
}

/**
 * The DT year of the evaluation tests: 大同市教育局 and 大同市卫生健康委员会 each with a project taken
 * to 立项; then the budget year 2026 has ended and everyone logs in again (sessions idle out).
 */
export async function dtYear(ctx: TestContext, sessions: Sessions) {
  const edu = await establishedDtProject(ctx, sessions, 'dt.staff', '大同市教育局', '智慧教育云平台');
  const health = await establishedDtProject(
    ctx,
    sessions,
    'dt.staff2',
    '大同市卫生健康委员会',
    '全民健康信息平台',
  );
  const eduOrg = await organisationId(await sessions.as('dt.staff'), '大同市教育局');
  const healthOrg = await organisationId(await sessions.as('dt.staff'), '大同市卫生健康委员会');
  ctx.clock.set('2027-01-11T02:00:00.000Z');
  const later = new Sessions(ctx);
  const reviewer = await later.as('dt.reviewer');
  const staff = await later.as('dt.staff');
  const staff2 = await later.as('dt.staff2');
  return { edu, health, eduOrg, healthOrg, sessions: later, reviewer, staff, staff2 };
}

export function docxText(bytes: Buffer): string {
  const xml = readZipText(bytes, 'word/document.xml');
  assert.ok(xml, 'word/document.xml');
  return xml.replace(/<[^>]+>/g, '');
}

/** The authority opens the evaluation round of budget year 2026 (due 2027-03-31); its id. */
export async function openRound2026(reviewer: Session, label: string): Promise<string> {
  const opened = await reviewer.request('POST', '/api/evaluation/rounds', {
    year: 2026,
    dueDate: '2027-03-31',
  });
  expectStatus(opened, 201, label);
  return opened.json().id;
}

/** The authority rolls the round's scores up; the departments' results as [name, score, grade]. */
export async function rolledUp(reviewer: Session, roundId: string): Promise<[string, number, string][]> {
  expectStatus(
    await reviewer.request('POST', `/api/evaluation/rounds/${roundId}/roll-up`, { version: 1 }),
    200,
    'roll up',
  );
  const results = (await reviewer.request('GET', `/api/evaluation/rounds/${roundId}`)).json().results;
  return results.map((r: { organisationName: string; score: number; grade: string }) => [
    r.organisationName,
    r.score,
    r.grade,
  ]);
}
