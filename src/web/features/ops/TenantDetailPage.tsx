import {
  Alert,
  Badge,
  Box,
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import type { TenantDetail } from '../../../server/modules/operators/operator.schema';
import { isApiError } from '../../api/client';
import {
  changeOpsSeatLimit,
  convertOpsTenant,
  endOpsContract,
  opsTenantQueryOptions,
  requestBreakGlass,
} from '../../api/ops';
import { DataTable } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormSection } from '../../components/FormSection';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/i18n';
import { formatJstDateTime } from '../../lib/format';
import { TenantStatusBadge } from './TenantStatusBadge';

const jst = (iso: string | null) => (iso ? formatJstDateTime(iso) : '—');

/** One tenant's contract, the contract actions and break-glass (never its business data). */
export function TenantDetailPage() {
  const t = useT();
  const d = t.ops.detail;
  const c = t.ops.list.columns;
  const { tenantId } = useParams({ from: '/ops/_console/tenants/$tenantId' });
  const tenant = useSuspenseQuery(opsTenantQueryOptions(tenantId)).data;
  const facts: [string, ReactNode][] = [
    [c.code, tenant.code],
    [c.status, <TenantStatusBadge key="s" status={tenant.status} />],
    [c.plan, tenant.plan],
    [c.seats, `${tenant.seatsUsed} / ${tenant.seatLimit}`],
    [c.trialEndsAt, jst(tenant.trialEndsAt)],
    [c.contractEndedAt, jst(tenant.contractEndedAt)],
    [c.createdAt, jst(tenant.createdAt)],
    [c.contactEmail, tenant.contactEmail || '—'],
  ];
  return (
    <>
      <PageHeader
        title={tenant.name}
        crumbs={[{ label: t.ops.list.title, to: '/ops/tenants' }, { label: tenant.code }]}
      />
      <Stack gap="md" maw={980}>
        <FormSection title={d.contract}>
          <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
            {facts.map(([label, value]) => (
              <Box key={label}>
                <Text size="xs" c="dimmed">
                  {label}
                </Text>
                <Text size="sm" fw={500} className="akinai-numeric" component="div">
                  {value}
                </Text>
              </Box>
            ))}
          </SimpleGrid>
        </FormSection>
        {tenant.status !== 'ended' && (
          <FormSection title={d.actions}>
            <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
              {tenant.status === 'trial' && <ConvertCard tenant={tenant} />}
              <SeatLimitCard tenant={tenant} />
              <EndContractCard tenant={tenant} />
            </SimpleGrid>
          </FormSection>
        )}
        <BreakGlassSection tenant={tenant} />
      </Stack>
    </>
  );
}

function useTenantAction<I>(tenantId: string, action: (input: I) => Promise<TenantDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: action,
    onSuccess: (detail) => {
      queryClient.setQueryData(opsTenantQueryOptions(tenantId).queryKey, detail);
      return queryClient.invalidateQueries({ queryKey: ['ops', 'tenants'] });
    },
  });
}

function ActionCard({
  title,
  hint,
  children,
}: {
  title: string;
  hint: string;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="md">
      <Text fw={600} size="sm">
        {title}
      </Text>
      <Text size="xs" c="dimmed" mb="sm">
        {hint}
      </Text>
      {children}
    </Paper>
  );
}

function fieldError(error: unknown, field: string): string | undefined {
  return isApiError(error) ? (error.fieldErrors()[field] ?? undefined) : undefined;
}

function generalError(error: unknown, fields: string[]) {
  if (!error) return null;
  if (isApiError(error) && fields.some((f) => error.fieldErrors()[f])) return null;
  return <ErrorAlert error={error} />;
}

function ConvertCard({ tenant }: { tenant: TenantDetail }) {
  const t = useT();
  const d = t.ops.detail;
  const [plan, setPlan] = useState('スタンダード');
  const [seatLimit, setSeatLimit] = useState<number | string>(tenant.seatLimit);
  const convert = useTenantAction(tenant.tenantId, (input: { plan: string; seatLimit: number }) =>
    convertOpsTenant(tenant.tenantId, input),
  );
  return (
    <ActionCard title={d.convert} hint={d.convertHint}>
      <Stack gap="xs">
        {generalError(convert.error, ['plan', 'seatLimit'])}
        <TextInput
          label={t.ops.create.plan}
          value={plan}
          error={fieldError(convert.error, 'plan')}
          onChange={(e) => setPlan(e.currentTarget.value)}
        />
        <NumberInput
          label={t.ops.create.seatLimit}
          min={1}
          value={seatLimit}
          error={fieldError(convert.error, 'seatLimit')}
          onChange={setSeatLimit}
        />
        <Button
          loading={convert.isPending}
          onClick={() => convert.mutate({ plan, seatLimit: Number(seatLimit) })}
        >
          {d.convert}
        </Button>
      </Stack>
    </ActionCard>
  );
}

function SeatLimitCard({ tenant }: { tenant: TenantDetail }) {
  const t = useT();
  const d = t.ops.detail;
  const [seatLimit, setSeatLimit] = useState<number | string>(tenant.seatLimit);
  const change = useTenantAction(tenant.tenantId, (value: number) =>
    changeOpsSeatLimit(tenant.tenantId, value),
  );
  return (
    <ActionCard title={d.seatLimit} hint={d.seatLimitHint}>
      <Stack gap="xs">
        {generalError(change.error, ['seatLimit'])}
        {change.isSuccess && (
          <Alert color="green" variant="light" py={6}>
            {d.saved}
          </Alert>
        )}
        <NumberInput
          label={t.ops.create.seatLimit}
          min={1}
          value={seatLimit}
          error={fieldError(change.error, 'seatLimit')}
          onChange={setSeatLimit}
        />
        <Button
          variant="default"
          loading={change.isPending}
          onClick={() => change.mutate(Number(seatLimit))}
        >
          {d.apply}
        </Button>
      </Stack>
    </ActionCard>
  );
}

function EndContractCard({ tenant }: { tenant: TenantDetail }) {
  const t = useT();
  const d = t.ops.detail;
  const [confirmCode, setConfirmCode] = useState('');
  const end = useTenantAction(tenant.tenantId, (code: string) =>
    endOpsContract(tenant.tenantId, code),
  );
  return (
    <ActionCard title={d.endContract} hint={d.endHint}>
      <Stack gap="xs">
        {generalError(end.error, ['confirmCode'])}
        <TextInput
          label={d.confirmCode}
          placeholder={tenant.code}
          value={confirmCode}
          error={fieldError(end.error, 'confirmCode')}
          onChange={(e) => setConfirmCode(e.currentTarget.value)}
        />
        <Button
          color="red"
          variant="light"
          disabled={confirmCode !== tenant.code}
          loading={end.isPending}
          onClick={() => end.mutate(confirmCode)}
        >
          {d.endContract}
        </Button>
      </Stack>
    </ActionCard>
  );
}

function BreakGlassSection({ tenant }: { tenant: TenantDetail }) {
  const t = useT();
  const d = t.ops.detail;
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [minutes, setMinutes] = useState('60');
  const grant = useMutation({
    mutationFn: () => requestBreakGlass(tenant.tenantId, { reason, minutes: Number(minutes) }),
    onSuccess: () => {
      setReason('');
      return queryClient.invalidateQueries({
        queryKey: opsTenantQueryOptions(tenant.tenantId).queryKey,
      });
    },
  });
  return (
    <FormSection title={d.breakGlass}>
      <Text size="sm" c="dimmed" mb="sm">
        {d.breakGlassHint}
      </Text>
      <Stack gap="xs" maw={640}>
        {generalError(grant.error, ['reason', 'minutes'])}
        {grant.isSuccess && (
          <Alert color="orange" variant="light" py={6}>
            {d.granted}
          </Alert>
        )}
        <Textarea
          label={d.reason}
          withAsterisk
          autosize
          minRows={2}
          value={reason}
          error={fieldError(grant.error, 'reason')}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        <Group align="flex-end">
          <NativeSelect
            label={d.minutes}
            value={minutes}
            onChange={(e) => setMinutes(e.currentTarget.value)}
            data={[
              { value: '30', label: '30分' },
              { value: '60', label: '1時間' },
              { value: '120', label: '2時間' },
              { value: '240', label: '4時間' },
            ]}
          />
          <Button color="orange" loading={grant.isPending} onClick={() => grant.mutate()}>
            {d.request}
          </Button>
        </Group>
      </Stack>
      <Text fw={600} size="sm" mt="lg" mb="xs">
        {d.grants}
      </Text>
      <DataTable
        label={d.grants}
        minWidth={700}
        highlightOnHover={false}
        empty={tenant.breakGlass.length === 0 ? d.noGrants : undefined}
        head={
          <>
            <Table.Th w={150}>{t.ops.audit.columns.at}</Table.Th>
            <Table.Th>{d.operator}</Table.Th>
            <Table.Th>{d.reason}</Table.Th>
            <Table.Th w={190}>{d.expiresAt}</Table.Th>
          </>
        }
      >
        {tenant.breakGlass.map((g) => (
          <Table.Tr key={g.grantId}>
            <Table.Td className="akinai-numeric">{jst(g.createdAt)}</Table.Td>
            <Table.Td>{g.operatorLoginId}</Table.Td>
            <Table.Td>{g.reason}</Table.Td>
            <Table.Td className="akinai-numeric">
              <Group gap={6} wrap="nowrap">
                {jst(g.expiresAt)}
                <Badge size="sm" variant="light" color={g.active ? 'orange' : 'gray'}>
                  {g.active ? d.activeBadge : d.expiredBadge}
                </Badge>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
    </FormSection>
  );
}
