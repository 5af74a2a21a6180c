import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenantTransaction } from '../../src/server/platform/db/tenant-transaction';
import {
  api,
  createSignedInTenant,
  createTestApp,
  login,
  type TestApp,
  type TestTenant,
} from '../support/app';

/** アクセス権限グループ management by an org admin: grid rules, locking, deletion, audit. */
let t: TestApp;
let tenant: TestTenant;
beforeAll(async () => {
  t = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
  tenant = await createSignedInTenant(t);
});
afterAll(() => t.close());

const PASSWORD = 'a long initial passphrase 2026';

interface Group {
  groupId: string;
  name: string;
  permissions: string[];
  memberCount: number;
  version: number;
}

async function createGroup(name: string, permissions: string[]): Promise<Group> {
  const response = await api(t, tenant.adminCookie).post('/api/v1/permission-groups', {
    name,
    permissions,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function auditRows(event: string, targetId: string) {
  const { rows } = await t.db.superuser.query(
    'SELECT actor_label, before, after FROM app.audit_log WHERE tenant_id = $1 AND event = $2 AND target_id = $3 ORDER BY seq',
    [tenant.tenantId, event, targetId],
  );
  return rows;
}

/** A staff member in `groupId` who has replaced the initial password: a working cookie. */
async function memberOf(groupId: string, loginId: string): Promise<string> {
  const created = await api(t, tenant.adminCookie).post('/api/v1/users', {
    loginId,
    name: loginId,
    groupId,
    initialPassword: PASSWORD,
  });
  expect(created.statusCode, created.body).toBe(201);
  const cookie = await login(t, tenant.code, loginId, PASSWORD);
  const changed = await api(t, cookie).post('/api/v1/auth/password', {
    currentPassword: PASSWORD,
    newPassword: 'my own new passphrase 2026',
  });
  expect(changed.statusCode, changed.body).toBe(204);
  return cookie;
}

describe('permission groups', () => {
  it('stores 参照 with every other granted action and audits the creation', async () => {
    const group = await createGroup('営業', ['customers:edit', 'sales:export']);
    expect(group.permissions).toEqual([
      'sales:view',
      'sales:export',
      'customers:view',
      'customers:edit',
    ]);
    expect(group.memberCount).toBe(0);
    expect(await auditRows('permission_group.created', group.groupId)).toMatchObject([
      { actor_label: 'admin', after: { name: '営業', permissions: group.permissions } },
    ]);
  });

  it('rejects unknown permissions and duplicate names with Japanese errors', async () => {
    const bad = await api(t, tenant.adminCookie).post('/api/v1/permission-groups', {
      name: '不正',
      permissions: ['customers:fly'],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('権限の指定に誤りがあります');
    await createGroup('重複', []);
    const duplicate = await api(t, tenant.adminCookie).post('/api/v1/permission-groups', {
      name: ' 重複 ',
      permissions: [],
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json()).toMatchObject({
      code: 'permission_group_name_taken',
      errors: [{ path: 'name', message: 'このグループ名は既に使われています' }],
    });
  });

  it('renames and regrants with optimistic locking; the audit row holds both lists', async () => {
    const group = await createGroup('仕入担当', ['purchases:view']);
    const url = `/api/v1/permission-groups/${group.groupId}`;
    const updated = await api(t, tenant.adminCookie).put(url, {
      name: '購買担当',
      permissions: ['purchases:create', 'payments:print'],
      version: group.version,
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({
      name: '購買担当',
      permissions: ['purchases:view', 'purchases:create', 'payments:view', 'payments:print'],
      version: group.version + 1,
    });
    const stale = await api(t, tenant.adminCookie).put(url, {
      name: '古い画面',
      permissions: [],
      version: group.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    expect(await auditRows('permission_group.updated', group.groupId)).toMatchObject([
      {
        before: { name: '仕入担当', permissions: ['purchases:view'] },
        after: {
          name: '購買担当',
          permissions: ['purchases:view', 'purchases:create', 'payments:view', 'payments:print'],
          granted: ['purchases:create', 'payments:view', 'payments:print'],
          revoked: [],
        },
      },
    ]);
  });

  it('copies a group under a new name without moving its members', async () => {
    const source = await createGroup('原本', ['inventory:view', 'inventory:export']);
    await memberOf(source.groupId, 'copy-member');
    const copied = await api(t, tenant.adminCookie).post(
      `/api/v1/permission-groups/${source.groupId}/copy`,
      { name: '原本のコピー' },
    );
    expect(copied.statusCode, copied.body).toBe(201);
    expect(copied.json()).toMatchObject({
      name: '原本のコピー',
      permissions: source.permissions,
      memberCount: 0,
    });
    const list = (await api(t, tenant.adminCookie).get('/api/v1/permission-groups')).json();
    const counts = Object.fromEntries(list.items.map((g: Group) => [g.name, g.memberCount]));
    expect(counts).toMatchObject({ 原本: 1, 原本のコピー: 0 });
    expect(await auditRows('permission_group.created', copied.json().groupId)).toMatchObject([
      { after: { copiedFrom: { groupId: source.groupId, name: '原本' } } },
    ]);
  });

  it('refuses to delete a group in use, naming how many users use it', async () => {
    const group = await createGroup('使用中', ['quotes:view']);
    await memberOf(group.groupId, 'in-use-1');
    await memberOf(group.groupId, 'in-use-2');
    const refused = await api(t, tenant.adminCookie).send(
      'DELETE',
      `/api/v1/permission-groups/${group.groupId}`,
    );
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'permission_group_in_use',
      detail: '2人の担当者がこのグループを使用しています。',
    });
    const unused = await createGroup('不要', ['reports:print']);
    const deleted = await api(t, tenant.adminCookie).send(
      'DELETE',
      `/api/v1/permission-groups/${unused.groupId}`,
    );
    expect(deleted.statusCode).toBe(204);
    expect(await auditRows('permission_group.deleted', unused.groupId)).toMatchObject([
      { before: { name: '不要', permissions: ['reports:view', 'reports:print'] } },
    ]);
    const gone = await api(t, tenant.adminCookie).get(
      `/api/v1/permission-groups/${unused.groupId}`,
    );
    expect(gone.statusCode).toBe(404);
  });

  it("applies an edit to the members' very next request with the same cookie", async () => {
    const group = await createGroup('得意先参照', ['customers:view']);
    const cookie = await memberOf(group.groupId, 'next-request');
    expect((await api(t, cookie).get('/api/v1/customers')).statusCode).toBe(200);
    const edited = await api(t, tenant.adminCookie).put(
      `/api/v1/permission-groups/${group.groupId}`,
      { name: '得意先参照', permissions: ['suppliers:view'], version: group.version },
    );
    expect(edited.statusCode, edited.body).toBe(200);
    expect((await api(t, cookie).get('/api/v1/customers')).statusCode).toBe(403);
    const me = (await api(t, cookie).get('/api/v1/auth/me')).json();
    expect(JSON.stringify(me)).toContain('suppliers:view');
    expect(JSON.stringify(me)).not.toContain('customers:view');
  });
});

describe('permission groups under concurrency', () => {
  it('a user saved into a group another admin deletes meanwhile gets a field error, not a 5xx', async () => {
    const group = await createGroup('削除競合', []);
    // Another transaction deletes the group but has not committed: the user's existence check
    // still sees the group, and its insert waits on the foreign key until the delete commits.
    const other = await withTenantTransaction(t.db.pool, tenant.tenantId, async (tx) => {
      await tx.client.query('DELETE FROM app.permission_groups WHERE group_id = $1', [
        group.groupId,
      ]);
      const pending = api(t, tenant.adminCookie).post('/api/v1/users', {
        loginId: 'race-user',
        name: '競合',
        groupId: group.groupId,
        isActive: false,
      });
      await waitForLockWait();
      return { pending };
    });
    const created = await other.pending;
    expect(created.statusCode, created.body).toBe(400);
    expect(created.json().errors).toEqual([
      { path: 'groupId', message: '権限グループが見つかりません' },
    ]);
  });
});

async function waitForLockWait() {
  for (let attempt = 0; attempt < 100; attempt++) {
    const { rows } = await t.db.superuser.query(
      "SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
    );
    if (rows.length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the user insert never waited on the group row');
}
