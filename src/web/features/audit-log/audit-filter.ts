import type { AuditFilter } from '../../../server/modules/audit-log/audit-log.schema';

/** The filter form's state: strings as inputs hold them, '' meaning "any". */
export interface AuditFilterDraft {
  from: string;
  to: string;
  actorUserId: string;
  event: string;
  targetType: string;
  targetId: string;
}

export const emptyAuditFilter: AuditFilterDraft = {
  from: '',
  to: '',
  actorUserId: '',
  event: '',
  targetType: '',
  targetId: '',
};

export function toAuditFilter(draft: AuditFilterDraft): AuditFilter {
  const filter: Record<string, string> = {};
  for (const [key, value] of Object.entries(draft)) {
    if (value.trim() !== '') filter[key] = value.trim();
  }
  return filter as AuditFilter;
}
