import { Group, Progress, Text } from '@mantine/core';
import {
  type PasswordContext,
  passwordLength,
  passwordStrength,
} from '../../../domain/identity/password-rules';
import { useT } from '../../i18n/i18n';

const levels = {
  invalid: { value: 15, color: 'red' },
  fair: { value: 50, color: 'yellow' },
  good: { value: 75, color: 'teal' },
  strong: { value: 100, color: 'green' },
} as const;

/** Length-based meter over the shared rules' verdict: what the server refuses shows red. */
export function PasswordStrengthMeter({
  password,
  context,
}: {
  password: string;
  context: PasswordContext;
}) {
  const t = useT();
  const strength = password === '' ? null : passwordStrength(password, context);
  const level = strength ? levels[strength] : { value: 0, color: 'gray' };
  const label = strength ? t.password.strength[strength] : t.password.strength.empty;
  return (
    <div data-testid="password-strength">
      <Progress value={level.value} color={level.color} size="sm" mt={6} aria-hidden />
      <Group justify="space-between" mt={2}>
        <Text size="xs" c="dimmed">
          {t.password.strength.label}: <strong>{label}</strong>
        </Text>
        <Text size="xs" c="dimmed" className="akinai-numeric">
          {t.password.length(passwordLength(password))}
        </Text>
      </Group>
    </div>
  );
}
