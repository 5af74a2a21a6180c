/**
 * 法人格 words a name query leaves out: a user types 株式会社山田商店, (株)山田商店 or ㈱山田商店
 * (NFKC gives (株)) for the customer registered as 山田商店(株), so only the rest of the query
 * has to appear in the name. 株式会社 alone, in most names of a master, finds no name.
 */
export const LEGAL_FORMS = [
  '株式会社',
  '有限会社',
  '合同会社',
  '合資会社',
  '合名会社',
  '一般社団法人',
  '一般財団法人',
  '公益社団法人',
  '公益財団法人',
  '特定非営利活動法人',
  '医療法人',
  '社会福祉法人',
  '学校法人',
  '(株)',
  '(有)',
  '(同)',
  '(資)',
  '(名)',
  '(社)',
  '(財)',
  '(医)',
  '(福)',
  '(学)',
  '(特非)',
] as const;

const legalForm = new RegExp(
  LEGAL_FORMS.map((word) => word.replace(/[()]/g, (char) => `\\${char}`)).join('|'),
  'g',
);

/** A normalised query (normalizeForSearch) without its 法人格: what a name must contain. */
export function searchCore(normalizedQuery: string): string {
  return normalizedQuery.replace(legalForm, '').trim();
}
