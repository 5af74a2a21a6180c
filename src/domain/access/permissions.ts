/**
 * The permission catalogue: every business function × the actions a group may grant on it.
 * Server routes declare one of these keys and the web hides what the key does not allow,
 * so this file is the single place where a permission exists.
 */

export const businessFunctions = {
  quotes: { label: '見積' },
  salesOrders: { label: '受注' },
  sales: { label: '売上' },
  billing: { label: '請求' },
  receipts: { label: '入金' },
  purchaseOrders: { label: '発注' },
  purchases: { label: '仕入' },
  payments: { label: '支払' },
  inventory: { label: '在庫' },
  customers: { label: '得意先' },
  suppliers: { label: '仕入先' },
  products: { label: '商品' },
  departments: { label: '部門' },
  projects: { label: '物件' },
  uploads: { label: 'アップロード' },
  reports: { label: '集計・帳票' },
  settings: { label: '環境設定' },
} as const satisfies Record<string, { label: string }>;

export type BusinessFunction = keyof typeof businessFunctions;

export const permissionActions = {
  view: { label: '参照' },
  create: { label: '登録' },
  edit: { label: '修正' },
  delete: { label: '削除' },
  print: { label: '印刷' },
  export: { label: '出力' },
} as const satisfies Record<string, { label: string }>;

export type PermissionAction = keyof typeof permissionActions;

export type Permission = `${BusinessFunction}:${PermissionAction}`;

export const allBusinessFunctions = Object.keys(businessFunctions) as BusinessFunction[];
export const allPermissionActions = Object.keys(permissionActions) as PermissionAction[];

export const allPermissions: readonly Permission[] = allBusinessFunctions.flatMap((fn) =>
  allPermissionActions.map((action) => `${fn}:${action}` as const),
);

const permissionSet: ReadonlySet<string> = new Set(allPermissions);

export function isPermission(value: string): value is Permission {
  return permissionSet.has(value);
}

/** What the signed-in principal may do; org admins (組織管理者) hold every permission. */
export interface Grants {
  readonly isOrgAdmin: boolean;
  readonly permissions: ReadonlySet<Permission>;
}

export function can(grants: Grants, permission: Permission): boolean {
  return grants.isOrgAdmin || grants.permissions.has(permission);
}

/**
 * What a route requires. `public` routes serve anonymous callers (login, health);
 * `authenticated` routes serve any signed-in user (own profile, logout);
 * `orgAdmin` routes open the admin screens; everything else names a catalogue permission.
 * `operator` routes (/api/ops) serve the provider's operators only, through their own session
 * cookie: no tenant user reaches them, and an operator reaches no tenant route (ADR 0016).
 */
export type RouteAccess =
  | { readonly kind: 'public' }
  | { readonly kind: 'authenticated' }
  | { readonly kind: 'orgAdmin' }
  | { readonly kind: 'operator' }
  | { readonly kind: 'permission'; readonly permission: Permission };

export const access = {
  public: { kind: 'public' } as RouteAccess,
  authenticated: { kind: 'authenticated' } as RouteAccess,
  orgAdmin: { kind: 'orgAdmin' } as RouteAccess,
  operator: { kind: 'operator' } as RouteAccess,
  permission: (permission: Permission): RouteAccess => ({ kind: 'permission', permission }),
};
