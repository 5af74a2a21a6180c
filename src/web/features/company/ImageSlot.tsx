import { Box, Button, FileButton, Group, Image, Paper, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type CompanyImageKind, checkCompanyImage } from '../../../domain/company/company-images';
import type { ImageContentType } from '../../../domain/company/image-content';
import type { CompanyImageInfo } from '../../../server/modules/company/company-profile.schema';
import {
  companyImageUrl,
  companyKeys,
  deleteCompanyImage,
  uploadCompanyImage,
} from '../../api/company';
import { errorMessage } from '../../api/error-message';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useFlash } from '../../components/flash';
import { useLanguage, useT } from '../../i18n/i18n';

async function toBase64(file: File): Promise<string> {
  const url = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
  return url.slice(url.indexOf(',') + 1);
}

/**
 * One image (logo or seal): preview, choose/replace, remove. The shared rule checks the file
 * in the browser first, so a wrong file is named before it is sent; the server checks again.
 */
export function ImageSlot(props: {
  kind: CompanyImageKind;
  info: CompanyImageInfo | null;
  hint: string;
  canEdit: boolean;
}) {
  const { kind, info } = props;
  const t = useT();
  const [language] = useLanguage();
  const m = t.company.images;
  const label = t.company.imageLabels[kind];
  const flash = useFlash();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: companyKeys.profile });

  const upload = useMutation({
    mutationFn: async (file: File) => {
      const declared = (file.type === 'image/jpg' ? 'image/jpeg' : file.type) as ImageContentType;
      const check = checkCompanyImage(new Uint8Array(await file.arrayBuffer()), declared);
      if (check.kind === 'too_large') throw new Error(m.tooLarge);
      if (check.kind === 'invalid') throw new Error(m.invalid);
      if (check.kind === 'type_mismatch') throw new Error(m.mismatch);
      if (check.kind === 'dimensions_exceeded')
        throw new Error(m.dimensions(check.width, check.height));
      return uploadCompanyImage(kind, check.contentType, await toBase64(file));
    },
    onMutate: () => setProblem(null),
    onSuccess: async () => {
      await refresh();
      flash(m.uploaded(label));
    },
    onError: (error) =>
      setProblem(
        error instanceof Error && !('code' in error)
          ? error.message
          : errorMessage(error, t, language),
      ),
  });

  const remove = useMutation({
    mutationFn: () => deleteCompanyImage(kind),
    onSuccess: async () => {
      await refresh();
      setConfirming(false);
      flash(m.removed(label));
    },
    onError: (error) => {
      setConfirming(false);
      setProblem(errorMessage(error, t, language));
    },
  });

  return (
    <Paper withBorder p="md" radius="sm" aria-label={label} component="section">
      <Stack gap="sm">
        <Group justify="space-between" align="baseline">
          <Text fw={700} size="sm" component="h3" m={0}>
            {label}
          </Text>
          {info && (
            <Text size="xs" c="dimmed" className="akinai-numeric">
              {m.size(info.width, info.height, (info.byteSize / 1024).toFixed(1))}
            </Text>
          )}
        </Group>
        <Box
          h={160}
          style={{
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'center',
            border: '1px dashed var(--akinai-panel-border)',
            borderRadius: 4,
            background: 'repeating-conic-gradient(#f3f5f8 0% 25%, #ffffff 0% 50%) 50% / 16px 16px',
          }}
        >
          {info ? (
            <Image
              src={companyImageUrl(kind, info)}
              alt={m.alt(label)}
              fit="contain"
              mah={140}
              maw="90%"
              w="auto"
            />
          ) : (
            <Text size="sm" c="dimmed">
              {m.none}
            </Text>
          )}
        </Box>
        <Text size="xs" c="dimmed">
          {props.hint}
        </Text>
        {problem && (
          <Text size="sm" c="red.7" role="alert">
            {problem}
          </Text>
        )}
        {props.canEdit && (
          <Group gap="xs">
            <FileButton
              onChange={(file) => file && upload.mutate(file)}
              accept="image/png,image/jpeg"
            >
              {(buttonProps) => (
                <Button {...buttonProps} size="xs" loading={upload.isPending}>
                  {info ? m.replace : m.choose}
                </Button>
              )}
            </FileButton>
            {info && (
              <Button size="xs" variant="subtle" color="red" onClick={() => setConfirming(true)}>
                {m.remove}
              </Button>
            )}
          </Group>
        )}
      </Stack>
      <ConfirmDialog
        opened={confirming}
        title={m.removeTitle(label)}
        body={m.removeBody}
        confirmLabel={m.remove}
        busy={remove.isPending}
        onConfirm={() => remove.mutate()}
        onCancel={() => setConfirming(false)}
      />
    </Paper>
  );
}
