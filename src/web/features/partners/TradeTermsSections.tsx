import {
  Box,
  Grid,
  Input,
  MultiSelect,
  NativeSelect,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { type ClosingDay, MONTH_END } from '../../../domain/billing/closing-dates';
import {
  PAYMENT_MONTHS_MAX,
  priceClasses,
  type TradeTerms,
  tradeTermsSummary,
} from '../../../domain/partners/trade-terms';
import { partnerOptionsQueryOptions } from '../../api/partners';
import { FormSection } from '../../components/FormSection';
import { useT } from '../../i18n/i18n';
import type { TradeTermsValues } from './partner-form-model';

type TermsField = keyof TradeTermsValues;

interface TradeTermsSectionsProps {
  values: TradeTermsValues;
  errors: Partial<Record<string, string | undefined>>;
  onChange: (field: TermsField, value: TradeTermsValues[TermsField]) => void;
  /** 回収 (得意先) or 支払 (仕入先): the same terms under their own words. */
  side: 'receivable' | 'payable';
  /** The 担当者 and 部門 the record already names (shown even if no longer offered). */
  current?: { staff: { name: string } | null; department: { code: string; name: string } | null };
  /** Fields of one master only, placed in the trade terms panel (与信限度額). */
  extra?: ReactNode;
}

const days: ClosingDay[] = [...Array.from({ length: 28 }, (_, i) => i + 1), MONTH_END];

/**
 * 締め・回収条件 (or 支払条件) and 取引条件 of a partner form, with the one-line summary the
 * billing rules print (「末日締め 翌月末日 振込（休日は前営業日）」), live as the user edits.
 */
export function TradeTermsSections(props: TradeTermsSectionsProps) {
  const { values, errors, onChange, side, current } = props;
  const t = useT();
  const m = t.partnerTerms;
  const f = m.fields;
  const options = useQuery(partnerOptionsQueryOptions);
  const dayOptions = days.map((day) => ({ value: String(day), label: m.day(day) }));
  const select = <K extends TermsField>(field: K, labels: Record<string, string>) => ({
    name: field,
    value: String(values[field]),
    error: errors[field],
    data: Object.entries(labels).map(([value, label]) => ({ value, label })),
    onChange: (event: { currentTarget: { value: string } }) =>
      onChange(field, event.currentTarget.value as TradeTermsValues[K]),
  });

  const staffOptions = (options.data?.staff ?? []).map((u) => ({ value: u.userId, label: u.name }));
  if (values.staffUserId && !staffOptions.some((o) => o.value === values.staffUserId)) {
    staffOptions.unshift({ value: values.staffUserId, label: current?.staff?.name ?? '—' });
  }
  const departmentOptions = (options.data?.departments ?? []).map((d) => ({
    value: d.departmentId,
    label: `${d.code}　${d.name}`,
  }));
  if (values.departmentId && !departmentOptions.some((o) => o.value === values.departmentId)) {
    const known = current?.department;
    departmentOptions.unshift({
      value: values.departmentId,
      label: known ? `${known.code}　${known.name}` : '—',
    });
  }

  const summary = tradeTermsSummary(values as TradeTerms);
  const perSale = values.closingKind === 'perSale';

  return (
    <>
      <FormSection title={m.closingSection[side]}>
        <Grid gap="md">
          <Grid.Col span={12}>
            <Stack gap={4}>
              <Input.Label id="closing-kind-label" component="span">
                {f.closingKind}
              </Input.Label>
              <SegmentedControl
                aria-labelledby="closing-kind-label"
                value={values.closingKind}
                onChange={(value) =>
                  onChange('closingKind', value as TradeTermsValues['closingKind'])
                }
                data={Object.entries(m.closingKinds).map(([value, label]) => ({ value, label }))}
                w="fit-content"
              />
            </Stack>
          </Grid.Col>
          {!perSale && (
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <MultiSelect
                name="closingDays"
                label={f.closingDays}
                description={m.hints.closingDays}
                withAsterisk
                data={dayOptions}
                value={values.closingDays.map(String)}
                maxValues={4}
                error={errors.closingDays ?? errors['closingDays.0']}
                onChange={(selected) =>
                  onChange(
                    'closingDays',
                    selected.map(Number).sort((a, b) => a - b),
                  )
                }
                searchable
              />
            </Grid.Col>
          )}
          <Grid.Col span={{ base: 6, sm: 3 }}>
            <NativeSelect
              label={f.paymentMonthsAfter[side]}
              name="paymentMonthsAfter"
              value={String(values.paymentMonthsAfter)}
              error={errors.paymentMonthsAfter}
              data={Array.from({ length: PAYMENT_MONTHS_MAX + 1 }, (_, n) => ({
                value: String(n),
                label: m.months(n),
              }))}
              onChange={(event) =>
                onChange('paymentMonthsAfter', Number(event.currentTarget.value))
              }
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 3 }}>
            <NativeSelect
              label={f.paymentDay[side]}
              name="paymentDay"
              value={String(values.paymentDay)}
              error={errors.paymentDay}
              data={dayOptions}
              onChange={(event) => onChange('paymentDay', Number(event.currentTarget.value))}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <NativeSelect
              label={f.paymentMethod[side]}
              {...select('paymentMethod', m.paymentMethods)}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <NativeSelect
              label={f.holidayShift}
              description={m.hints.holidayShift}
              {...select('holidayShift', m.holidayShifts)}
            />
          </Grid.Col>
          <Grid.Col span={12}>
            {/* Not an alert: it restates the inputs and must not be announced on every change. */}
            <Box
              px="md"
              py={8}
              bg="var(--mantine-color-blue-light)"
              style={{ borderRadius: 'var(--mantine-radius-sm)' }}
              data-testid="terms-summary"
            >
              <Text size="sm">
                <Text span fw={700} mr="sm">
                  {m.summary}
                </Text>
                {summary}
              </Text>
            </Box>
          </Grid.Col>
        </Grid>
      </FormSection>

      <FormSection title={m.tradeSection}>
        <Grid gap="md">
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <NativeSelect label={f.taxUnit} {...select('taxUnit', m.taxUnits)} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <NativeSelect label={f.taxRounding} {...select('taxRounding', m.roundingModes)} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }} visibleFrom="sm" />
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <NativeSelect
              label={f.priceClass}
              name="priceClass"
              value={String(values.priceClass)}
              error={errors.priceClass}
              data={priceClasses.map((n) => ({ value: String(n), label: m.priceClass(n) }))}
              onChange={(event) => onChange('priceClass', Number(event.currentTarget.value))}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput
              label={f.ratePercent}
              name="ratePercent"
              description={m.hints.ratePercent}
              value={values.ratePercent}
              error={errors.ratePercent}
              inputMode="decimal"
              rightSection={<Text size="sm">%</Text>}
              onChange={(event) => onChange('ratePercent', event.currentTarget.value)}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <NativeSelect label={f.priceRounding} {...select('priceRounding', m.roundingModes)} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <NativeSelect
              label={f.staffUserId}
              name="staffUserId"
              value={values.staffUserId ?? ''}
              error={errors.staffUserId}
              data={[{ value: '', label: m.none }, ...staffOptions]}
              onChange={(event) => onChange('staffUserId', event.currentTarget.value || null)}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <NativeSelect
              label={f.departmentId}
              name="departmentId"
              value={values.departmentId ?? ''}
              error={errors.departmentId}
              data={[{ value: '', label: m.none }, ...departmentOptions]}
              onChange={(event) => onChange('departmentId', event.currentTarget.value || null)}
            />
          </Grid.Col>
          {props.extra && <Grid.Col span={{ base: 12, sm: 4 }}>{props.extra}</Grid.Col>}
        </Grid>
      </FormSection>
    </>
  );
}
