/**
 * 法人格 words a name query may leave out at either end: a user types 株式会社山田商店,
 * (株)山田商店 or ㈱山田商店 (NFKC gives (株)) for the customer registered as 山田商店(株), so
 * only the rest of the query has to appear in the name. One in the middle (山田商事(株)大阪支店)
 * is part of the name as registered and stays.
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

const legalFormAlternatives = LEGAL_FORMS.map((word) =>
  word.replace(/[()]/g, (char) => `\\${char}`),
).join('|');
const leadingOrTrailingLegalForm = new RegExp(
  `^(?:\\s*(?:${legalFormAlternatives}))+|(?:(?:${legalFormAlternatives})\\s*)+$`,
  'g',
);

/**
 * A normalised query (normalizeForSearch) without a 法人格 at either end: what a name must
 * contain. A query that is nothing but 法人格 is searched as typed.
 */
export function searchCore(normalizedQuery: string): string {
  const core = normalizedQuery.replace(leadingOrTrailingLegalForm, '').trim();
  return core === '' ? normalizedQuery : core;
}
