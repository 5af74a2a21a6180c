import { isUniqueViolation } from '../../../platform/db/pg-errors';
import { AppError } from '../../../platform/http/problem';
import type { Department } from './department.schema';
import type { departments } from './department.table';

export function toDepartment(row: typeof departments.$inferSelect): Department {
  return {
    departmentId: row.departmentId,
    code: row.code,
    name: row.name,
    kana: row.kana,
    postalCode: row.postalCode,
    address1: row.address1,
    address2: row.address2,
    phone: row.phone,
    fax: row.fax,
    printsOwnAddress: row.printsOwnAddress,
    isActive: row.isActive,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Turns the unique-code violation into the form error the user can act on. */
export function rethrowCodeTaken(error: unknown): never {
  if (isUniqueViolation(error, 'departments_code_key')) {
    throw new AppError('department_code_taken', {
      errors: [{ path: 'code', message: 'この部門コードは既に登録されています' }],
    });
  }
  throw error;
}
