import { and, asc, eq } from 'drizzle-orm';
import { holidayShifts } from '../../../../domain/billing/closing-dates';
import {
  dayListValue,
  dayValue,
  foldWidth,
  integerValue,
} from '../../../../domain/masters/cell-text';
import { roundingModes } from '../../../../domain/numbers/decimal';
import { closingKinds, paymentMethods, taxUnits } from '../../../../domain/partners/trade-terms';
import type { TenantTransaction } from '../../../platform/db/tenant-transaction';
import { users } from '../../identity/user.table';
import {
  booleanColumn,
  choiceColumn,
  codeColumn,
  decimalColumn,
  integerColumn,
  type MasterColumn,
  textColumn,
} from '../../master-io/master-columns';
import { departments } from '../../masters/departments/department.table';
import type {
  ClassificationAssignment,
  PartnerType,
} from '../classifications/classification.schema';
import { classificationAxes, classificationItems } from '../classifications/classification.table';

/**
 * The spreadsheet columns 得意先 and 仕入先 share (ADR 0022): profile, terms, 担当者, 部門,
 * 使用区分 and one column per 分類 axis. The lookups live in a PartnerIoContext loaded once per
 * file; `partners` also learns the codes of the file's new rows (請求先 further down).
 */
export interface PartnerIoContext {
  partners: { idOf: Map<string, string>; codeOf: Map<string, string> };
  staff: { idOf: Map<string, string>; loginOf: Map<string, string> };
  departments: { idOf: Map<string, string>; codeOf: Map<string, string> };
  axes: {
    axisId: string;
    name: string;
    items: { itemId: string; code: string; name: string }[];
  }[];
}

export async function loadPartnerContext(
  tx: TenantTransaction,
  partnerType: PartnerType,
  partnerCodes: { id: string; code: string }[],
): Promise<PartnerIoContext> {
  const staffRows = await tx.db
    .select({ id: users.userId, loginId: users.loginId, name: users.name })
    .from(users)
    .where(eq(users.tenantId, tx.tenantId));
  const departmentRows = await tx.db
    .select({ id: departments.departmentId, code: departments.code })
    .from(departments)
    .where(eq(departments.tenantId, tx.tenantId));
  const itemRows = await tx.db
    .select({
      axisId: classificationAxes.axisId,
      axisName: classificationAxes.name,
      itemId: classificationItems.itemId,
      code: classificationItems.code,
      name: classificationItems.name,
    })
    .from(classificationAxes)
    .leftJoin(
      classificationItems,
      and(
        eq(classificationItems.tenantId, classificationAxes.tenantId),
        eq(classificationItems.axisId, classificationAxes.axisId),
      ),
    )
    .where(
      and(
        eq(classificationAxes.tenantId, tx.tenantId),
        eq(classificationAxes.partnerType, partnerType),
      ),
    )
    .orderBy(asc(classificationAxes.sortOrder), asc(classificationItems.sortOrder));
  const axes: PartnerIoContext['axes'] = [];
  for (const row of itemRows) {
    let axis = axes.find((candidate) => candidate.axisId === row.axisId);
    if (!axis) {
      axis = { axisId: row.axisId, name: row.axisName, items: [] };
      axes.push(axis);
    }
    if (row.itemId && row.code !== null && row.name !== null) {
      axis.items.push({ itemId: row.itemId, code: row.code, name: row.name });
    }
  }
  const staffIdOf = new Map<string, string>();
  // A name is accepted too when only one user has it; the login ID always wins.
  const names = new Map<string, string | null>();
  for (const user of staffRows) names.set(user.name, names.has(user.name) ? null : user.id);
  for (const [name, id] of names) if (id) staffIdOf.set(name, id);
  for (const user of staffRows) staffIdOf.set(user.loginId, user.id);
  return {
    partners: {
      idOf: new Map(partnerCodes.map((p) => [p.code, p.id])),
      codeOf: new Map(partnerCodes.map((p) => [p.id, p.code])),
    },
    staff: { idOf: staffIdOf, loginOf: new Map(staffRows.map((u) => [u.id, u.loginId])) },
    departments: {
      idOf: new Map(departmentRows.map((d) => [d.code, d.id])),
      codeOf: new Map(departmentRows.map((d) => [d.id, d.code])),
    },
    axes,
  };
}

export function registerPartner(ctx: PartnerIoContext, code: string, id: string): void {
  ctx.partners.idOf.set(code, id);
  ctx.partners.codeOf.set(id, code);
}

type Col<I> = MasterColumn<I, PartnerIoContext>;

const MONTH_LABELS = ['当月', '翌月', '翌々月'];
const monthLabel = (months: number) => MONTH_LABELS[months] ?? `${months}か月後`;
const dayLabel = (day: number) => (day === 31 ? '末' : String(day));

export function profileColumns<I>(noun: string, codeExample: string): Col<I>[] {
  return [
    codeColumn(`${noun}コード`, 'code', codeExample, ['コード']),
    textColumn(`${noun}名`, 'name', '株式会社サンプル商事', ['名称', '名前']),
    textColumn('フリガナ', 'kana', 'サンプルショウジ', ['カナ', 'ﾌﾘｶﾞﾅ']),
    textColumn('略称', 'shortName', 'サンプル商事'),
    choiceColumn('敬称', 'honorific', {
      御中: { label: '御中' },
      様: { label: '様' },
      '': { label: 'なし' },
    }),
    codeColumn('郵便番号', 'postalCode', '100-0001', ['〒']),
    textColumn('住所1', 'address1', '東京都千代田区千代田1-1', ['住所']),
    textColumn('住所2', 'address2', 'サンプルビル3階'),
    codeColumn('電話番号', 'phone', '03-1234-5678', ['TEL', '電話']),
    codeColumn('FAX番号', 'fax', '03-1234-5679', ['FAX']),
    codeColumn('メールアドレス', 'email', 'info@example.co.jp', ['メール', 'E-mail']),
  ];
}

/** A reference to another partner of the same master, by code (請求先コード, 支払先コード). */
export function partnerReferenceColumn<I>(header: string, field: string, noun: string): Col<I> {
  return {
    header,
    field,
    example: '',
    text: (input, ctx) => {
      const id = (input as Record<string, string | null>)[field];
      return id ? (ctx.partners.codeOf.get(id) ?? '') : '';
    },
    parse: (text, ctx) => {
      const code = foldWidth(text);
      if (code === '') return { value: null };
      const id = ctx.partners.idOf.get(code);
      return id ? { value: id } : { error: `${header}「${code}」の${noun}が見つかりません` };
    },
  };
}

/** 締め・回収 (or 支払) terms, 担当者 and 部門. `flow` is 回収 for 得意先, 支払 for 仕入先. */
export function termsColumns<I>(flow: '回収' | '支払'): Col<I>[] {
  return [
    choiceColumn('締切区分', 'closingKind', closingKinds, {
      aliases: { 締請求: 'periodic', 締め: 'periodic', 手動締請求: 'manual', 都度: 'perSale' },
    }),
    {
      header: '締日',
      field: 'closingDays',
      example: '末',
      text: (input) =>
        ((input as { closingDays?: number[] }).closingDays ?? []).map(dayLabel).join('・'),
      parse: (text) => {
        const days = dayListValue(text);
        return days === null
          ? { error: '「締日」は 1〜28 または「末」で入力してください（複数は「15・末」）' }
          : { value: days };
      },
    },
    {
      header: `${flow}月`,
      field: 'paymentMonthsAfter',
      example: '翌月',
      text: (input) => {
        const months = (input as { paymentMonthsAfter?: number }).paymentMonthsAfter;
        return months === undefined ? '' : monthLabel(months);
      },
      parse: (text) => {
        const folded = foldWidth(text).replace(/ヶ月後|カ月後|ヵ月後/, 'か月後');
        const index = MONTH_LABELS.indexOf(folded);
        if (index >= 0) return { value: index };
        const months = integerValue(folded.replace(/か月後$/, ''));
        return months === null
          ? { error: `「${flow}月」は 当月・翌月・翌々月 または月数で入力してください` }
          : { value: months };
      },
    },
    {
      header: `${flow}日`,
      field: 'paymentDay',
      example: '末',
      text: (input) => {
        const day = (input as { paymentDay?: number }).paymentDay;
        return day === undefined ? '' : dayLabel(day);
      },
      parse: (text) => {
        const day = dayValue(text);
        return day === null
          ? { error: `「${flow}日」は 1〜28 または「末」で入力してください` }
          : { value: day };
      },
    },
    choiceColumn(`${flow}方法`, 'paymentMethod', paymentMethods),
    choiceColumn('休日補正', 'holidayShift', holidayShifts, { aliases: { なし: 'none' } }),
    choiceColumn('税計算単位', 'taxUnit', taxUnits, {
      aliases: { 明細: 'line', 伝票: 'document', 請求: 'invoice' },
      example: '伝票単位',
    }),
    choiceColumn('税端数処理', 'taxRounding', roundingModes, {
      aliases: { 切り捨て: 'down', 切り上げ: 'up' },
    }),
    integerColumn('単価区分', 'priceClass', '1'),
    decimalColumn('掛け率', 'ratePercent', '100'),
    choiceColumn('単価端数処理', 'priceRounding', roundingModes, {
      aliases: { 切り捨て: 'down', 切り上げ: 'up' },
    }),
    {
      header: '担当者ログインID',
      aliases: ['担当者', '担当者コード'],
      field: 'staffUserId',
      example: '',
      text: (input, ctx) => {
        const id = (input as { staffUserId?: string | null }).staffUserId;
        return id ? (ctx.staff.loginOf.get(id) ?? '') : '';
      },
      parse: (text, ctx) => {
        const key = text.trim();
        if (key === '') return { value: null };
        const id = ctx.staff.idOf.get(key) ?? ctx.staff.idOf.get(foldWidth(key));
        return id ? { value: id } : { error: `担当者「${key}」が見つかりません` };
      },
    },
    {
      header: '部門コード',
      aliases: ['部門'],
      field: 'departmentId',
      example: '',
      text: (input, ctx) => {
        const id = (input as { departmentId?: string | null }).departmentId;
        return id ? (ctx.departments.codeOf.get(id) ?? '') : '';
      },
      parse: (text, ctx) => {
        const code = foldWidth(text);
        if (code === '') return { value: null };
        const id = ctx.departments.idOf.get(code);
        return id ? { value: id } : { error: `部門コード「${code}」の部門が見つかりません` };
      },
    },
  ];
}

export function trailingColumns<I>(): Col<I>[] {
  return [
    textColumn('備考', 'notes', ''),
    booleanColumn('使用区分', 'isActive', { yes: '使用する', no: '使用しない' }),
  ];
}

/** One column per 分類 axis: 「分類：地域」, the item by name or code. */
export function classificationColumns<I>(ctx: PartnerIoContext): Col<I>[] {
  return ctx.axes.map((axis) => ({
    header: `分類：${axis.name}`,
    aliases: [axis.name],
    field: 'classifications',
    example: axis.items[0]?.name ?? '',
    text: (input) => {
      const assigned = (
        (input as { classifications?: ClassificationAssignment[] }).classifications ?? []
      ).find((a) => a.axisId === axis.axisId);
      return assigned ? (axis.items.find((i) => i.itemId === assigned.itemId)?.name ?? '') : '';
    },
    parse: (text) => {
      const value = text.trim();
      if (value === '') return { value: undefined };
      const folded = foldWidth(value);
      const item =
        axis.items.find((i) => i.name === value) ??
        axis.items.find((i) => foldWidth(i.name) === folded || i.code === folded);
      return item
        ? { value: { axisId: axis.axisId, itemId: item.itemId } }
        : { error: `分類「${axis.name}」に「${value}」という項目はありません` };
    },
    assign: (input, value) => {
      const list = (input.classifications as ClassificationAssignment[] | undefined) ?? [];
      if (value) list.push(value as ClassificationAssignment);
      input.classifications = list;
    },
  }));
}
