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
import type { Tx } from '../platform/db/client.ts';
import { jurisdictions, organisations, users } from '../platform/db/schema.ts';
import { usccCheckChar } from './codes.ts';
import { normaliseName } from './dedupe.ts';
import type {
  CatalogProblem,
  CloudServiceInput,
  ResourceInput,
  ResourceState,
  SystemInput,
} from './model.ts';
import { cloudEntryKey } from './store/cloud.ts';
import { recomputeConflicts } from './store/conflicts.ts';
import {
  cloudServices,
  informationResources,
  informationSystems,
  resourceDataItems,
  systemResources,
  systemStatusEvents,
} from './tables.ts';
import { checkCloudService, checkResource, checkSystem, toCents } from './validate.ts';

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

interface DemoSystem {
  owner: string;
  name: string;
  purpose: string;
  status?: SystemInput['status'];
  deployment: SystemInput['deployment'];
  networks: SystemInput['networks'];
  dedicatedNetworkApproval?: string;
  mlpsLevel?: number;
  cloudMigration: SystemInput['cloudMigration'];
  cloudExemptionReason?: string;
  cloudMigrationDate?: string;
  shared?: number;
  /** Months before now when it was listed (default 14). */
  listed?: number;
  /** Months before now when it was retired. */
  retired?: number;
  /** Name of the system it was merged into (with `retired`). */
  mergedInto?: string;
  projectRefs?: string[];
}

const onCloud = (deployment: 'city_cloud' | 'district_cloud', date = '2021-06-30') => ({
  deployment,
  networks: ['extranet'] as SystemInput['networks'],
  cloudMigration: 'migrated' as const,
  cloudMigrationDate: date,
});

const SYSTEMS: Record<string, DemoSystem[]> = {
  DT: [
    {
      owner: '大同市教育局',
      name: '大同市教育管理公共服务平台',
      purpose: '全市教育政务服务、学校管理与教育统计',
      mlpsLevel: 3,
      shared: 5,
      ...onCloud('city_cloud'),
      networks: ['extranet', 'internet'],
    },
    {
      owner: '大同市教育局',
      name: '大同市中小学学籍管理系统',
      purpose: '中小学学籍注册、转学、升级与毕业管理',
      mlpsLevel: 2,
      shared: 2,
      ...onCloud('city_cloud', '2021-09-30'),
    },
    {
      owner: '大同市教育局',
      name: '大同市教育考试招生信息系统',
      purpose: '中考、高考报名与招生录取，运行于教育考试专网',
      deployment: 'own_machine_room',
      networks: ['dedicated'],
      dedicatedNetworkApproval: '晋教信〔2019〕12号',
      mlpsLevel: 3,
      cloudMigration: 'exempt',
      cloudExemptionReason: '依据《国家教育考试保密规定》，考试命题与录取数据须在考试专网内处理',
    },
    {
      owner: '大同市教育局',
      name: '大同市教育局办公自动化系统',
      purpose: '公文流转与内部办公，已整合进教育管理公共服务平台',
      deployment: 'own_machine_room',
      networks: ['extranet'],
      cloudMigration: 'not_started',
      retired: 3,
      mergedInto: '大同市教育管理公共服务平台',
    },
    {
      owner: '大同市卫生健康委员会',
      name: '大同市全民健康信息平台',
      purpose: '居民电子健康档案、电子病历共享与卫生统计',
      mlpsLevel: 3,
      shared: 8,
      ...onCloud('city_cloud', '2020-12-31'),
    },
    {
      owner: '大同市卫生健康委员会',
      name: '大同市预约挂号服务平台',
      purpose: '全市医疗机构统一预约挂号与号源管理',
      mlpsLevel: 2,
      ...onCloud('city_cloud', '2026-01-15'),
      networks: ['extranet', 'internet'],
      listed: 5,
      projectRefs: ['DT-2026-003'],
    },
    {
      owner: '大同市卫生健康委员会',
      name: '大同市旧版预约挂号系统',
      purpose: '原预约挂号系统，由新平台替代后停用报废',
      deployment: 'own_machine_room',
      networks: ['internet'],
      cloudMigration: 'not_started',
      retired: 2,
    },
    {
      owner: '大同市市场监督管理局',
      name: '大同市市场主体登记管理系统',
      purpose: '企业、个体工商户登记注册与年报公示',
      mlpsLevel: 3,
      shared: 6,
      ...onCloud('city_cloud', '2021-03-31'),
    },
    {
      owner: '大同市市场监督管理局',
      name: '大同市食品安全追溯平台',
      purpose: '食品生产经营全过程追溯',
      status: 'under_construction',
      ...onCloud('city_cloud', '2026-10-31'),
    },
    {
      owner: '大同市交通运输局',
      name: '大同市公交运营监管系统',
      purpose: '公交车辆定位、客流统计与运营考核',
      deployment: 'other_cloud',
      networks: ['internet'],
      mlpsLevel: 2,
      cloudMigration: 'planned',
      cloudMigrationDate: '2027-06-30',
    },
    {
      owner: '大同市交通运输局',
      name: '大同市交通运输综合执法系统',
      purpose: '交通运输行政执法案件办理',
      status: 'suspended',
      deployment: 'own_machine_room',
      networks: ['extranet'],
      cloudMigration: 'not_started',
    },
    {
      owner: '大同市数字政府服务中心',
      name: '大同市政务云管理平台',
      purpose: '市级政务云资源申请、分配与计量',
      mlpsLevel: 3,
      ...onCloud('city_cloud', '2019-12-31'),
    },
  ],
  SC: [
    {
      owner: '朔城区教育科技局',
      name: '朔城区智慧教育平台',
      purpose: '区域教学资源、在线教研与学生综合素质评价',
      mlpsLevel: 2,
      shared: 1,
      ...onCloud('district_cloud', '2022-08-31'),
    },
    {
      owner: '朔城区教育科技局',
      name: '朔城区校园安全视频监控系统',
      purpose: '中小学校园视频监控联网',
      deployment: 'own_machine_room',
      networks: ['extranet'],
      cloudMigration: 'planned',
      cloudMigrationDate: '2027-03-31',
    },
    {
      owner: '朔城区卫生健康和体育局',
      name: '朔城区基层医疗卫生信息系统',
      purpose: '乡镇卫生院、村卫生室诊疗与公共卫生服务',
      mlpsLevel: 3,
      shared: 2,
      ...onCloud('district_cloud', '2022-05-31'),
    },
    {
      owner: '朔城区卫生健康和体育局',
      name: '朔城区全民健身服务平台',
      purpose: '场馆预约与全民健身活动管理',
      status: 'under_construction',
      ...onCloud('district_cloud', '2026-12-31'),
      networks: ['internet'],
    },
    {
      owner: '朔城区市场监督管理局',
      name: '朔城区市场监管综合执法系统',
      purpose: '市场监管行政处罚案件办理',
      mlpsLevel: 2,
      ...onCloud('district_cloud', '2023-04-30'),
    },
    {
      owner: '朔城区市场监督管理局',
      name: '朔城区企业信用信息旧系统',
      purpose: '原企业信用信息归集系统，已由省级平台替代',
      deployment: 'own_machine_room',
      networks: ['extranet'],
      cloudMigration: 'not_started',
      retired: 4,
    },
  ],
  JC: [
    {
      owner: '城区教育局',
      name: '城区教育资源公共服务平台',
      purpose: '教学资源共享与学校管理',
      mlpsLevel: 2,
      ...onCloud('district_cloud', '2022-10-31'),
    },
    {
      owner: '城区教育局',
      name: '城区学生资助管理系统',
      purpose: '家庭经济困难学生资助申请与发放',
      mlpsLevel: 2,
      ...onCloud('district_cloud', '2023-02-28'),
    },
    {
      owner: '城区住房和城乡建设管理局',
      name: '城区住房保障管理系统',
      purpose: '公租房申请、审核与配租',
      mlpsLevel: 2,
      ...onCloud('district_cloud', '2022-06-30'),
    },
    {
      owner: '城区住房和城乡建设管理局',
      name: '城区建筑工地扬尘监测系统',
      purpose: '建筑工地扬尘在线监测与预警',
      deployment: 'other_cloud',
      networks: ['internet'],
      cloudMigration: 'migrating',
      cloudMigrationDate: '2027-01-31',
    },
    {
      owner: '城区西街街道办事处',
      name: '西街街道网格化社会治理系统',
      purpose: '网格事件上报、派发与处置',
      deployment: 'own_machine_room',
      networks: ['extranet'],
      cloudMigration: 'planned',
      cloudMigrationDate: '2027-06-30',
    },
  ],
  XZ: [
    {
      owner: '忻州市公路事业发展中心',
      name: '忻州市公路养护管理系统',
      purpose: '公路病害巡查、养护计划与工程管理',
      mlpsLevel: 2,
      ...onCloud('city_cloud', '2022-09-30'),
    },
    {
      owner: '忻州市公路事业发展中心',
      name: '忻州市公路路网运行监测系统',
      purpose: '国省干线路网流量、气象与视频监测，接入交通运输行业专网',
      deployment: 'own_machine_room',
      networks: ['dedicated', 'extranet'],
      dedicatedNetworkApproval: '交通运输部交科技函〔2018〕301号',
      mlpsLevel: 3,
      cloudMigration: 'planned',
      cloudMigrationDate: '2027-09-30',
    },
    {
      owner: '忻州市道路运输服务中心',
      name: '忻州市道路运输管理系统',
      purpose: '道路运输经营许可、车辆与从业人员管理',
      mlpsLevel: 2,
      shared: 3,
      ...onCloud('city_cloud', '2021-11-30'),
    },
    {
      owner: '忻州市道路运输服务中心',
      name: '忻州市出租汽车监管平台',
      purpose: '出租汽车定位监控与服务质量考核',
      ...onCloud('city_cloud', '2023-05-31'),
      networks: ['internet'],
    },
  ],
};

interface DemoResource {
  provider: string;
  code: string;
  name: string;
  summary: string;
  registered: number;
  state: ResourceState;
  input: Partial<ResourceInput>;
}

const item = (name: string, dataType: ResourceInput['dataItems'][number]['dataType'], length?: number) => ({
  name,
  dataType,
  ...(length !== undefined ? { length } : {}),
});

const databaseShared = {
  formatClass: 'database' as const,
  formatType: '达梦',
  sharing: 'conditional' as const,
  sharingConditions: '仅限履职需要，经提供方审核同意后通过共享平台获取',
  sharingMethods: ['interface' as const],
  openness: 'none' as const,
  updateCycle: 'daily' as const,
  classified: false,
};

const RESOURCES: Record<string, DemoResource[]> = {
  DT: [
    {
      provider: '大同市教育局',
      code: '311001001/000001',
      name: '大同市学校基本信息',
      summary: '全市各级各类学校的名称、地址、办学类型和联系电话',
      registered: 12,
      state: 'published',
      input: {
        formatClass: 'spreadsheet',
        formatType: 'XLSX',
        sharing: 'unconditional',
        sharingMethods: ['file_download', 'table_exchange'],
        openness: 'unconditional',
        updateCycle: 'quarterly',
        dataItems: [
          item('学校名称', 'string', 100),
          item('学校地址', 'string', 200),
          item('办学类型', 'string', 20),
          item('联系电话', 'string', 20),
        ],
      },
    },
    {
      provider: '大同市教育局',
      code: '311001002/000001',
      name: '大同市教育考试命题信息',
      summary: '国家教育考试命题过程信息（涉密）',
      registered: 12,
      state: 'published',
      input: {
        ...databaseShared,
        sharingConditions: '仅限考试管理机构在保密环境内使用',
        classified: true,
        updateCycle: 'yearly',
        dataItems: [item('考试科目', 'string', 50), item('命题组别', 'string', 50), item('保密期限', 'date')],
      },
    },
    {
      provider: '大同市卫生健康委员会',
      code: '312001001/000001',
      name: '大同市医疗机构基本信息',
      summary: '全市医疗机构的名称、级别、诊疗科目和地址',
      registered: 11,
      state: 'published',
      input: {
        ...databaseShared,
        openness: 'conditional',
        openConditions: '用于科研与公共服务，须签署数据使用协议',
        updateCycle: 'monthly',
        dataItems: [
          item('医疗机构名称', 'string', 100),
          item('统一社会信用代码', 'string', 18),
          item('医院等级', 'string', 10),
          item('诊疗科目', 'text'),
          item('机构地址', 'string', 200),
        ],
      },
    },
    {
      provider: '大同市卫生健康委员会',
      code: '312001002/000001',
      name: '大同市执业医师注册信息',
      summary: '执业医师注册、变更与注销记录',
      registered: 6,
      state: 'registered',
      input: {
        ...databaseShared,
        sharing: 'none',
        sharingConditions: '涉及个人隐私，依据《中华人民共和国个人信息保护法》第十三条不予共享',
        sharingMethods: [],
        dataItems: [
          item('医师姓名', 'string', 50),
          item('执业证书编码', 'string', 30),
          item('执业范围', 'string', 100),
        ],
      },
    },
    {
      provider: '大同市市场监督管理局',
      code: '313001001/000001',
      name: '大同市食品经营许可信息',
      summary: '食品经营许可证的核发、变更与注销',
      registered: 4,
      state: 'under_review',
      input: {
        ...databaseShared,
        openness: 'unconditional',
        dataItems: [
          item('许可证编号', 'string', 30),
          item('经营者名称', 'string', 200),
          item('统一社会信用代码', 'string', 18),
          item('有效期至', 'date'),
        ],
      },
    },
    {
      provider: '大同市交通运输局',
      code: '314001001/000001',
      name: '大同市公交线路站点信息',
      summary: '公交线路、站点位置与首末班时间',
      registered: 10,
      state: 'published',
      input: {
        formatClass: 'self_describing',
        formatType: 'JSON',
        sharing: 'unconditional',
        sharingMethods: ['interface', 'file_download'],
        openness: 'unconditional',
        updateCycle: 'weekly',
        classified: false,
        dataItems: [
          item('线路名称', 'string', 50),
          item('站点名称', 'string', 50),
          item('经度', 'numeric'),
          item('纬度', 'numeric'),
          item('首班时间', 'string', 5),
        ],
      },
    },
  ],
  SC: [
    {
      provider: '朔城区教育科技局',
      code: '321001001/000001',
      name: '朔城区学生基本信息',
      summary: '区内中小学在校学生的身份与学籍信息',
      registered: 10,
      state: 'published',
      input: {
        ...databaseShared,
        relatedCodes: ['101001001/000001'],
        dataItems: [
          item('学生姓名', 'string', 50),
          item('公民身份号码', 'string', 18),
          item('出生日期', 'date'),
          item('就读学校', 'string', 100),
          item('监护人手机号码', 'string', 11),
        ],
      },
    },
    {
      provider: '朔城区卫生健康和体育局',
      code: '322001001/000001',
      name: '朔城区居民健康档案信息',
      summary: '辖区居民电子健康档案的基本信息与主要健康问题',
      registered: 8,
      state: 'under_review',
      input: {
        ...databaseShared,
        relatedCodes: ['101001001/000001'],
        dataItems: [
          item('姓名', 'string', 50),
          item('身份证号', 'string', 18),
          item('出生年月', 'string', 7),
          item('既往病史', 'text'),
          item('家庭住址', 'string', 200),
        ],
      },
    },
    {
      provider: '朔城区市场监督管理局',
      code: '323001001/000001',
      name: '朔城区市场主体登记信息',
      summary: '区内企业、个体工商户的登记信息',
      registered: 9,
      state: 'published',
      input: {
        ...databaseShared,
        sharing: 'unconditional',
        sharingConditions: undefined,
        sharingMethods: ['interface', 'table_exchange'],
        openness: 'unconditional',
        dataItems: [
          item('统一社会信用代码', 'string', 18),
          item('企业名称', 'string', 200),
          item('法定代表人', 'string', 50),
          item('成立日期', 'date'),
          item('注册资本', 'currency'),
        ],
      },
    },
  ],
  JC: [
    {
      provider: '城区住房和城乡建设管理局',
      code: '332001001/000001',
      name: '城区公租房房源信息',
      summary: '公租房小区、房源面积与配租状态',
      registered: 7,
      state: 'published',
      input: {
        ...databaseShared,
        openness: 'unconditional',
        dataItems: [
          item('小区名称', 'string', 100),
          item('房屋面积', 'numeric'),
          item('配租状态', 'string', 10),
        ],
      },
    },
  ],
  XZ: [
    {
      provider: '忻州市公路事业发展中心',
      code: '341001001/000001',
      name: '忻州市公路技术状况信息',
      summary: '国省干线公路技术状况评定结果',
      registered: 9,
      state: 'registered',
      input: {
        ...databaseShared,
        dataItems: [
          item('路线编号', 'string', 10),
          item('起点桩号', 'string', 20),
          item('技术状况指数', 'numeric'),
        ],
      },
    },
  ],
};

interface DemoCloud extends CloudServiceInput {
  status: 'draft' | 'approved' | 'published';
}

const TELECOM = '中国电信股份有限公司大同分公司';
const UNICOM = '中国联合网络通信有限公司朔州市分公司';

/**
 * The demo account that approves each jurisdiction's cloud catalog beside the authority, where the
 * rulebook asks for one (SC-12: 会同财政部门); elsewhere the authority approves alone.
 */
const CLOUD_CO_APPROVER: Readonly<Record<string, string>> = { SC: 'sc.finance' };

const CLOUD: Record<string, DemoCloud[]> = {
  DT: [
    {
      name: '云主机',
      category: 'iaas',
      spec: '4核8G',
      unit: '台·年',
      unitPrice: 3600,
      provider: TELECOM,
      status: 'published',
    },
    {
      name: '云主机',
      category: 'iaas',
      spec: '8核16G',
      unit: '台·年',
      unitPrice: 6800,
      provider: TELECOM,
      status: 'published',
    },
    {
      name: '对象存储',
      category: 'iaas',
      spec: '1TB',
      unit: 'TB·年',
      unitPrice: 1200,
      provider: TELECOM,
      status: 'published',
    },
    {
      name: '云数据库（达梦）',
      category: 'paas',
      spec: '4核8G 500GB',
      unit: '套·年',
      unitPrice: 15800.5,
      provider: TELECOM,
      status: 'published',
    },
    {
      name: '政务网站云防护',
      category: 'saas',
      spec: '单域名',
      unit: '个·年',
      unitPrice: 4800,
      provider: TELECOM,
      status: 'published',
      remarks: '含网页防篡改与 DDoS 防护',
    },
    {
      name: '容器服务',
      category: 'paas',
      spec: '10 节点',
      unit: '集群·年',
      unitPrice: 36000,
      provider: TELECOM,
      status: 'draft',
    },
  ],
  SC: [
    {
      name: '云主机',
      category: 'iaas',
      spec: '2核4G',
      unit: '台·年',
      unitPrice: 1800,
      provider: UNICOM,
      status: 'published',
    },
    {
      name: '云存储',
      category: 'iaas',
      spec: '500GB',
      unit: '块·年',
      unitPrice: 650,
      provider: UNICOM,
      status: 'published',
    },
    {
      name: '数据库服务（MySQL）',
      category: 'paas',
      spec: '2核4G 200GB',
      unit: '套·年',
      unitPrice: 6200,
      provider: UNICOM,
      status: 'approved',
    },
    {
      name: '统一身份认证',
      category: 'saas',
      spec: '不限用户数',
      unit: '套·年',
      unitPrice: 12000,
      provider: UNICOM,
      status: 'draft',
      remarks: '主管部门已审定，待财政部门审定',
    },
  ],
};

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
          code: `${jurisdiction}-XT-${String(sequence).padStart(5, '0')}`,
          name: input.name,
          nameKey: normaliseName(input.name),
          jurisdictionId: owner.jurisdictionId,
          ownerOrganisationId: owner.id,
          purpose: input.purpose,
          status: input.status,
          deployment: input.deployment,
          networks: input.networks,
          dedicatedNetworkApproval: input.dedicatedNetworkApproval ?? null,
          mlpsLevel: input.mlpsLevel ?? null,
          projectRefs: input.projectRefs,
          sharedOnPlatform: input.sharedOnPlatform,
          sharedResourceCount: input.sharedResourceCount,
          cloudMigration: input.cloudMigration,
          cloudExemptionReason: input.cloudExemptionReason ?? null,
          cloudMigrationDate: input.cloudMigrationDate ?? null,
          retirementDate: input.retirementDate ?? null,
          mergedIntoId,
          remarks: null,
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
          code: input.code,
          prefix: sequencePrefix,
          sequence,
          category: input.category,
          name: input.name,
          nameKey: normaliseName(input.name),
          providerOrganisationId: provider.id,
          jurisdictionId: provider.jurisdictionId,
          providerCode: input.providerCode,
          summary: input.summary,
          formatClass: input.formatClass,
          formatType: input.formatType ?? null,
          sharing: input.sharing,
          sharingConditions: input.sharingConditions ?? null,
          sharingMethods: input.sharingMethods,
          openness: input.openness,
          openConditions: input.openConditions ?? null,
          updateCycle: input.updateCycle,
          publishedDate: input.publishedDate ?? null,
          relatedCodes: input.relatedCodes,
          sourceSystem: input.sourceSystem ?? null,
          classified: input.classified,
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
        code: `${jurisdiction}-YF-${String(sequence).padStart(5, '0')}`,
        jurisdictionId: authority.jurisdictionId,
        name: input.name,
        category: input.category,
        spec: input.spec,
        unit: input.unit,
        unitPriceCents: toCents(input.unitPrice),
        provider: input.provider,
        remarks: input.remarks ?? null,
        entryKey: cloudEntryKey(input),
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
