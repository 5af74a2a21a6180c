/**
 * The closed list of audit events. Adding an event is a deliberate change reviewed here;
 * the database stores the string, so never rename one that has been written.
 */
export const auditEvents = {
  'tenant.created': '組織を作成',
  /** An operator restored the tenant's rows from a backup (npm run ops -- backup:restore). */
  'tenant.restored': '組織をバックアップから復元',
  /** The full ZIP export (every table, the log, documents) after or before contract end. */
  'tenant.data_exported': '全データをエクスポート',
  /** The lifecycle job ended a trial whose end date passed without conversion. */
  'tenant.trial_expired': '試用期間が終了',
  /** A reminder that the data will be deleted (7 days / 1 day before); after: which one. */
  'tenant.purge_reminder_sent': 'データ削除予定のお知らせを送信',
  /** Operator actions on the tenant's contract: actor label 「運用者 <login ID>」 (ADR 0016). */
  'tenant.converted': '有料契約に切り替え',
  'tenant.seat_limit_changed': '契約席数を変更',
  'tenant.contract_ended': '契約を終了',
  /** An operator was granted time-limited support access; after holds reason and expiry. */
  'support.break_glass_granted': '運用者の緊急アクセスを許可',
  /** 問い合わせ to the provider (ADR 0020); the provider's answers are in the operator log. */
  'inquiry.created': '問い合わせを送信',
  'inquiry.replied': '問い合わせに返信',
  'auth.login_succeeded': 'ログイン',
  'auth.login_failed': 'ログイン失敗',
  'auth.logout': 'ログアウト',
  'auth.password_changed': 'パスワードを変更',
  /** A wrong password where a signed-in user must prove it is them (e.g. before MFA enrolment). */
  'auth.reauthentication_failed': '本人確認に失敗',
  /** A wrong current password on the change form: counted like a failed sign-in. */
  'auth.password_change_failed': 'パスワード変更に失敗',
  /** Actor is the user the reset is for; the token is never written, only who was mailed. */
  'auth.password_reset_requested': 'パスワード再設定を要求',
  'auth.password_reset_completed': 'パスワードを再設定',
  /** A login ID or client IP reached the failure threshold and is locked for a while. */
  'auth.login_locked': 'ログインを一時ロック',
  /** The password was right; the TOTP code is still to come. */
  'auth.mfa_challenged': '2段階認証コードを要求',
  'auth.mfa_verified': '2段階認証に成功',
  'auth.mfa_failed': '2段階認証に失敗',
  'auth.mfa_enabled': '2段階認証を設定',
  'auth.mfa_disabled': '2段階認証を解除',
  /** The user ended one or all other of their own sessions. */
  'auth.session_revoked': 'ログイン中の端末を終了',
  'user.unlocked': '担当者のログインロックを解除',
  'user.mfa_reset': '担当者の2段階認証をリセット',
  'settings.mfa_updated': '2段階認証の設定を変更',
  'user.created': '担当者を登録',
  'user.updated': '担当者を修正',
  'user.deleted': '担当者を削除',
  /** Granting or removing 組織管理者 is recorded on its own, apart from other edits. */
  'user.org_admin_granted': '組織管理者に設定',
  'user.org_admin_revoked': '組織管理者を解除',
  /** The issuing admin is the actor; the password itself is never written. */
  'user.initial_password_issued': '初期パスワードを発行',
  /** Disabling or deleting a user ends their sessions at once. */
  'user.sessions_revoked': '担当者のセッションを終了',
  /** Issuing and revoking are recorded; each use is not (last_used_at shows it). */
  'api_token.created': 'APIトークンを発行',
  'api_token.revoked': 'APIトークンを無効化',
  'settings.system_updated': 'システム設定を変更',
  'settings.code_numbering_updated': 'コードの自動採番設定を変更',
  /** Copies (コピーして作成) are creations whose `after` names the source group. */
  'permission_group.created': 'アクセス権限グループを作成',
  /** Renames and grant changes; before/after hold the name and the full permission lists. */
  'permission_group.updated': 'アクセス権限グループを修正',
  'permission_group.deleted': 'アクセス権限グループを削除',
  /** Reading the log out of the system is itself recorded, with the filters used. */
  'audit_log.exported': '操作ログをCSV出力',
  /** 得意先・仕入先・商品・得意先別単価 written to CSV/XLSX (ADR 0022); after = master, format, rows. */
  'master_data.exported': 'マスタをファイル出力',
  'customer.created': '得意先を登録',
  'customer.updated': '得意先を修正',
  'customer.deleted': '得意先を削除',
  /** One event per import (ADR 0022): counts and a digest; per-record cells in import_job_records. */
  'customer.imported': '得意先を取り込み',
  /** Bulk assignment or an item's deletion; before/after hold { axisId, itemId }. */
  'customer.classification_changed': '得意先の分類を変更',
  'supplier.created': '仕入先を登録',
  'supplier.updated': '仕入先を修正',
  'supplier.deleted': '仕入先を削除',
  'supplier.imported': '仕入先を取り込み',
  'supplier.classification_changed': '仕入先の分類を変更',
  'department.created': '部門を登録',
  'department.updated': '部門を修正',
  'department.deleted': '部門を削除',
  'project.created': '物件を登録',
  'project.updated': '物件を修正',
  'project.deleted': '物件を削除',
  'product.created': '商品を登録',
  'product.updated': '商品を修正',
  'product.deleted': '商品を削除',
  'product.imported': '商品を取り込み',
  /** 得意先別単価 and 相手先商品コード; targetId is the price row, before/after name the product. */
  'customer_price.created': '得意先別単価を登録',
  'customer_price.updated': '得意先別単価を修正',
  'customer_price.deleted': '得意先別単価を削除',
  'customer_price.imported': '得意先別単価を取り込み',
  /** targetId 'defaults': the starting list a new organisation gets. */
  'unit.created': '単位を追加',
  'unit.updated': '単位を修正',
  'unit.deleted': '単位を削除',
  /** targetId 'defaults': the starting axes a new organisation gets. */
  'classification_axis.created': '分類を追加',
  'classification_axis.updated': '分類を修正',
  /** Both list the new order (axisId or itemId with sortOrder) before and after. */
  'classification_axis.reordered': '分類の並び順を変更',
  'classification_axis.deleted': '分類を削除',
  'classification_item.created': '分類項目を追加',
  'classification_item.updated': '分類項目を修正',
  'classification_item.reordered': '分類項目の並び順を変更',
  /** `after` tells what happened to the partners that used it (moved / cleared, count). */
  'classification_item.deleted': '分類項目を削除',
  'tax_rate.created': '税率を追加',
  'tax_rate.updated': '税率を修正',
  'tax_rate.deleted': '税率を削除',
  /** A preset put back as shipped: the tenant's override row is removed. */
  'tax_rate.reset': '税率を初期状態に戻す',
  /** 自社情報: before/after hold only the changed fields. */
  'company.profile_updated': '自社情報を変更',
  'company.bank_account_created': '振込先を登録',
  'company.bank_account_updated': '振込先を修正',
  'company.bank_account_deleted': '振込先を削除',
  /** targetId 'logo' or 'seal'; the image's size, type and SHA-256, never its bytes. */
  'company.image_uploaded': '自社画像を登録',
  'company.image_deleted': '自社画像を削除',
  /** targetId is the document type (invoice, quote …). */
  'company.print_settings_updated': '帳票設定を変更',
  'company.entry_checks_updated': '伝票入力チェックを変更',
} as const;

export type AuditEvent = keyof typeof auditEvents;
