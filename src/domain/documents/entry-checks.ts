import { z } from 'zod';

/**
 * 伝票入力チェック: what happens when a document is saved without a project, or a line without
 * quantity, unit price or cost (DOMAIN.md §1: per tenant, warn / block / allow).
 */
export const entryCheckModes = ['warn', 'block', 'allow'] as const;
export type EntryCheckMode = (typeof entryCheckModes)[number];

export const entryCheckModeLabels: Record<EntryCheckMode, string> = {
  warn: '警告',
  block: '入力不可',
  allow: 'チェックしない',
};

export const entryCheckRules = ['project', 'quantity', 'unitPrice', 'cost'] as const;
export type EntryCheckRule = (typeof entryCheckRules)[number];

export const entryCheckRuleLabels: Record<EntryCheckRule, string> = {
  project: '物件未入力',
  quantity: '数量未入力',
  unitPrice: '単価未入力',
  cost: '原価未入力',
};

const mode = z.enum(entryCheckModes, { error: 'チェック方法を選んでください' });

export const entryCheckSettingsSchema = z.strictObject({
  project: mode,
  quantity: mode,
  unitPrice: mode,
  cost: mode,
});

export type EntryCheckSettings = z.infer<typeof entryCheckSettingsSchema>;

/** A new tenant is warned about lines without quantity or price and left alone otherwise. */
export const defaultEntryCheckSettings: EntryCheckSettings = {
  project: 'allow',
  quantity: 'warn',
  unitPrice: 'warn',
  cost: 'allow',
};

/** 記事 lines are free text between the items: they have no quantity, price or cost. */
export type DraftLineKind = 'normal' | 'return' | 'discount' | 'note';

export interface DraftLine {
  readonly kind?: DraftLineKind;
  readonly quantity?: string | number | null;
  readonly unitPrice?: string | number | null;
  readonly cost?: string | number | null;
}

export interface DraftDocument {
  readonly projectId?: string | null;
  readonly lines: readonly DraftLine[];
}

export interface EntryCheckFinding {
  readonly rule: EntryCheckRule;
  /** Dotted path like the API's field errors: "projectId" or "lines.2.unitPrice". */
  readonly path: string;
  readonly message: string;
}

export interface EntryCheckResult {
  /** Shown, then the user may save anyway. */
  readonly warnings: EntryCheckFinding[];
  /** The save is refused while any remains. */
  readonly errors: EntryCheckFinding[];
}

const isMissing = (value: string | number | null | undefined) =>
  value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

const itemLabels: Record<Exclude<EntryCheckRule, 'project'>, string> = {
  quantity: '数量',
  unitPrice: '単価',
  cost: '原価',
};

/** Zero is an answer (a free sample, a no-cost service); only an empty field is missing. */
export function evaluateEntryChecks(
  document: DraftDocument,
  settings: EntryCheckSettings,
): EntryCheckResult {
  const result: EntryCheckResult = { warnings: [], errors: [] };
  const report = (rule: EntryCheckRule, path: string, subject: string) => {
    const setting = settings[rule];
    if (setting === 'allow') return;
    const message =
      setting === 'block'
        ? `${subject}を入力してください（${entryCheckRuleLabels[rule]}は保存できない設定です）`
        : `${subject}が入力されていません`;
    (setting === 'block' ? result.errors : result.warnings).push({ rule, path, message });
  };
  if (isMissing(document.projectId)) report('project', 'projectId', '物件');
  document.lines.forEach((line, index) => {
    if (line.kind === 'note') return;
    for (const rule of ['quantity', 'unitPrice', 'cost'] as const) {
      if (isMissing(line[rule]))
        report(rule, `lines.${index}.${rule}`, `${index + 1}行目の${itemLabels[rule]}`);
    }
  });
  return result;
}
