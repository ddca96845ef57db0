/** The 目录管理 and 运行与安全 menus: systems, resources, cloud services, the system count; operations. */
import type { RouteEntry } from '../route-types.ts';

export const catalogRoutes: RouteEntry[] = [
  {
    path: '/catalog',
    name: '目录管理',
    icon: 'catalog',
    access: 'authenticated',
    children: [
      {
        path: '/catalog/systems',
        name: '系统目录',
        access: 'canSeeCatalogs',
        description: '政务信息系统目录：登记、修改、报废或并入（SC-10）',
        load: () => import('../pages/catalog/systems/index.tsx'),
      },
      {
        path: '/catalog/resources',
        name: '信息资源目录',
        access: 'canSeeCatalogs',
        description: '信息资源注册、审核、发布与下架，一数一源提示（DT-10、SC-26）',
        load: () => import('../pages/catalog/resources/index.tsx'),
      },
      {
        path: '/catalog/cloud-services',
        name: '云服务目录',
        access: 'canSeeCloudCatalog',
        description: '政务云 IaaS、PaaS、SaaS 服务及单价（DT-13、SC-12）',
        load: () => import('../pages/catalog/cloud-services/index.tsx'),
      },
      {
        path: '/catalog/system-count',
        name: '只减不增',
        access: 'canSeeSystemCount',
        description: '各月在册系统数，总量增加的月份标红（DT-01）',
        load: () => import('../pages/catalog/system-count/index.tsx'),
      },
    ],
  },
  {
    // 运行与安全 (issue 15): the records follow the system catalog's scope, so the catalog readers see them.
    path: '/operations',
    name: '运行与安全',
    icon: 'lock',
    access: 'canSeeCatalogs',
    children: [
      {
        path: '/operations/overview',
        name: '安全概览',
        access: 'canSeeCatalogs',
        description: '到期测评、逾期演练、未办结安全事件，可导出 Excel（DT-35、DT-36）',
        load: () => import('../pages/operations/overview/index.tsx'),
      },
      {
        path: '/operations/systems',
        name: '系统安全档案',
        access: 'canSeeCatalogs',
        description: '等保定级备案、测评、密评、风险评估、自主可控产品（DT-35、SC-28、XZ-31）',
        load: () => import('../pages/operations/systems/index.tsx'),
      },
      {
        path: '/operations/emergency-plans',
        name: '应急预案与演练',
        access: 'canSeeCatalogs',
        description: '预案版本与演练计划、举行情况（DT-36、SC-29、XZ-32）',
        load: () => import('../pages/operations/emergency-plans/index.tsx'),
      },
      {
        path: '/operations/incidents',
        name: '安全事件',
        access: 'canSeeCatalogs',
        description: '分级报告时限、处置记录、报备与更正（DT-36、SC-29、XZ-31、XZ-32）',
        load: () => import('../pages/operations/incidents/index.tsx'),
      },
      {
        path: '/operations/responsibilities',
        name: '数据质量责任',
        access: 'canSeeCatalogs',
        description: '资源的采集、校核与责任单位（DT-34、JC-06）',
        load: () => import('../pages/operations/responsibilities/index.tsx'),
      },
      {
        path: '/operations/base-libraries',
        name: '基础资源库',
        access: 'canSeeCatalogs',
        description: '六大基础资源库与责任单位（DT-33）',
        load: () => import('../pages/operations/base-libraries/index.tsx'),
      },
      {
        path: '/operations/internal-rules',
        name: '部门内部管理制度',
        access: 'canSeeCatalogs',
        description: '九项全生命周期管理制度登记与缺项（DT-05b）',
        load: () => import('../pages/operations/internal-rules/index.tsx'),
      },
      {
        path: '/operations/cloud',
        name: '上云与运维移交',
        access: 'canSeeCatalogs',
        description: '各部门上云情况、不上云申请审核、运维移交（XZ-08b、XZ-28、XZ-30）',
        load: () => import('../pages/operations/cloud/index.tsx'),
      },
      {
        path: '/operations/retirements',
        name: '停用报废',
        access: 'canSeeCatalogs',
        description: '申请、数据归档或迁移确认、审批，退出在册总数（DT-01）',
        load: () => import('../pages/operations/retirements/index.tsx'),
      },
      {
        path: '/operations/monitoring',
        name: '政务信息资源日常监测',
        access: 'canSeeCatalogs',
        description: '运行系统每日监测记录，缺漏日期标出（SC-27）',
        load: () => import('../pages/operations/monitoring/index.tsx'),
      },
    ],
  },
];
