import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ACCESS_KEYS,
  type Access,
  ADMIN_ROLES,
  accessFor,
  BUSINESS_ROLES,
  flattenMenu,
  isAllowed,
  type MenuSource,
  menuFor,
  roleLabel,
} from './access.ts';
import { type RouteEntry, routes } from './routes.ts';

const me = (...roles: string[]) => ({ roles: roles.map((role) => ({ role })) });
const granted = (access: Access) => ACCESS_KEYS.filter((key) => access[key]).sort();
const CATALOG_KEYS: string[] = ['canSeeCatalogs', 'canSeeCloudCatalog', 'canSeeSystemCount'];
const PROJECT_KEYS: string[] = ['canApplyProjects', 'canSeePlans', 'canManageExperts', 'canSeeObligations'];
const FUNDS_KEYS: string[] = ['canSeeFunds', 'canManagePublicity', 'canSeeDisbursements'];
const names = (entries: { name: string; children?: unknown[] }[]): unknown[] =>
  entries.map((e) => (e.children ? { [e.name]: names(e.children as typeof entries) } : e.name));

describe('accessFor', () => {
  it('grants nothing to an anonymous visitor', () => {
    for (const subject of [null, undefined]) {
      const access = accessFor(subject);
      assert.deepEqual(granted(access), []);
    }
  });

  it('answers every access key with a boolean', () => {
    const access = accessFor(me('dept_staff'));
    assert.deepEqual(Object.keys(access).sort(), [...ACCESS_KEYS].sort());
    for (const key of ACCESS_KEYS) assert.equal(typeof access[key], 'boolean', key);
  });

  it('lets every business role see projects and rulebooks, and nothing of administration', () => {
    for (const role of BUSINESS_ROLES) {
      assert.deepEqual(
        granted(accessFor(me(role))).filter(
          (key) => !CATALOG_KEYS.includes(key) && !PROJECT_KEYS.includes(key) && !FUNDS_KEYS.includes(key),
        ),
        ['authenticated', 'canSeeProjects', 'canSeeRulebooks'],
        role,
      );
    }
  });

  it('opens the catalogs to departments and the jurisdiction’s readers, 只减不增 to the jurisdiction’s readers, the cloud catalog to every business role', () => {
    const catalog = (role: string) =>
      granted(accessFor(me(role))).filter((key) => CATALOG_KEYS.includes(key));
    for (const role of ['dept_staff', 'dept_leader']) {
      assert.deepEqual(catalog(role), ['canSeeCatalogs', 'canSeeCloudCatalog'], role);
    }
    for (const role of [
      'authority_reviewer',
      'authority_leader',
      'approver',
      'finance_officer',
      'leadership_body',
    ]) {
      assert.deepEqual(catalog(role), ['canSeeCatalogs', 'canSeeCloudCatalog', 'canSeeSystemCount'], role);
    }
    for (const role of ['expert', 'contractor', 'supervisor', 'third_party_evaluator']) {
      assert.deepEqual(catalog(role), ['canSeeCloudCatalog'], role);
    }
    for (const role of ADMIN_ROLES) assert.deepEqual(catalog(role), [], role);
  });

  it('lets department staff apply, the parties of a project read plans, and the authority keep the expert pool', () => {
    const project = (role: string) =>
      granted(accessFor(me(role))).filter((key) => PROJECT_KEYS.includes(key));
    assert.deepEqual(project('dept_staff'), ['canApplyProjects', 'canSeeObligations', 'canSeePlans']);
    assert.deepEqual(project('dept_leader'), ['canSeeObligations', 'canSeePlans']);
    for (const role of ['authority_reviewer', 'authority_leader']) {
      assert.deepEqual(project(role), ['canManageExperts', 'canSeeObligations', 'canSeePlans'], role);
    }
    for (const role of ['approver', 'finance_officer', 'leadership_body']) {
      assert.deepEqual(project(role), ['canSeeObligations', 'canSeePlans'], role);
    }
    for (const role of ['expert', 'contractor', 'supervisor', 'third_party_evaluator', ...ADMIN_ROLES]) {
      assert.deepEqual(project(role), [], role);
    }
  });

  it('gives the system administrator organisations, users, the calendar and rulebook versions, but no business data', () => {
    assert.deepEqual(granted(accessFor(me('sys_admin'))), [
      'authenticated',
      'canAdminCalendar',
      'canAdminOrgs',
      'canAdminUsers',
      'canDeriveRulebooks',
      'canSeeRulebooks',
    ]);
  });

  it('gives the security administrator no business data and none of the other two administrators’ rights', () => {
    assert.deepEqual(granted(accessFor(me('sec_admin'))), [
      'authenticated',
      'canManageSecurity',
      'canSeeRulebooks',
    ]);
  });

  it('gives the audit administrator the audit log only: no business data, no administration', () => {
    assert.deepEqual(granted(accessFor(me('audit_admin'))), [
      'authenticated',
      'canReadAudit',
      'canSeeRulebooks',
    ]);
  });

  it('keeps the three administrators’ rights disjoint (三员分立)', () => {
    const shared = new Set(['authenticated', 'canSeeRulebooks']);
    const own = ADMIN_ROLES.map((role) => granted(accessFor(me(role))).filter((key) => !shared.has(key)));
    for (let i = 0; i < own.length; i++) {
      for (let j = i + 1; j < own.length; j++) {
        const overlap = own[i].filter((key) => own[j].includes(key));
        assert.deepEqual(overlap, [], `${ADMIN_ROLES[i]} and ${ADMIN_ROLES[j]} overlap`);
      }
    }
    for (const role of ADMIN_ROLES) assert.equal(accessFor(me(role)).canSeeProjects, false, role);
  });

  it('fails closed on role codes it does not know', () => {
    assert.deepEqual(granted(accessFor(me('super_user'))), ['authenticated', 'canSeeRulebooks']);
    assert.deepEqual(granted(accessFor(me('SYS_ADMIN'))), ['authenticated', 'canSeeRulebooks']);
  });

  it('treats a signed-in user without roles as authenticated only', () => {
    assert.deepEqual(granted(accessFor(me())), ['authenticated', 'canSeeRulebooks']);
  });

  it('unions the rights of several roles held in different organisations', () => {
    const access = accessFor(me('dept_staff', 'expert', 'dept_staff'));
    assert.deepEqual(granted(access), [
      'authenticated',
      'canApplyProjects',
      'canSeeCatalogs',
      'canSeeCloudCatalog',
      'canSeeDisbursements',
      'canSeeFunds',
      'canSeeObligations',
      'canSeePlans',
      'canSeeProjects',
      'canSeeRulebooks',
    ]);
  });

  it('opens project funds to departments, the named bodies and the commissioned third party; the 公示 to the authority; payments to departments and the named bodies', () => {
    const funds = (role: string) => granted(accessFor(me(role))).filter((key) => FUNDS_KEYS.includes(key));
    for (const role of ['dept_staff', 'dept_leader', 'approver', 'finance_officer', 'leadership_body']) {
      assert.deepEqual(funds(role), ['canSeeDisbursements', 'canSeeFunds'], role);
    }
    for (const role of ['authority_reviewer', 'authority_leader']) {
      assert.deepEqual(funds(role), ['canManagePublicity', 'canSeeDisbursements', 'canSeeFunds'], role);
    }
    assert.deepEqual(funds('third_party_evaluator'), ['canSeeFunds']);
    for (const role of ['expert', 'contractor', 'supervisor', ...ADMIN_ROLES])
      assert.deepEqual(funds(role), [], role);
  });
});

describe('isAllowed', () => {
  it('allows public entries and granted keys only', () => {
    const access = accessFor(me('audit_admin'));
    assert.equal(isAllowed(access, undefined), true);
    assert.equal(isAllowed(access, 'canReadAudit'), true);
    assert.equal(isAllowed(access, 'canAdminOrgs'), false);
    assert.equal(isAllowed(accessFor(null), 'authenticated'), false);
  });
});

describe('roleLabel', () => {
  it('names canonical roles and passes unknown codes through', () => {
    assert.equal(roleLabel('audit_admin'), '审计管理员');
    assert.equal(roleLabel('dept_staff'), '部门经办人员');
    assert.equal(roleLabel('new_role'), 'new_role');
    assert.equal(roleLabel(null), '');
  });
});

describe('menuFor on the real route table', () => {
  const menuOf = (...roles: string[]) => names(menuFor(routes, accessFor(me(...roles))));

  it('shows nothing to an anonymous visitor', () => {
    assert.deepEqual(menuFor(routes, accessFor(null)), []);
  });

  it('shows business users the workbench and the rulebooks', () => {
    for (const role of BUSINESS_ROLES) {
      const menu = menuOf(role).filter((entry) => typeof entry === 'string');
      assert.deepEqual(menu.slice(0, 2), ['工作台', '规则集'], role);
    }
  });

  it('shows every business user the catalogs they may read, and no administrator an empty catalog group', () => {
    const catalogs: Record<string, string[]> = {
      dept_staff: ['系统目录', '信息资源目录', '云服务目录'],
      dept_leader: ['系统目录', '信息资源目录', '云服务目录'],
      authority_reviewer: ['系统目录', '信息资源目录', '云服务目录', '只减不增'],
      authority_leader: ['系统目录', '信息资源目录', '云服务目录', '只减不增'],
      approver: ['系统目录', '信息资源目录', '云服务目录', '只减不增'],
      finance_officer: ['系统目录', '信息资源目录', '云服务目录', '只减不增'],
      leadership_body: ['系统目录', '信息资源目录', '云服务目录', '只减不增'],
      expert: ['云服务目录'],
      contractor: ['云服务目录'],
      supervisor: ['云服务目录'],
      third_party_evaluator: ['云服务目录'],
    };
    const catalogGroup = (role: string) =>
      menuFor(routes, accessFor(me(role))).find((entry) => entry.name === '目录管理');
    for (const role of BUSINESS_ROLES) {
      assert.deepEqual(
        catalogGroup(role)?.children?.map((c) => c.name),
        catalogs[role],
        role,
      );
    }
    for (const role of ADMIN_ROLES) assert.equal(catalogGroup(role), undefined, role);
  });

  it('shows the system administrator the administration group', () => {
    assert.deepEqual(menuOf('sys_admin'), [
      '工作台',
      '规则集',
      { 系统管理: ['组织机构', '用户管理', '节假日管理'] },
    ]);
  });

  it('shows the audit administrator the audit log and no administration group', () => {
    assert.deepEqual(menuOf('audit_admin'), ['工作台', '规则集', '审计日志']);
  });

  it('shows the security administrator only the account security page of the administration group', () => {
    assert.deepEqual(menuOf('sec_admin'), ['工作台', '规则集', { 系统管理: ['账户安全与授权'] }]);
  });

  it('never lists the login page, the password page or the 404 page', () => {
    const everyone = accessFor(me(...BUSINESS_ROLES, ...ADMIN_ROLES));
    const paths = flattenMenu(menuFor(routes, everyone)).map((e) => e.path);
    for (const hidden of ['/login', '/account/password', '*']) assert.ok(!paths.includes(hidden), hidden);
  });
});

describe('menuFor on synthetic routes', () => {
  const all = accessFor(me('sys_admin', 'audit_admin', 'dept_staff'));
  const none: Access = { ...accessFor(me('dept_staff')), canSeeProjects: false };
  const load = () => Promise.resolve({});

  it('keeps order, icons and nesting', () => {
    const source: MenuSource[] = [
      { path: '/a', name: 'A', icon: 'home', access: 'authenticated', load },
      {
        path: '/g',
        name: 'G',
        icon: 'setting',
        access: 'authenticated',
        children: [
          { path: '/g/x', name: 'X', access: 'canAdminOrgs', load },
          { path: '/g/y', name: 'Y', access: 'canReadAudit', load },
        ],
      },
    ];
    assert.deepEqual(menuFor(source, all), [
      { path: '/a', name: 'A', icon: 'home' },
      {
        path: '/g',
        name: 'G',
        icon: 'setting',
        children: [
          { path: '/g/x', name: 'X' },
          { path: '/g/y', name: 'Y' },
        ],
      },
    ]);
  });

  it('drops hidden, public and denied entries', () => {
    const source: MenuSource[] = [
      { path: '/hidden', name: 'H', access: 'authenticated', hideInMenu: true, load },
      { path: '/public', name: 'P', load },
      { path: '/denied', name: 'D', access: 'canSeeProjects', load },
      { path: '/ok', name: 'OK', access: 'authenticated', load },
    ];
    assert.deepEqual(names(menuFor(source, none)), ['OK']);
  });

  it('drops a page-less group whose children are all denied, keeps a group that has a page', () => {
    const children: MenuSource[] = [{ path: '/g/x', name: 'X', access: 'canSeeProjects', load }];
    const source: MenuSource[] = [
      { path: '/g', name: 'Group', access: 'authenticated', children },
      { path: '/h', name: 'WithPage', access: 'authenticated', load, children },
    ];
    assert.deepEqual(menuFor(source, none), [{ path: '/h', name: 'WithPage' }]);
  });

  it('hides the children of a denied group even when they are allowed', () => {
    const source: MenuSource[] = [
      {
        path: '/g',
        name: 'G',
        access: 'canSeeProjects',
        children: [{ path: '/g/x', name: 'X', access: 'authenticated', load }],
      },
    ];
    assert.deepEqual(menuFor(source, none), []);
  });

  it('flattens a menu into its pages', () => {
    const source: MenuSource[] = [
      { path: '/a', name: 'A', access: 'authenticated', load },
      {
        path: '/g',
        name: 'G',
        access: 'authenticated',
        children: [
          { path: '/g/x', name: 'X', access: 'authenticated', load },
          { path: '/g/y', name: 'Y', access: 'authenticated', load },
        ],
      },
    ];
    assert.deepEqual(
      flattenMenu(menuFor(source, all)).map((e) => e.path),
      ['/a', '/g/x', '/g/y'],
    );
  });
});

describe('the route table', () => {
  const flat = (entries: RouteEntry[]): RouteEntry[] =>
    entries.flatMap((e) => [e, ...flat(e.children ?? [])]);

  it('has unique paths', () => {
    const paths = flat(routes).map((e) => e.path);
    assert.equal(new Set(paths).size, paths.length);
  });

  it('names only access keys that exist', () => {
    for (const entry of flat(routes)) {
      if (entry.access !== undefined) assert.ok(ACCESS_KEYS.includes(entry.access), entry.path);
    }
  });

  it('protects every page of the signed-in layout and leaves only layout-less pages public', () => {
    for (const entry of flat(routes)) {
      if (entry.layout === false) assert.equal(entry.access, undefined, entry.path);
      else assert.notEqual(entry.access, undefined, entry.path);
    }
  });

  it('gives every entry a page or children, and nests children under their parent’s path', () => {
    for (const entry of flat(routes)) {
      assert.ok(entry.load || entry.children?.length, entry.path);
      for (const child of entry.children ?? [])
        assert.ok(child.path.startsWith(`${entry.path}/`), child.path);
    }
  });

  it('registers the pages of issue 2', () => {
    const byPath = new Map(flat(routes).map((e) => [e.path, e]));
    assert.equal(byPath.get('/')?.name, '工作台');
    assert.equal(byPath.get('/rulebooks')?.access, 'canSeeRulebooks');
    assert.equal(byPath.get('/admin/organisations')?.access, 'canAdminOrgs');
    assert.equal(byPath.get('/admin/users')?.access, 'canAdminUsers');
    assert.equal(byPath.get('/audit')?.access, 'canReadAudit');
    assert.equal(byPath.get('/account/password')?.hideInMenu, true);
    assert.equal(byPath.get('/login')?.layout, false);
    assert.equal(byPath.get('*')?.hideInMenu, true);
  });
});
