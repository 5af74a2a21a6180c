import type { OutgoingMail } from '../../platform/mail/enqueue-mail';

/** Plain-text Japanese mails of the self-service password reset. */
interface Recipient {
  tenantName: string;
  userName: string;
  loginId: string;
}

const FOOTER = [
  '',
  '--',
  'Akinai 販売管理',
  'このメールは送信専用です。返信いただいてもお答えできません。',
];

export function resetLinkMail(to: string, who: Recipient, link: string): OutgoingMail {
  return {
    kind: 'password_reset',
    recipients: [to],
    subject: '【Akinai】パスワード再設定のご案内',
    body: [
      `${who.userName} 様`,
      '',
      `${who.tenantName} の Akinai で、ログインID「${who.loginId}」のパスワード再設定が要求されました。`,
      '下記のリンクを開き、新しいパスワードを設定してください。',
      '',
      link,
      '',
      'このリンクの有効期限は30分間で、一度だけ使用できます。',
      'お心当たりがない場合は、このメールを破棄してください。パスワードは変更されません。',
      ...FOOTER,
    ].join('\n'),
  };
}

export function noEmailAdminNotice(to: readonly string[], who: Recipient): OutgoingMail {
  return {
    kind: 'password_reset_admin_notice',
    recipients: to,
    subject: '【Akinai】メールアドレス未登録の担当者からパスワード再設定の要求がありました',
    body: [
      `${who.tenantName} 組織管理者 様`,
      '',
      `担当者「${who.userName}」(ログインID「${who.loginId}」) がパスワードの再設定を要求しましたが、`,
      'この担当者にはメールアドレスが登録されていないため、再設定のご案内を送信できませんでした。',
      '',
      'ご本人からの依頼であることを確認のうえ、担当者の管理画面で初期パスワードを再発行してください。',
      'お心当たりがない場合は、このメールを破棄してください。',
      ...FOOTER,
    ].join('\n'),
  };
}

export function passwordChangedNotice(to: string, who: Recipient): OutgoingMail {
  return {
    kind: 'password_changed',
    recipients: [to],
    subject: '【Akinai】パスワードが変更されました',
    body: [
      `${who.userName} 様`,
      '',
      `${who.tenantName} の Akinai で、ログインID「${who.loginId}」のパスワードが再設定により変更されました。`,
      'ログイン中だったすべての端末はログアウトされています。',
      '',
      'お心当たりがない場合は、至急、組織管理者にご連絡ください。',
      ...FOOTER,
    ].join('\n'),
  };
}
