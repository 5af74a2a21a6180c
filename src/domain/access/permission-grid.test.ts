import { describe, expect, it } from 'vitest';
import {
  columnIsFull,
  normalizePermissions,
  permissionGridSections,
  rowIsFull,
  setColumn,
  setGrant,
  setRow,
} from './permission-grid';
import { allBusinessFunctions, type Permission } from './permissions';

describe('permission grid', () => {
  it('places every business function in exactly one section', () => {
    const placed = permissionGridSections.flatMap((s) => [...s.functions]);
    expect([...placed].sort()).toEqual([...allBusinessFunctions].sort());
  });

  it('adds 参照 to any other granted action and drops unknown strings', () => {
    expect(
      normalizePermissions(['customers:edit', 'sales:export', 'nope:view', 'customers:edit']),
    ).toEqual(['sales:view', 'sales:export', 'customers:view', 'customers:edit']);
  });

  it('turns 参照 on with any action and the whole row off without 参照', () => {
    let grants = setGrant(new Set(), 'customers', 'delete', true);
    expect([...grants].sort()).toEqual(['customers:delete', 'customers:view']);
    grants = setGrant(grants, 'customers', 'print', true);
    grants = setGrant(grants, 'customers', 'delete', false);
    expect([...grants].sort()).toEqual(['customers:print', 'customers:view']);
    grants = setGrant(grants, 'customers', 'view', false);
    expect(grants.size).toBe(0);
  });

  it('toggles rows and columns', () => {
    const row = setRow(new Set(), 'quotes', true);
    expect(rowIsFull(row, 'quotes')).toBe(true);
    expect(setRow(row, 'quotes', false).size).toBe(0);
    const masters = permissionGridSections[3].functions;
    const column = setColumn(new Set<Permission>(), masters, 'export', true);
    expect(columnIsFull(column, masters, 'export')).toBe(true);
    expect(columnIsFull(column, masters, 'view')).toBe(true);
    expect(columnIsFull(column, masters, 'edit')).toBe(false);
    expect(setColumn(column, masters, 'view', false).size).toBe(0);
  });
});
