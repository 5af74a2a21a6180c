import {
  booleanValue,
  choiceLabels,
  choiceValue,
  dateValue,
  foldWidth,
  integerValue,
  numberText,
} from '../../../domain/masters/cell-text';
import type { ExportCell } from '../../platform/tabular/tabular';

/**
 * One spreadsheet column of a master: the single definition the export, the template, the
 * import and its preview use (ADR 0022). `Input` is the master's create-API input (the zod
 * output); `Ctx` the lookups a master loads once per file (codes ↔ ids of references).
 */
export interface MasterColumn<Input, Ctx> {
  /** The Japanese header as a spreadsheet user expects it (「得意先コード」). */
  header: string;
  /** Other header spellings accepted on import. */
  aliases?: readonly string[];
  /**
   * The input field the cell fills. A validation error on this field (the create API's zod
   * schema) is reported against this column.
   */
  field: string;
  /** The template's example row. */
  example: string;
  /** Exported as a number cell (XLSX) rather than text. Codes never are: leading zeros. */
  numeric?: boolean;
  /** The cell as exported, from a stored record or a parsed input row (preview, audit). */
  text(input: Input, ctx: Ctx): string;
  /**
   * The cell's text → the field's value. `undefined` leaves the field out (the schema's default
   * applies); a `{ error }` is shown as the row's error in Japanese.
   */
  parse(text: string, ctx: Ctx): { value: unknown } | { error: string };
  /** Puts the value into the input; by default `input[field] = value`. */
  assign?(input: Record<string, unknown>, value: unknown): void;
}

export type Parsed = { value: unknown } | { error: string };

const ok = (value: unknown): Parsed => ({ value });

type AnyInput = Record<string, unknown>;

function get(input: unknown, field: string): unknown {
  return (input as AnyInput)[field];
}

/** Text stored as typed (names, addresses, notes): only surrounding spaces go. */
export function textColumn<I, C>(
  header: string,
  field: string,
  example: string,
  aliases?: readonly string[],
): MasterColumn<I, C> {
  return {
    header,
    field,
    example,
    ...(aliases ? { aliases } : {}),
    text: (input) => String(get(input, field) ?? ''),
    parse: (text) => ok(text.trim()),
  };
}

/** Codes, phone numbers, postal codes: text with 全角 folded to 半角, leading zeros kept. */
export function codeColumn<I, C>(
  header: string,
  field: string,
  example: string,
  aliases?: readonly string[],
): MasterColumn<I, C> {
  return {
    header,
    field,
    example,
    ...(aliases ? { aliases } : {}),
    text: (input) => String(get(input, field) ?? ''),
    parse: (text) => ok(foldWidth(text)),
  };
}

/** Decimal text fields (prices, 与信限度額, 掛け率): 「1,200」「１２００」 accepted. */
export function decimalColumn<I, C>(
  header: string,
  field: string,
  example: string,
  options: { emptyValue?: unknown } = {},
): MasterColumn<I, C> {
  return {
    header,
    field,
    example,
    numeric: true,
    text: (input) => String(get(input, field) ?? ''),
    parse: (text) => {
      const plain = numberText(text);
      if (plain === null) return { error: `「${header}」は数値で入力してください` };
      if (plain === '') return ok(options.emptyValue);
      return ok(plain);
    },
  };
}

/** Whole numbers stored as numbers (単価区分, 小数桁). */
export function integerColumn<I, C>(
  header: string,
  field: string,
  example: string,
): MasterColumn<I, C> {
  return {
    header,
    field,
    example,
    numeric: true,
    text: (input) => String(get(input, field) ?? ''),
    parse: (text) => {
      const value = integerValue(text);
      if (value === null) return { error: `「${header}」は整数で入力してください` };
      return ok(value);
    },
  };
}

/** A choice by its label (「税込」) or stored code (inclusive). */
export function choiceColumn<I, C, Key extends string>(
  header: string,
  field: string,
  choices: Readonly<Record<Key, { label: string }>>,
  options: { aliases?: Readonly<Record<string, Key>>; example?: string } = {},
): MasterColumn<I, C> {
  const labels = choiceLabels(choices);
  return {
    header,
    field,
    example: options.example ?? Object.values<{ label: string }>(choices)[0]!.label,
    text: (input) => {
      const key = get(input, field) as Key | undefined;
      return key === undefined ? '' : (choices[key]?.label ?? String(key));
    },
    parse: (text) => {
      const key = choiceValue(text, choices, options.aliases);
      if (key === null) return { error: `「${header}」は ${labels} のいずれかを入力してください` };
      return ok(key);
    },
  };
}

/** 使用区分-like flags: 使用する/使用しない, 1/0, ○/×. */
export function booleanColumn<I, C>(
  header: string,
  field: string,
  labels: { yes: string; no: string },
): MasterColumn<I, C> {
  return {
    header,
    field,
    example: labels.yes,
    text: (input) => {
      const value = get(input, field);
      return value === undefined ? '' : value ? labels.yes : labels.no;
    },
    parse: (text) => {
      const folded = foldWidth(text);
      if (folded === labels.yes) return ok(true);
      if (folded === labels.no) return ok(false);
      const value = booleanValue(text);
      if (value === null) {
        return { error: `「${header}」は「${labels.yes}」か「${labels.no}」を入力してください` };
      }
      return ok(value);
    },
  };
}

/** YYYY-MM-DD dates; 2026/4/1 and 2026年4月1日 accepted. Empty = null. */
export function dateColumn<I, C>(header: string, field: string, example: string) {
  return {
    header,
    field,
    example,
    text: (input: I) => String(get(input, field) ?? ''),
    parse: (text: string) => {
      const value = dateValue(text);
      if (value === null) return { error: `「${header}」は 2026-04-01 の形式で入力してください` };
      return ok(value ?? null);
    },
  } satisfies MasterColumn<I, C>;
}

/**
 * A reference to another record by its code (請求先コード → billToCustomerId). `lookup` finds
 * the id among the file's own rows and the database; empty = null.
 */
export function referenceColumn<I, C>(
  header: string,
  field: string,
  example: string,
  resolve: {
    id(code: string, ctx: C): string | undefined;
    code(id: string, ctx: C): string | undefined;
    missing: (code: string) => string;
  },
): MasterColumn<I, C> {
  return {
    header,
    field,
    example,
    text: (input, ctx) => {
      const id = get(input, field) as string | null | undefined;
      return id ? (resolve.code(id, ctx) ?? '') : '';
    },
    parse: (text, ctx) => {
      const code = foldWidth(text);
      if (code === '') return ok(null);
      const id = resolve.id(code, ctx);
      return id === undefined ? { error: resolve.missing(code) } : ok(id);
    },
  };
}

/** The exported cell of a column: numbers as numbers where the column says so. */
export function exportCell<I, C>(column: MasterColumn<I, C>, input: I, ctx: C): ExportCell {
  const text = column.text(input, ctx);
  if (text === '') return null;
  if (column.numeric && /^-?\d+(\.\d+)?$/.test(text) && text.replace(/[-.]/g, '').length <= 15) {
    return Number(text);
  }
  return text;
}
