import { TextInput } from '@mantine/core';
import { useT } from '../../i18n/i18n';

/** The 6-digit field: numeric keypad on phones, one-time-code autofill, spaced digits. */
export function CodeInput(props: {
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}) {
  const t = useT();
  return (
    <TextInput
      label={t.mfa.code}
      name="code"
      autoComplete="one-time-code"
      inputMode="numeric"
      maxLength={32}
      w={200}
      value={props.value}
      error={props.error}
      onChange={(event) => props.onChange(event.currentTarget.value)}
      styles={{ input: { letterSpacing: '0.25em', fontSize: 18, fontFamily: 'monospace' } }}
    />
  );
}
