/** The closed list of operator audit events (運用者の操作ログ); never rename a written one. */
export const operatorAuditEvents = {
  'operator.created': '運用者を作成',
  'operator.login_succeeded': 'ログイン',
  'operator.login_failed': 'ログイン失敗',
  'operator.login_locked': 'ログインを一時ロック',
  'operator.logout': 'ログアウト',
  'operator.password_changed': 'パスワードを変更',
  'operator.password_change_failed': 'パスワード変更に失敗',
  'operator.mfa_enabled': '2段階認証を設定',
  'operator.mfa_failed': '2段階認証に失敗',
  'tenant.created': '組織を作成',
  'tenant.converted': '有料契約に切り替え',
  'tenant.seat_limit_changed': '契約席数を変更',
  'tenant.contract_ended': '契約を終了',
  'break_glass.granted': '緊急アクセスを取得',
  'incident.recorded': '障害の検知を記録',
  'incident.declared': '障害を告知',
  'incident.updated': '障害の経過を報告',
  'incident.resolved': '障害の解消を告知',
  'inquiry.answered': '問い合わせに回答',
  'inquiry.closed': '問い合わせを終了',
} as const;

export type OperatorAuditEvent = keyof typeof operatorAuditEvents;
