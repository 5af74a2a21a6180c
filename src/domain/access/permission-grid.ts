import {
  allPermissionActions,
  type BusinessFunction,
  isPermission,
  type Permission,
  type PermissionAction,
} from './permissions';

/**
 * How the アクセス権限グループ grid lays out the catalogue, and the one rule that ties its
 * cells together. Server and web both normalise through here, so a group saved by any client
 * means the same thing.
 */
export const permissionGridSections = [
  {
    key: 'sales',
    label: '販売',
    functions: ['quotes', 'salesOrders', 'sales', 'billing', 'receipts'],
  },
  { key: 'purchasing', label: '購買', functions: ['purchaseOrders', 'purchases', 'payments'] },
  { key: 'inventory', label: '在庫', functions: ['inventory'] },
  {
    key: 'masters',
    label: 'マスタ',
    functions: ['customers', 'suppliers', 'products', 'departments', 'projects'],
  },
  { key: 'other', label: 'その他', functions: ['uploads', 'reports', 'settings'] },
] as const satisfies readonly {
  key: string;
  label: string;
  functions: readonly BusinessFunction[];
}[];

export type PermissionGridSectionKey = (typeof permissionGridSections)[number]['key'];

/**
 * Any other action on a function is useless without seeing it: granting 登録/修正/削除/印刷/出力
 * grants 参照 as well, and taking 参照 away takes the others with it.
 */
export function impliesView(action: PermissionAction): boolean {
  return action !== 'view';
}

/** A sorted, de-duplicated permission list in which every granted function is also viewable. */
export function normalizePermissions(permissions: Iterable<string>): Permission[] {
  const granted = new Set<Permission>();
  for (const value of permissions) {
    if (!isPermission(value)) continue;
    granted.add(value);
    const [fn, action] = value.split(':') as [BusinessFunction, PermissionAction];
    if (impliesView(action)) granted.add(`${fn}:view`);
  }
  return sortPermissions(granted);
}

const catalogueOrder = new Map<string, number>();
for (const section of permissionGridSections) {
  for (const fn of section.functions) {
    for (const action of allPermissionActions) {
      catalogueOrder.set(`${fn}:${action}`, catalogueOrder.size);
    }
  }
}

/** Grid order (section, function, action): audit before/after lists read like the screen. */
export function sortPermissions(permissions: Iterable<Permission>): Permission[] {
  return [...new Set(permissions)].sort(
    (a, b) => (catalogueOrder.get(a) ?? 0) - (catalogueOrder.get(b) ?? 0),
  );
}

/**
 * Sets one cell and keeps the implication: turning on any action turns on 参照, turning off
 * 参照 turns off the whole row.
 */
export function setGrant(
  permissions: ReadonlySet<Permission>,
  fn: BusinessFunction,
  action: PermissionAction,
  on: boolean,
): Set<Permission> {
  const next = new Set(permissions);
  if (on) {
    next.add(`${fn}:${action}`);
    if (impliesView(action)) next.add(`${fn}:view`);
  } else if (action === 'view') {
    for (const a of allPermissionActions) next.delete(`${fn}:${a}`);
  } else {
    next.delete(`${fn}:${action}`);
  }
  return next;
}

/** Row toggle: every action of one function on, or all off. */
export function setRow(
  permissions: ReadonlySet<Permission>,
  fn: BusinessFunction,
  on: boolean,
): Set<Permission> {
  let next = new Set(permissions);
  for (const action of allPermissionActions) next = setGrant(next, fn, action, on);
  return next;
}

/** Column toggle over the given functions (one section or all). */
export function setColumn(
  permissions: ReadonlySet<Permission>,
  functions: readonly BusinessFunction[],
  action: PermissionAction,
  on: boolean,
): Set<Permission> {
  let next = new Set(permissions);
  for (const fn of functions) next = setGrant(next, fn, action, on);
  return next;
}

export function rowIsFull(permissions: ReadonlySet<Permission>, fn: BusinessFunction): boolean {
  return allPermissionActions.every((action) => permissions.has(`${fn}:${action}`));
}

export function columnIsFull(
  permissions: ReadonlySet<Permission>,
  functions: readonly BusinessFunction[],
  action: PermissionAction,
): boolean {
  return functions.every((fn) => permissions.has(`${fn}:${action}`));
}
