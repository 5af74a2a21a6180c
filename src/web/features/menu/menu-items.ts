import type { BusinessFunction } from '../../../domain/access/permissions';
import {
  IconBox,
  IconChart,
  IconReceipt,
  IconShield,
  IconSliders,
  IconTruck,
  IconUpload,
  IconUsers,
} from '../../components/icons';
import type { Messages } from '../../i18n/ja';

export type MenuGroupKey = keyof Messages['menu']['groups'];

export type AdminScreen = keyof Messages['menu']['adminScreens'];

/** A screen named on its own when one business function has several (環境設定 › 税率設定). */
export type FunctionScreen = keyof Messages['menu']['screens'];

/**
 * A business function (shown to whoever may view it) or an admin screen (shown to 組織管理者
 * only). `to` is the screen that exists today; entries without one are shown as 準備中.
 */
export type MenuEntry =
  | {
      fn: BusinessFunction;
      screen?: FunctionScreen;
      to?:
        | '/customers'
        | '/suppliers'
        | '/departments'
        | '/products'
        | '/projects'
        | '/settings/tax-rates'
        | '/settings/units'
        | '/settings/company'
        | '/settings/print'
        | '/settings/entry-checks';
    }
  | {
      admin: AdminScreen;
      to?:
        | '/settings/users'
        | '/settings/permission-groups'
        | '/settings/audit-log'
        | '/settings/system'
        | '/settings/api-tokens'
        | '/settings/data-export'
        | '/settings/classifications';
    };

export interface MenuGroup {
  key: MenuGroupKey;
  icon: typeof IconReceipt;
  accent: string;
  entries: MenuEntry[];
}

/** The main menu in columns, as desktop 販売管理 products lay it out: flows left, masters right. */
export const menuColumns: MenuGroup[][] = [
  [
    {
      key: 'sales',
      icon: IconReceipt,
      accent: 'brand',
      entries: [
        { fn: 'quotes' },
        { fn: 'salesOrders' },
        { fn: 'sales' },
        { fn: 'billing' },
        { fn: 'receipts' },
      ],
    },
  ],
  [
    {
      key: 'purchasing',
      icon: IconTruck,
      accent: 'teal',
      entries: [{ fn: 'purchaseOrders' }, { fn: 'purchases' }, { fn: 'payments' }],
    },
    { key: 'inventory', icon: IconBox, accent: 'orange', entries: [{ fn: 'inventory' }] },
  ],
  [
    {
      key: 'masters',
      icon: IconUsers,
      accent: 'violet',
      entries: [
        { fn: 'customers', to: '/customers' },
        { fn: 'suppliers', to: '/suppliers' },
        { fn: 'products', to: '/products' },
        { fn: 'departments', to: '/departments' },
        { fn: 'projects', to: '/projects' },
      ],
    },
  ],
  [
    { key: 'reports', icon: IconChart, accent: 'grape', entries: [{ fn: 'reports' }] },
    { key: 'uploads', icon: IconUpload, accent: 'cyan', entries: [{ fn: 'uploads' }] },
    {
      key: 'settings',
      icon: IconSliders,
      accent: 'gray',
      entries: [
        { fn: 'settings', screen: 'company', to: '/settings/company' },
        { fn: 'settings', screen: 'printSettings', to: '/settings/print' },
        { fn: 'settings', screen: 'entryChecks', to: '/settings/entry-checks' },
        { fn: 'settings', screen: 'taxRates', to: '/settings/tax-rates' },
        { fn: 'settings', screen: 'units', to: '/settings/units' },
      ],
    },
    {
      key: 'admin',
      icon: IconShield,
      accent: 'red',
      entries: [
        { admin: 'users', to: '/settings/users' },
        { admin: 'permissionGroups', to: '/settings/permission-groups' },
        { admin: 'classifications', to: '/settings/classifications' },
        { admin: 'systemSettings', to: '/settings/system' },
        { admin: 'apiTokens', to: '/settings/api-tokens' },
        { admin: 'auditLog', to: '/settings/audit-log' },
        { admin: 'dataExport', to: '/settings/data-export' },
      ],
    },
  ],
];
