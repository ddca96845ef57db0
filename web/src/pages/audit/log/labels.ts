/**
 * The audit log in words (issue 17 item 9): action codes as the server's own catalogue names them
 * (shared/audit-actions.ts, pure data shared with the server), object types in Chinese.
 */
import { AUDIT_ACTIONS, auditActionName } from '../../../../../shared/audit-actions.ts';

export { auditActionName };

export const ACTION_OPTIONS = Object.entries(AUDIT_ACTIONS).map(([value, label]) => ({
  value,
  label: `${label}（${value}）`,
}));

const OBJECT_TYPES: Record<string, string> = {
  user: '用户',
  project: '项目',
  plan: '规划（计划）',
  catalog: '目录',
  audit_events: '审计日志',
  organisation: '组织机构',
  information_resource: '信息资源',
  information_system: '信息系统',
  cloud_service: '云服务',
  installation: '系统安装',
  rulebook: '规则集',
  route: '接口',
  notification: '通知',
  list: '清单',
  jurisdiction: '辖区',
  calendar_year: '节假日年度',
  session: '会话',
  role_assignment: '角色授权',
};

export function objectTypeName(type: string | null): string {
  if (!type) return '';
  return OBJECT_TYPES[type] ?? type;
}

/** `项目 3f2a…c9d1` — a uuid shortened for reading; the full id stays in the tooltip and the copy. */
export function shortId(id: string): string {
  return /^[0-9a-f-]{36}$/i.test(id) ? `${id.slice(0, 8)}…${id.slice(-4)}` : id;
}
