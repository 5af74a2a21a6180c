import { toJstIso } from '../../../domain/time/jst';
import type { OpsCommand } from '../ops-command';

interface DeletionRow {
  deletion_id: string;
  deleted_tenant_id: string;
  was_trial: boolean;
  contract_ended_at: Date;
  purge_due_at: Date;
  purged_at: Date;
  row_counts: Record<string, number>;
  total_rows: number;
  backup_key_id: string | null;
}

/** The deletion records (no names or personal data by design), newest first. */
export const lifecycleDeletions: OpsCommand = {
  name: 'lifecycle:deletions',
  usage: 'lifecycle:deletions',
  summary: 'データ削除の記録を表示 / list the deletion records',
  async run(_args, { pool, io }) {
    const { rows } = await pool.query<DeletionRow>(
      'SELECT * FROM app.tenant_deletions ORDER BY purged_at DESC, deletion_id DESC',
    );
    io.out(`データ削除の記録 / Deletion records: ${rows.length}件`);
    for (const row of rows) {
      const counts = Object.entries(row.row_counts)
        .filter(([, n]) => n > 0)
        .map(([table, n]) => `${table}=${n}`)
        .join(' ');
      io.out(
        [
          `- ${row.deletion_id} 組織ID / tenant ${row.deleted_tenant_id} (${row.was_trial ? '試用 / trial' : '有償 / paid'})`,
          `  契約終了 / ended ${toJstIso(row.contract_ended_at)}  削除期限 / due ${toJstIso(row.purge_due_at)}  削除 / purged ${toJstIso(row.purged_at)}`,
          `  ${row.total_rows}行 / rows: ${counts}`,
          `  バックアップ鍵 / backup key: ${row.backup_key_id ?? '(なし / none)'}`,
        ].join('\n'),
      );
    }
    return 0;
  },
};
