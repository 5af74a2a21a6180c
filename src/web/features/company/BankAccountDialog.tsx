import {
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Switch,
  TextInput,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { type BankAccountType, bankAccountTypes } from '../../../domain/company/bank-account';
import {
  type BankAccount,
  bankAccountInputSchema,
} from '../../../server/modules/company/bank-account.schema';
import { createBankAccount, updateBankAccount } from '../../api/company';
import { FormSaveAlerts } from '../../components/FormSaveAlerts';
import { textFieldBinder } from '../../components/form/text-field';
import { useFormErrors } from '../../components/form/useFormErrors';
import { useT } from '../../i18n/i18n';
import { issuesByField } from '../../lib/validation';

type TextField =
  | 'bankName'
  | 'bankCode'
  | 'branchName'
  | 'branchCode'
  | 'accountNumber'
  | 'accountHolder';
type Field = TextField | 'accountType' | 'sortOrder' | 'isDefault';
const fields = new Set<string>([
  'bankName',
  'bankCode',
  'branchName',
  'branchCode',
  'accountNumber',
  'accountHolder',
  'accountType',
  'sortOrder',
  'isDefault',
]);
const isField = (path: string): path is Field => fields.has(path);

interface Values extends Record<TextField, string> {
  accountType: BankAccountType;
  sortOrder: number;
  isDefault: boolean;
}

function valuesOf(account: BankAccount | null, nextSortOrder: number): Values {
  return {
    bankName: account?.bankName ?? '',
    bankCode: account?.bankCode ?? '',
    branchName: account?.branchName ?? '',
    branchCode: account?.branchCode ?? '',
    accountType: account?.accountType ?? 'ordinary',
    accountNumber: account?.accountNumber ?? '',
    accountHolder: account?.accountHolder ?? '',
    sortOrder: account?.sortOrder ?? nextSortOrder,
    isDefault: account?.isDefault ?? false,
  };
}

/** Add or change one 振込先; the shared schema normalises kana and pads the number. */
export function BankAccountDialog(props: {
  account: BankAccount | null;
  nextSortOrder: number;
  onClose: () => void;
  onSaved: (account: BankAccount) => Promise<void>;
}) {
  const { account } = props;
  const t = useT();
  const b = t.company.bank;
  const [values, setValues] = useState(() => valuesOf(account, props.nextSortOrder));
  const form = useFormErrors(isField);
  const save = useMutation({
    mutationFn: (input: Values) => {
      const parsed = bankAccountInputSchema.parse(input);
      return account
        ? updateBankAccount(account.bankAccountId, { ...parsed, version: account.version })
        : createBankAccount(parsed);
    },
    onSuccess: props.onSaved,
  });

  function change<K extends Field>(field: K, value: Values[K]) {
    setValues((current) => ({ ...current, [field]: value }));
    form.clearField(field);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    save.reset();
    const parsed = bankAccountInputSchema.safeParse(values);
    if (!parsed.success) return form.show(issuesByField(parsed.error.issues));
    await form.save(() => save.mutateAsync(values));
  }

  const text = textFieldBinder<TextField>(values, form.errors, b.fields, change);
  return (
    <Modal
      opened
      onClose={props.onClose}
      title={account ? b.editTitle : b.newTitle}
      size="lg"
      centered
    >
      <form ref={form.formRef} onSubmit={submit} noValidate>
        <FormSaveAlerts
          invalidCount={form.invalidCount}
          saveError={save.error}
          otherErrors={form.otherErrors}
          labels={t.common.form}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput {...text('bankName')} withAsterisk maxLength={30} />
          <TextInput
            {...text('bankCode')}
            description={b.hints.bankCode}
            maxLength={4}
            inputMode="numeric"
          />
          <TextInput {...text('branchName')} withAsterisk maxLength={30} />
          <TextInput
            {...text('branchCode')}
            description={b.hints.branchCode}
            maxLength={3}
            inputMode="numeric"
          />
          <Select
            label={b.fields.accountType}
            withAsterisk
            data={bankAccountTypes.map((value) => ({ value, label: b.accountTypes[value] }))}
            value={values.accountType}
            onChange={(value) => value && change('accountType', value as BankAccountType)}
            error={form.errors.accountType}
            allowDeselect={false}
          />
          <TextInput
            {...text('accountNumber')}
            withAsterisk
            description={b.hints.accountNumber}
            maxLength={8}
            inputMode="numeric"
            className="akinai-numeric"
          />
        </SimpleGrid>
        <TextInput
          {...text('accountHolder')}
          withAsterisk
          description={b.hints.accountHolder}
          maxLength={48}
          mt="md"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" mt="md">
          <NumberInput
            label={b.fields.sortOrder}
            value={values.sortOrder}
            min={0}
            max={9999}
            allowDecimal={false}
            allowNegative={false}
            onChange={(value) => change('sortOrder', typeof value === 'number' ? value : 0)}
            error={form.errors.sortOrder}
          />
          <Switch
            mt={30}
            label={b.fields.isDefault}
            checked={values.isDefault}
            onChange={(event) => change('isDefault', event.currentTarget.checked)}
          />
        </SimpleGrid>
        <Group justify="flex-end" mt="xl">
          <Button variant="default" onClick={props.onClose}>
            {t.common.cancel}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t.common.save}
          </Button>
        </Group>
      </form>
    </Modal>
  );
}
