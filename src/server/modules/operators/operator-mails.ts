import { formatJst } from '../../platform/http/health';
import type { OutgoingMail } from '../../platform/mail/enqueue-mail';

/** Plain-text Japanese mails sent to tenants about operator actions and sign-up. */
const FOOTER = [
  '',
  '--',
  'Akinai 販売管理',
  'このメールは送信専用です。返信いただいてもお答えできません。',
];

export function breakGlassMail(
  to: readonly string[],
  grant: { tenantName: string; operatorLoginId: string; reason: string; expiresAt: Date },
): OutgoingMail {
  return {
    kind: 'break_glass_notice',
    recipients: to,
    subject: '【Akinai】運用者による緊急アクセスのお知らせ',
    body: [
      `${grant.tenantName} 組織管理者 各位`,
      '',
      'Akinai の運用者が、サポートのため貴組織のデータへの一時的なアクセス権を取得しました。',
      '',
      `運用者: ${grant.operatorLoginId}`,
      `理由: ${grant.reason}`,
      `有効期限: ${formatJst(grant.expiresAt).slice(0, 16).replace('T', ' ')}（日本時間）`,
      '',
      'この記録は「操作ログ」にも残っています。お心当たりがない場合はお問い合わせください。',
      ...FOOTER,
    ].join('\n'),
  };
}

export function welcomeMail(
  to: string,
  who: {
    tenantName: string;
    tenantCode: string;
    adminName: string;
    loginId: string;
    trialEndsAt: Date;
    loginUrl: string;
  },
): OutgoingMail {
  return {
    kind: 'signup_welcome',
    recipients: [to],
    subject: '【Akinai】無料トライアルのお申し込みありがとうございます',
    body: [
      `${who.adminName} 様`,
      '',
      `${who.tenantName} の Akinai 無料トライアルを開始しました。`,
      '',
      `組織コード: ${who.tenantCode}`,
      `ログインID: ${who.loginId}`,
      `トライアル期限: ${formatJst(who.trialEndsAt).slice(0, 10)}（日本時間）`,
      '',
      `ログイン: ${who.loginUrl}`,
      '',
      'パスワードはお申し込み時に設定したものをお使いください。',
      ...FOOTER,
    ].join('\n'),
  };
}
