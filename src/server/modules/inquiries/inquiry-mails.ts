import type { OutgoingMail } from '../../platform/mail/enqueue-mail';
import type { InquiryCategory } from './inquiry.schema';

export const inquiryCategoryLabels: Record<InquiryCategory, string> = {
  usage: '使い方',
  billing: '契約・請求',
  bug: '不具合',
  account: 'アカウント',
  other: 'その他',
};

/** To the provider's support address (SUPPORT_EMAIL) when a tenant asks something new. */
export function newInquiryMail(
  to: string,
  inquiry: {
    tenantCode: string;
    tenantName: string;
    userName: string;
    subject: string;
    category: InquiryCategory;
    body: string;
    consoleUrl: string;
  },
): OutgoingMail {
  return {
    kind: 'inquiry_received',
    recipients: [to],
    subject: `【Akinai 問い合わせ】${inquiry.tenantCode}: ${inquiry.subject}`,
    body: [
      `組織: ${inquiry.tenantName}（${inquiry.tenantCode}）`,
      `送信者: ${inquiry.userName}`,
      `種類: ${inquiryCategoryLabels[inquiry.category]}`,
      `件名: ${inquiry.subject}`,
      '',
      inquiry.body,
      '',
      `回答: ${inquiry.consoleUrl}`,
    ].join('\n'),
  };
}

/** To the user who asked, when the provider answers. */
export function inquiryAnsweredMail(
  to: string,
  answer: { userName: string; subject: string; body: string; url: string },
): OutgoingMail {
  return {
    kind: 'inquiry_answered',
    recipients: [to],
    subject: `【Akinai】お問い合わせへの回答: ${answer.subject}`,
    body: [
      `${answer.userName} 様`,
      '',
      'お問い合わせいただいた件について、Akinai サポートから回答しました。',
      '',
      `件名: ${answer.subject}`,
      '',
      answer.body,
      '',
      `やり取りの確認・返信: ${answer.url}`,
      '',
      '--',
      'Akinai 販売管理',
      'このメールへの返信ではなく、上記の画面からご返信ください。',
    ].join('\n'),
  };
}
