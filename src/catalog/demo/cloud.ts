/** The demo cloud service catalogs (seeded by ./index.ts). */
import type { CloudServiceInput } from '../model.ts';

export interface DemoCloud extends CloudServiceInput {
  status: 'draft' | 'approved' | 'published';
}

const TELECOM = '中国电信股份有限公司大同分公司';
const UNICOM = '中国联合网络通信有限公司朔州市分公司';

/**
 * The demo account that approves each jurisdiction's cloud catalog beside the authority, where the
 * rulebook asks for one (SC-12: 会同财政部门); elsewhere the authority approves alone.
 */
export const CLOUD_CO_APPROVER: Readonly<Record<string, string>> = { SC: 'sc.finance' };

export const CLOUD: Record<string, DemoCloud[]> = {
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
