/**
 * Authorization-matrix cases (see harness.ts) of the platform routes: health,
 * sign-in, jurisdictions, organisations, users, security, audit, calendar, rulebooks, experts and
 * department assessments.
 */
import { login } from '../support/helper.ts';
import { anyOrganisation, catalogOrg, env, listByJurisdiction, newUser, okOr, userIdOf } from './harness.ts';
import type { RouteCase } from './types.ts';

export const CASES: Record<string, RouteCase> = {
  'GET /api/health': { call: () => ({ url: '/api/health' }) },
  'POST /api/auth/login': {
    call: () => ({ url: '/api/auth/login', body: { username: 'dt.staff', password: 'Tc#Demo-2026' } }),
  },
  // A pending login that does not exist: the route is reached and answers 401 MFA_CHALLENGE_INVALID.
  'POST /api/auth/mfa': {
    call: () => ({ url: '/api/auth/mfa', body: { mfaToken: 'x'.repeat(43), code: '123456' } }),
    allowed: (res) => res.statusCode === 401 && res.json().code === 'MFA_CHALLENGE_INVALID',
  },
  'POST /api/auth/mfa/enrolment': { call: () => ({ url: '/api/auth/mfa/enrolment' }) },
  // A code that cannot be right proves the route was reached without enrolling demo users.
  'POST /api/auth/mfa/enrolment/confirm': {
    call: () => ({ url: '/api/auth/mfa/enrolment/confirm', body: { code: 'abcdef' } }),
    allowed: (res) =>
      res.statusCode === 400 && ['MFA_CODE_WRONG', 'MFA_ENROLMENT_NOT_STARTED'].includes(res.json().code),
  },
  'POST /api/auth/logout': { call: () => ({ url: '/api/auth/logout' }), endsSession: true },
  'GET /api/auth/me': { call: () => ({ url: '/api/auth/me' }) },
  // A wrong current password proves the route was reached without changing demo passwords.
  'POST /api/auth/password': {
    call: () => ({
      url: '/api/auth/password',
      body: { currentPassword: 'Not-The#Current1', newPassword: 'Whatever#2026x' },
    }),
    allowed: (res) => res.statusCode === 400 && res.json().code === 'CURRENT_PASSWORD_WRONG',
  },
  'GET /api/jurisdictions': { call: () => ({ url: '/api/jurisdictions' }) },
  'POST /api/jurisdictions': {
    call: async (_c, seq) => {
      const root = (await env.admin.request('GET', '/api/jurisdictions'))
        .json()
        .items.find((j: { code: string }) => j.code === 'SX');
      return {
        url: '/api/jurisdictions',
        body: {
          code: `MX${seq}`,
          name: `矩阵县${seq}`,
          level: 'district',
          parentId: root.id,
          rulebookCode: null,
        },
      };
    },
  },
  // The paged directory (the whole one, without limit, is what the other parts' fixtures read).
  'GET /api/organisations': { call: () => ({ url: '/api/organisations?q=局&sort=name&limit=10&offset=0' }) },
  'GET /api/organisations/:id': {
    call: async () => ({ url: `/api/organisations/${(await anyOrganisation()).id}` }),
  },
  'POST /api/organisations': {
    call: async (_c, seq) => {
      const o = await anyOrganisation();
      return {
        url: '/api/organisations',
        body: {
          name: `矩阵机构${seq}`,
          kind: 'department',
          parentId: null,
          jurisdictionId: o.jurisdictionId,
        },
      };
    },
  },
  'PATCH /api/organisations/:id': {
    call: async (_c, seq) => {
      const created = await env.admin.request('POST', '/api/organisations', {
        name: `矩阵改名${seq}`,
        kind: 'department',
        parentId: null,
        jurisdictionId: (await anyOrganisation()).jurisdictionId,
      });
      return {
        url: `/api/organisations/${created.json().id}`,
        body: { name: `矩阵改名后${seq}`, version: 1 },
      };
    },
  },
  'GET /api/users': { call: () => ({ url: '/api/users?q=a&status=enabled&sort=-username&limit=10' }) },
  'POST /api/users': {
    call: (_c, seq) => ({
      url: '/api/users',
      body: { username: `matrix.c${seq}`, displayName: '新用户', initialPassword: 'Matrix#Pass-2026' },
    }),
  },
  'PATCH /api/users/:id': {
    call: async () => ({ url: `/api/users/${await newUser()}`, body: { displayName: '改名', version: 1 } }),
  },
  'POST /api/users/:id/password-reset': {
    call: async () => ({
      url: `/api/users/${await newUser()}/password-reset`,
      body: { temporaryPassword: 'Temporary#Pass-2026' },
    }),
  },
  'GET /api/users/:id/sensitive': { call: async () => ({ url: `/api/users/${await newUser()}/sensitive` }) },
  'POST /api/users/lookup': { call: () => ({ url: '/api/users/lookup', body: { phone: '13800000000' } }) },
  'GET /api/security/users': { call: () => ({ url: '/api/security/users?role=dept_staff&limit=10' }) },
  'GET /api/security/policy': { call: () => ({ url: '/api/security/policy' }) },
  'POST /api/users/:id/unlock': { call: async () => ({ url: `/api/users/${await newUser()}/unlock` }) },
  'DELETE /api/users/:id/mfa': { call: async () => ({ url: `/api/users/${await newUser()}/mfa` }) },
  'POST /api/users/:id/roles': {
    call: async () => ({
      url: `/api/users/${await newUser()}/roles`,
      body: { role: 'dept_staff', organisationId: (await anyOrganisation()).id },
    }),
  },
  'DELETE /api/users/:id/roles/:assignmentId': {
    call: async () => {
      const id = await newUser();
      const sec = await login(env.ctx, 'demo.secadmin');
      const granted = await sec.request('POST', `/api/users/${id}/roles`, {
        role: 'dept_staff',
        organisationId: (await anyOrganisation()).id,
      });
      return { url: `/api/users/${id}/roles/${granted.json().roles[0].id}` };
    },
  },
  'GET /api/audit': { call: () => ({ url: '/api/audit?limit=5' }) },
  'GET /api/audit/verify': { call: () => ({ url: '/api/audit/verify' }) },
  'GET /api/audit/export': { call: () => ({ url: '/api/audit/export?format=csv&action=auth.login' }) },
  'GET /api/calendar/years': { call: () => ({ url: '/api/calendar/years' }) },
  'GET /api/calendar/years/:year': { call: () => ({ url: '/api/calendar/years/2026' }) },
  'PUT /api/calendar/years/:year': {
    call: async (_c, seq) => {
      const year = 2040 + (seq % 50);
      return {
        url: `/api/calendar/years/${year}`,
        body: {
          rows: [{ date: `${year}-01-01`, kind: 'holiday', name: '元旦' }],
          publishedRef: `测试〔${year}〕${seq}号`,
        },
      };
    },
    // A year saved twice by different roles needs the version of the first save: 409 is authorised too.
    allowed: okOr(409),
  },
  'GET /api/calendar/compute': {
    call: () => ({ url: '/api/calendar/compute?from=2026-09-28&amount=5&unit=working_days' }),
  },
  'GET /api/rulebooks': { call: () => ({ url: '/api/rulebooks' }) },
  'GET /api/rulebooks/:jurisdiction': { call: () => ({ url: '/api/rulebooks/DT' }) },
  'POST /api/rulebooks/:jurisdiction/versions': {
    call: (_c, seq) => ({
      url: '/api/rulebooks/DT/versions',
      body: {
        baseCode: 'DT',
        jurisdictionCode: `MX${seq}`,
        name: `矩阵派生规则集${seq}`,
        effectiveFrom: '2027-01-01',
        changes: [],
      },
    }),
    allowed: okOr(400, 409),
  },
  'POST /api/rulebooks/:jurisdiction/evaluate': {
    call: () => ({ url: '/api/rulebooks/DT/evaluate', body: { facts: {}, events: [], today: '2026-11-23' } }),
  },

  'GET /api/experts': {
    call: () => ({ url: '/api/experts' }),
    relations: listByJurisdiction('/api/experts', 'dt.reviewer'),
  },
  'POST /api/experts': {
    call: async () => ({
      url: '/api/experts',
      body: {
        userId: await userIdOf('dt.expert'),
        fields: ['cost'],
        employerOrganisationId: null,
        title: '',
      },
    }),
    relations: [
      {
        side: 'own_jurisdiction',
        as: 'dt.reviewer',
        call: async () => ({
          url: '/api/experts',
          body: {
            userId: await userIdOf('dt.expert'),
            fields: ['audit'],
            employerOrganisationId: null,
            title: '',
          },
        }),
      },
      {
        side: 'other_jurisdiction',
        as: 'dt.reviewer',
        call: async () => ({
          url: '/api/experts',
          body: {
            userId: await userIdOf('sc.expert'),
            fields: ['audit'],
            employerOrganisationId: null,
            title: '',
          },
        }),
      },
    ],
  },
  'GET /api/department-assessments': {
    call: () => ({ url: '/api/department-assessments' }),
    relations: [
      {
        side: 'own_jurisdiction',
        as: 'dt.reviewer',
        call: async () => ({
          url: `/api/department-assessments?organisationId=${await catalogOrg('大同市教育局')}`,
        }),
      },
      {
        side: 'other_jurisdiction',
        as: 'dt.reviewer',
        call: async () => ({
          url: `/api/department-assessments?organisationId=${await catalogOrg('朔城区教育科技局')}`,
        }),
      },
    ],
  },
  'POST /api/department-assessments': {
    call: async (_c, seq) => ({
      url: '/api/department-assessments',
      body: {
        organisationId: await catalogOrg('大同市教育局'),
        year: 2000 + (seq % 25),
        score: 80,
        grade: 'good',
        summary: '',
      },
    }),
    relations: [
      {
        side: 'own_jurisdiction',
        as: 'dt.reviewer',
        call: async () => ({
          url: '/api/department-assessments',
          body: {
            organisationId: await catalogOrg('大同市教育局'),
            year: 2025,
            score: 90,
            grade: 'excellent',
            summary: '',
          },
        }),
      },
      {
        side: 'other_jurisdiction',
        as: 'dt.reviewer',
        call: async () => ({
          url: '/api/department-assessments',
          body: {
            organisationId: await catalogOrg('朔城区教育科技局'),
            year: 2025,
            score: 90,
            grade: 'excellent',
            summary: '',
          },
        }),
      },
    ],
  },
};
