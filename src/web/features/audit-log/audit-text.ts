import type { AuditEntry } from '../../../server/modules/audit-log/audit-log.schema';
import type { Messages } from '../../i18n/ja';

export function actorText(entry: AuditEntry, t: Messages): string {
  if (!entry.actorLabel) return t.auditLog.system;
  return entry.actorName ? `${entry.actorName}（${entry.actorLabel}）` : entry.actorLabel;
}

export function targetTypeLabel(type: string, t: Messages): string {
  return t.auditLog.targetTypes[type as keyof Messages['auditLog']['targetTypes']] ?? type;
}

/**
 * A name people recognise, taken from what the entry recorded (name or login ID), so the list
 * reads 「アクセス権限グループ「営業」」 rather than a UUID; the id stays in the details.
 */
export function targetName(entry: AuditEntry): string | null {
  for (const side of [entry.after, entry.before]) {
    if (side && typeof side === 'object') {
      const record = side as Record<string, unknown>;
      const name = record.name ?? record.loginId ?? record.code;
      if (typeof name === 'string' && name !== '') return name;
    }
  }
  return null;
}

export function targetText(entry: AuditEntry, t: Messages): string {
  if (!entry.targetType) return '';
  const type = targetTypeLabel(entry.targetType, t);
  const name = targetName(entry);
  if (name) return `${type}「${name}」`;
  return entry.targetId ? `${type} ${entry.targetId}` : type;
}

export function targetDetailText(entry: AuditEntry, t: Messages): string {
  const text = targetText(entry, t);
  return entry.targetId && targetName(entry) ? `${text}（${entry.targetId}）` : text;
}
