/**
 * The closed list of audit events. Adding an event is a deliberate change reviewed here;
 * the database stores the string, so never rename one that has been written.
 */
export const auditEvents = {
  'tenant.created': '組織を作成',
  'auth.login_succeeded': 'ログイン',
  'auth.login_failed': 'ログイン失敗',
  'auth.logout': 'ログアウト',
  'user.created': '担当者を登録',
  'permission_group.created': 'アクセス権限グループを作成',
  'customer.created': '得意先を登録',
  'customer.updated': '得意先を修正',
} as const;

export type AuditEvent = keyof typeof auditEvents;
