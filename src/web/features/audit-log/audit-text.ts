import type { AuditEntry } from '../../../server/modules/audit-log/audit-log.schema';
import type { Messages } from '../../i18n/ja';

export function actorText(entry: AuditEntry, t: Messages): string {
  if (!entry.actorLabel) return t.auditLog.system;
  return entry.actorName ? `${entry.actorName}（${entry.actorLabel}）` : entry.actorLabel;
}

export function targetTypeLabel(type: string, t: Messages): string {
  return t.auditLog.targetTypes[type as keyof Messages['auditLog']['targetTypes']] ?? type;
}

export function targetText(entry: AuditEntry, t: Messages): string {
  if (!entry.targetType) return '';
  const type = targetTypeLabel(entry.targetType, t);
  return entry.targetId ? `${type} ${entry.targetId}` : type;
}
