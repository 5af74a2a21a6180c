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
  'announcement.created': 'お知らせを作成',
  'announcement.updated': 'お知らせを修正',
  'announcement.published': 'お知らせを公開',
  'announcement.unpublished': 'お知らせの公開を取り消し',
  'announcement.deleted': 'お知らせを削除',
} as const;

export type OperatorAuditEvent = keyof typeof operatorAuditEvents;
