import { describe, expect, it } from 'vitest';
import { type EntryCheckSettings, evaluateEntryChecks } from './entry-checks';

const allWarn: EntryCheckSettings = {
  project: 'warn',
  quantity: 'warn',
  unitPrice: 'warn',
  cost: 'warn',
};

describe('evaluateEntryChecks', () => {
  it('warns, blocks or ignores each missing item as the tenant set it', () => {
    const result = evaluateEntryChecks(
      { projectId: null, lines: [{ quantity: '2', unitPrice: '', cost: null }] },
      { project: 'warn', quantity: 'block', unitPrice: 'block', cost: 'allow' },
    );
    expect(result.warnings).toEqual([
      { rule: 'project', path: 'projectId', message: '物件が入力されていません' },
    ]);
    expect(result.errors).toEqual([
      {
        rule: 'unitPrice',
        path: 'lines.0.unitPrice',
        message: '1行目の単価を入力してください（単価未入力は保存できない設定です）',
      },
    ]);
  });

  it('treats zero as entered and skips 記事 lines', () => {
    const result = evaluateEntryChecks(
      {
        projectId: '019a0000-0000-7000-8000-000000000000',
        lines: [{ quantity: 0, unitPrice: '0', cost: '0.00' }, { kind: 'note' }],
      },
      allWarn,
    );
    expect(result).toEqual({ warnings: [], errors: [] });
  });

  it('names every line that misses something, in line order', () => {
    const result = evaluateEntryChecks(
      { projectId: 'p', lines: [{ quantity: '1', unitPrice: '1', cost: '1' }, { quantity: ' ' }] },
      allWarn,
    );
    expect(result.warnings.map((w) => w.path)).toEqual([
      'lines.1.quantity',
      'lines.1.unitPrice',
      'lines.1.cost',
    ]);
    expect(result.warnings[0]?.message).toBe('2行目の数量が入力されていません');
  });

  it('reports nothing when every check is off', () => {
    const off: EntryCheckSettings = {
      project: 'allow',
      quantity: 'allow',
      unitPrice: 'allow',
      cost: 'allow',
    };
    expect(evaluateEntryChecks({ lines: [{}] }, off)).toEqual({ warnings: [], errors: [] });
  });
});
