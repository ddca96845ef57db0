/** The demo data resources per jurisdiction (seeded by ./index.ts). */
import type { ResourceInput, ResourceState } from '../model.ts';

export interface DemoResource {
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

export const RESOURCES: Record<string, DemoResource[]> = {
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
