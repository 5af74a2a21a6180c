import { formatJst } from '../../platform/http/health';
import type { OutgoingMail } from '../../platform/mail/enqueue-mail';
import type { IncidentSeverity } from './incident.schema';

const severityLabels: Record<IncidentSeverity, string> = {
  critical: '重大',
  major: '重要',
  minor: '軽微',
};
const statusLabels: Record<string, string> = {
  investigating: '調査中',
  identified: '原因特定',
  monitoring: '経過観察',
  resolved: '解消',
};

export const jstMinute = (instant: Date) =>
  `${formatJst(instant).slice(0, 16).replace('T', ' ')}（日本時間）`;

interface NoticeFacts {
  tenantName: string;
  title: string;
  severity: IncidentSeverity;
  status: string;
  detectedAt: Date;
  message: string;
  statusUrl: string;
}

/** The mail one affected tenant receives when an incident is declared, updated or resolved. */
export function incidentMail(
  kind: 'declared' | 'updated' | 'resolved',
  to: readonly string[],
  facts: NoticeFacts,
): OutgoingMail {
  const heading = {
    declared: '障害発生のお知らせ',
    updated: '障害の経過報告',
    resolved: '障害解消のお知らせ',
  }[kind];
  return {
    kind: `incident_${kind}`,
    recipients: to,
    subject: `【Akinai】${heading}: ${facts.title}`,
    body: [
      `${facts.tenantName} ご担当者様`,
      '',
      kind === 'resolved'
        ? '下記の障害は解消しました。ご不便をおかけし申し訳ありませんでした。'
        : 'Akinai で下記の障害が発生しております。ご不便をおかけし申し訳ありません。',
      '',
      `件名: ${facts.title}`,
      `影響度: ${severityLabels[facts.severity]}`,
      `状況: ${statusLabels[facts.status] ?? facts.status}`,
      `検知日時: ${jstMinute(facts.detectedAt)}`,
      '',
      facts.message,
      '',
      `最新の状況: ${facts.statusUrl}`,
      '',
      '--',
      'Akinai 販売管理',
      'このメールは送信専用です。',
    ].join('\n'),
  };
}
