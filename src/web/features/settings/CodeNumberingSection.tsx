import { Button, Group, NumberInput, Switch, Table, Text } from '@mantine/core';
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { AUTO_CODE_WIDTH_MAX, AUTO_CODE_WIDTH_MIN } from '../../../domain/masters/codes';
import { codeNumberingQueryOptions, saveCodeNumbering } from '../../api/partners';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormSection } from '../../components/FormSection';
import { useFlash } from '../../components/flash';
import { useT } from '../../i18n/i18n';

/**
 * コードの自動採番 per master (得意先/仕入先/商品): on or off and the width. Loads and saves on
 * its own (its own API and button), like the MFA policy section.
 */
export function CodeNumberingSection() {
  const t = useT();
  const m = t.codeNumbering;
  const flash = useFlash();
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery(codeNumberingQueryOptions);
  const [items, setItems] = useState(data.items);
  const save = useMutation({
    mutationFn: () => saveCodeNumbering({ items }),
    onSuccess: (saved) => {
      queryClient.setQueryData(codeNumberingQueryOptions.queryKey, saved);
      setItems(saved.items);
      flash(m.saved);
    },
  });
  const update = (kind: string, change: Partial<(typeof items)[number]>) =>
    setItems((current) =>
      current.map((item) => (item.kind === kind ? { ...item, ...change } : item)),
    );
  const valid = items.every(
    (item) => item.width >= AUTO_CODE_WIDTH_MIN && item.width <= AUTO_CODE_WIDTH_MAX,
  );

  return (
    <FormSection title={m.section}>
      <Text size="sm" c="dimmed" mb="sm">
        {m.lead}
      </Text>
      {save.error && <ErrorAlert error={save.error} title={t.systemSettings.saveFailedTitle} />}
      <Table withTableBorder verticalSpacing={6} maw={640} aria-label={m.section}>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.kind}>
              <Table.Td w={160} fw={600}>
                {m.kinds[item.kind]}
              </Table.Td>
              <Table.Td w={140}>
                <Switch
                  label={m.isAuto}
                  aria-label={`${m.kinds[item.kind]} ${m.isAuto}`}
                  checked={item.isAuto}
                  onChange={(event) => update(item.kind, { isAuto: event.currentTarget.checked })}
                />
              </Table.Td>
              <Table.Td w={150}>
                <NumberInput
                  aria-label={`${m.kinds[item.kind]} ${m.width}`}
                  min={AUTO_CODE_WIDTH_MIN}
                  max={AUTO_CODE_WIDTH_MAX}
                  allowDecimal={false}
                  allowNegative={false}
                  clampBehavior="strict"
                  disabled={!item.isAuto}
                  value={item.width}
                  rightSection={<Text size="xs">{m.widthUnit}</Text>}
                  rightSectionWidth={36}
                  onChange={(value) => update(item.kind, { width: Number(value) || 0 })}
                />
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed" className="akinai-numeric">
                  {item.isAuto && m.example('1'.padStart(Math.max(item.width, 1), '0'))}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group justify="flex-end" mt="sm" maw={640}>
        <Button
          variant="light"
          onClick={() => save.mutate()}
          loading={save.isPending}
          disabled={!valid}
        >
          {m.save}
        </Button>
      </Group>
    </FormSection>
  );
}
