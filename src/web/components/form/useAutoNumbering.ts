import { useQuery } from '@tanstack/react-query';
import type { NumberedMaster } from '../../../domain/masters/code-numbering';
import { codeNumberingQueryOptions } from '../../api/partners';

/** Whether new records of `kind` may leave the code empty (自動採番 on). */
export function useAutoNumbering(kind: NumberedMaster): boolean {
  const numbering = useQuery(codeNumberingQueryOptions);
  return numbering.data?.items.some((item) => item.kind === kind && item.isAuto) ?? false;
}
