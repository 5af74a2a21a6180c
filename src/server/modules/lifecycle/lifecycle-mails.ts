import { formatJapaneseDate } from '../../../domain/lifecycle/purge-policy';
import type { OutgoingMail } from '../../platform/mail/enqueue-mail';

/** The purge reminder (7 days and 1 day before), to the contact address and the admins. */
export function purgeReminderMail(
  recipients: readonly string[],
  tenant: { name: string; code: string },
  dates: { contractEndedAt: Date; purgeAt: Date },
  appOrigin: string | undefined,
): OutgoingMail {
  const purgeDate = formatJapaneseDate(dates.purgeAt);
  return {
    kind: 'purge_reminder',
    recipients,
    subject: `【Akinai】データ削除のお知らせ (${purgeDate} に削除されます)`,
    body: [
      `${tenant.name} ご担当者様`,
      '',
      `Akinai (組織コード: ${tenant.code}) のご契約は ${formatJapaneseDate(dates.contractEndedAt)} に終了しました。`,
      `お預かりしているデータは ${purgeDate} に、バックアップを含めてすべて削除されます。`,
      '削除したデータは復元できません。',
      '',
      '必要なデータは、削除日までに組織管理者の方が「全データのエクスポート」から',
      'ダウンロードしてください (表ごとの CSV、操作ログ、発行済みの帳票を ZIP でお渡しします)。',
      ...(appOrigin ? ['', `${appOrigin}/settings/data-export`] : []),
      '',
      '--',
      'Akinai 販売管理',
      'このメールは送信専用です。返信いただいてもお答えできません。',
    ].join('\n'),
  };
}
