import {
  Alert,
  Button,
  Code,
  Group,
  NumberInput,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { createTenantRequestSchema } from '../../../server/modules/operators/operator.schema';
import { isApiError } from '../../api/client';
import { createOpsTenant } from '../../api/ops';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormSection } from '../../components/FormSection';
import { type Crumb, PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/i18n';
import { issuesByField } from '../../lib/validation';

/** 組織を作成: contract and first admin; the initial password is shown once afterwards. */
export function TenantCreatePage() {
  const t = useT();
  const c = t.ops.create;
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [values, setValues] = useState({
    code: '',
    name: '',
    plan: 'スタンダード',
    seatLimit: 5 as number | string,
    contactEmail: '',
    status: 'trial' as 'trial' | 'active',
    adminLoginId: 'admin',
    adminName: '',
  });
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const create = useMutation({
    mutationFn: createOpsTenant,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['ops', 'tenants'] }),
  });
  const serverErrors = isApiError(create.error) ? create.error.fieldErrors() : {};
  const errors = { ...serverErrors, ...clientErrors };
  const set = (field: keyof typeof values) => (value: string | number) => {
    setValues((current) => ({ ...current, [field]: value }));
    setClientErrors((current) => ({ ...current, [field]: '' }));
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = createTenantRequestSchema.safeParse({
      code: values.code,
      name: values.name,
      plan: values.plan,
      seatLimit: values.seatLimit,
      contactEmail: values.contactEmail,
      status: values.status,
      admin: { loginId: values.adminLoginId, name: values.adminName },
    });
    if (!parsed.success) {
      const byField = issuesByField(parsed.error.issues);
      setClientErrors({
        ...byField,
        adminLoginId: byField['admin.loginId'] ?? '',
        adminName: byField['admin.name'] ?? '',
      });
      return;
    }
    create.mutate(parsed.data);
  }

  const crumbs: Crumb[] = [{ label: t.ops.list.title, to: '/ops/tenants' }, { label: c.title }];
  if (create.data) {
    return (
      <>
        <PageHeader title={c.createdTitle} crumbs={crumbs} />
        <Alert color="green" variant="light" title={c.createdTitle} maw={640}>
          <Stack gap="sm">
            <Text size="sm">{c.createdLead}</Text>
            <Group gap="xs">
              <Text size="sm" fw={600}>
                {c.initialPassword}:
              </Text>
              <Code fz="md" data-testid="ops-initial-password">
                {create.data.initialPassword}
              </Code>
            </Group>
            <Group>
              <Button
                onClick={() =>
                  navigate({
                    to: '/ops/tenants/$tenantId',
                    params: { tenantId: create.data?.tenantId ?? '' },
                  })
                }
              >
                {c.toDetail}
              </Button>
            </Group>
          </Stack>
        </Alert>
      </>
    );
  }
  return (
    <>
      <PageHeader title={c.title} crumbs={crumbs} />
      <form onSubmit={submit} noValidate>
        <Stack gap="md" maw={860}>
          {create.error != null && Object.keys(serverErrors).length === 0 && (
            <ErrorAlert error={create.error} />
          )}
          <FormSection title={c.contract}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput
                label={c.code}
                description={c.codeHint}
                withAsterisk
                value={values.code}
                error={errors.code || undefined}
                onChange={(e) => set('code')(e.currentTarget.value)}
              />
              <TextInput
                label={c.name}
                withAsterisk
                value={values.name}
                error={errors.name || undefined}
                onChange={(e) => set('name')(e.currentTarget.value)}
              />
              <Radio.Group
                label={c.status}
                value={values.status}
                onChange={(value) => set('status')(value)}
              >
                <Group mt={6}>
                  <Radio value="trial" label={c.statusTrial} />
                  <Radio value="active" label={c.statusActive} />
                </Group>
              </Radio.Group>
              <TextInput
                label={c.plan}
                withAsterisk
                value={values.plan}
                error={errors.plan || undefined}
                onChange={(e) => set('plan')(e.currentTarget.value)}
              />
              <NumberInput
                label={c.seatLimit}
                withAsterisk
                min={1}
                max={10000}
                w={160}
                value={values.seatLimit}
                error={errors.seatLimit || undefined}
                onChange={(value) => set('seatLimit')(value)}
              />
              <TextInput
                label={c.contactEmail}
                description={c.contactHint}
                withAsterisk
                type="email"
                value={values.contactEmail}
                error={errors.contactEmail || undefined}
                onChange={(e) => set('contactEmail')(e.currentTarget.value)}
              />
            </SimpleGrid>
          </FormSection>
          <FormSection title={c.admin}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput
                label={c.adminLoginId}
                withAsterisk
                value={values.adminLoginId}
                error={errors.adminLoginId || errors['admin.loginId'] || undefined}
                onChange={(e) => set('adminLoginId')(e.currentTarget.value)}
              />
              <TextInput
                label={c.adminName}
                withAsterisk
                value={values.adminName}
                error={errors.adminName || errors['admin.name'] || undefined}
                onChange={(e) => set('adminName')(e.currentTarget.value)}
              />
            </SimpleGrid>
          </FormSection>
          <Group>
            <Button type="submit" loading={create.isPending}>
              {c.submit}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
