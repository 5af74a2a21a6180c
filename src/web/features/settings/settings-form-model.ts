import type {
  SystemSettings,
  SystemSettingsUpdate,
} from '../../../server/modules/settings/system-settings.schema';

/** What the form edits: the API's fields, with number inputs that may be empty while typing. */
export interface SettingsFormValues {
  adminEmail: string;
  idleTimeoutMinutes: number | '';
  /** Empty = no expiry (stored as 0). */
  passwordExpiryDays: number | '';
  passwordNoticeDays: number | '';
}

export type SettingsField = keyof SettingsFormValues;

export interface SettingsSectionProps {
  values: SettingsFormValues;
  errors: Partial<Record<SettingsField, string>>;
  onChange: <K extends SettingsField>(field: K, value: SettingsFormValues[K]) => void;
  settings: SystemSettings;
}

export function toFormValues(settings: SystemSettings): SettingsFormValues {
  const off = settings.passwordExpiryDays === 0;
  return {
    adminEmail: settings.adminEmail,
    idleTimeoutMinutes: settings.idleTimeoutMinutes,
    passwordExpiryDays: off ? '' : settings.passwordExpiryDays,
    passwordNoticeDays: off || settings.passwordNoticeDays === 0 ? '' : settings.passwordNoticeDays,
  };
}

/** Empty day counts mean "off"; an empty timeout stays invalid so the schema names it. */
export function toUpdate(values: SettingsFormValues, version: number): Record<string, unknown> {
  return {
    adminEmail: values.adminEmail,
    idleTimeoutMinutes: values.idleTimeoutMinutes === '' ? undefined : values.idleTimeoutMinutes,
    passwordExpiryDays: values.passwordExpiryDays === '' ? 0 : values.passwordExpiryDays,
    passwordNoticeDays:
      values.passwordExpiryDays === '' || values.passwordNoticeDays === ''
        ? 0
        : values.passwordNoticeDays,
    version,
  } satisfies Partial<Record<keyof SystemSettingsUpdate, unknown>>;
}

const fields = new Set<string>([
  'adminEmail',
  'idleTimeoutMinutes',
  'passwordExpiryDays',
  'passwordNoticeDays',
]);

export function isSettingsField(path: string): path is SettingsField {
  return fields.has(path);
}
