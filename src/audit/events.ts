/**
 * The catalogue of auditable events (SECURITY.md 19). Every write names one of these actions;
 * the Chinese name is what the audit log page shows.
 */
export const AUDIT_ACTIONS = {
  'system.bootstrap': '系统初始化',
  'demo.seed': '演示数据初始化',
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.lockout': '账户锁定',
  'auth.password_change': '修改密码',
  'auth.session_expired': '会话超时',
  'user.create': '创建用户',
  'user.update': '修改用户',
  'user.disable': '停用用户',
  'user.enable': '启用用户',
  'user.password_reset': '重置密码',
  'role.assign': '授予角色',
  'role.revoke': '撤销角色',
  'organisation.create': '创建组织机构',
  'organisation.update': '修改组织机构',
  'jurisdiction.create': '创建行政区划',
  'audit.query': '查询审计日志',
  'audit.verify': '校验审计链',
  'audit.export': '导出审计日志',
  'calendar.year_save': '维护节假日年度安排',
  'rulebook.derive': '派生规则集版本',
  'access.denied': '越权访问被拒绝',
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;
export type AuditOutcome = 'success' | 'failure' | 'denied' | 'refused';

export function auditActionName(action: string): string {
  return (AUDIT_ACTIONS as Record<string, string>)[action] ?? action;
}
