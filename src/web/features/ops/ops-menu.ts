import type { Messages } from '../../i18n/ja';

/**
 * The console's side menu. Other parts of the operator plane (お知らせ, 障害, 問い合わせ,
 * メールログ, バックアップ, 削除記録) add their entry here and their route in ops-routes.
 */
export interface OpsMenuItem {
  to: string;
  label: (t: Messages) => string;
}

export const opsMenuItems: OpsMenuItem[] = [
  { to: '/ops/tenants', label: (t) => t.ops.nav.tenants },
  { to: '/ops/incidents', label: (t) => t.incidents.nav },
  { to: '/ops/inquiries', label: (t) => t.inquiries.opsTitle },
  { to: '/ops/announcements', label: (t) => t.ops.nav.announcements },
  { to: '/ops/mail-log', label: (t) => t.ops.nav.mailLog },
  { to: '/ops/audit-log', label: (t) => t.ops.nav.audit },
  { to: '/ops/account', label: (t) => t.ops.nav.account },
];
