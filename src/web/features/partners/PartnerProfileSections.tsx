import { Grid, Group, Radio, Switch, Text, Textarea, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { honorifics } from '../../../domain/partners/partner-fields';
import { FormSection } from '../../components/FormSection';
import { textFieldBinder } from '../../components/form/text-field';
import type { PartnerFormMessages } from './partner-form-model';

export interface PartnerProfileValues {
  code: string;
  name: string;
  kana: string;
  shortName: string;
  honorific: (typeof honorifics)[number];
  postalCode: string;
  address1: string;
  address2: string;
  phone: string;
  fax: string;
  email: string;
  notes: string;
  isActive: boolean;
}

type ProfileField = keyof PartnerProfileValues;

interface PartnerProfileSectionsProps {
  values: PartnerProfileValues;
  errors: Partial<Record<string, string | undefined>>;
  onChange: (field: ProfileField, value: PartnerProfileValues[ProfileField]) => void;
  messages: PartnerFormMessages;
  /** 自動採番 is on and this is a new record: the code may be left empty. */
  autoNumbering: boolean;
}

/** 基本情報 and 連絡先 of a 得意先 or 仕入先 form. */
export function PartnerProfileSections(props: PartnerProfileSectionsProps) {
  const { values, errors, onChange, messages, autoNumbering } = props;
  const f = messages.fields;
  const hints = messages.hints;
  const text = textFieldBinder<Exclude<ProfileField, 'honorific' | 'isActive'>>(
    values,
    errors,
    f,
    onChange,
  );
  return (
    <>
      <FormSection title={messages.sections.basic}>
        <Grid gap="md">
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput
              {...text('code')}
              withAsterisk={!autoNumbering}
              description={autoNumbering ? hints.codeAuto : hints.code}
              placeholder={autoNumbering ? messages.autoNumber : undefined}
              autoComplete="off"
              maxLength={15}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 8 }}>
            <Switch
              mt={{ base: 0, sm: 30 }}
              name="isActive"
              label={f.isActive}
              description={hints.isActive}
              checked={values.isActive}
              onChange={(event) => onChange('isActive', event.currentTarget.checked)}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 8 }}>
            <TextInput {...text('name')} withAsterisk autoComplete="organization" />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <Radio.Group
              name="honorific"
              label={f.honorific}
              value={values.honorific === '' ? 'none' : values.honorific}
              onChange={(value) =>
                onChange(
                  'honorific',
                  value === 'none' ? '' : (value as PartnerProfileValues['honorific']),
                )
              }
              error={errors.honorific}
            >
              <Group gap="lg" mt={8}>
                {honorifics.map((honorific) => (
                  <Radio
                    key={honorific || 'none'}
                    value={honorific || 'none'}
                    label={messages.honorifics[honorific || 'none']}
                  />
                ))}
              </Group>
            </Radio.Group>
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 8 }}>
            <TextInput {...text('kana')} description={hints.kana} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput {...text('shortName')} description={hints.shortName} />
          </Grid.Col>
        </Grid>
      </FormSection>

      <FormSection title={messages.sections.contact}>
        <Grid gap="md">
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput
              {...text('postalCode')}
              description={hints.postalCode}
              leftSection={<Text size="sm">〒</Text>}
              autoComplete="postal-code"
              inputMode="numeric"
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 8 }} visibleFrom="sm" />
          <Grid.Col span={12}>
            <TextInput {...text('address1')} description={hints.address1} />
          </Grid.Col>
          <Grid.Col span={12}>
            <TextInput {...text('address2')} description={hints.address2} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput {...text('phone')} description={hints.phone} type="tel" />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput {...text('fax')} type="tel" />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput {...text('email')} type="email" autoComplete="email" />
          </Grid.Col>
        </Grid>
      </FormSection>
    </>
  );
}

/** その他 (備考) at the bottom of a partner form. */
export function PartnerNotesSection(props: {
  value: string;
  error?: string;
  onChange: (value: string) => void;
  messages: PartnerFormMessages;
  children?: ReactNode;
}) {
  return (
    <FormSection title={props.messages.sections.other}>
      <Textarea
        name="notes"
        label={props.messages.fields.notes}
        value={props.value}
        error={props.error}
        onChange={(event) => props.onChange(event.currentTarget.value)}
        autosize
        minRows={3}
        maxRows={8}
      />
    </FormSection>
  );
}
