/** The demo systems per jurisdiction (seeded by ./index.ts). */
import type { SystemInput } from '../model.ts';

export interface DemoSystem {
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

export const SYSTEMS: Record<string, DemoSystem[]> = {
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
