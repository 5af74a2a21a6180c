import {
  Alert,
  Anchor,
  Badge,
  Button,
  FileInput,
  Group,
  Input,
  NativeSelect,
  Paper,
  Progress,
  Radio,
  ScrollArea,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Stepper,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, type LinkProps } from '@tanstack/react-router';
import { useState } from 'react';
import {
  commitImport,
  downloadMasterFile,
  type FileFormat,
  getImportJob,
  type ImportJob,
  type ImportMode,
  importJobKey,
  type MasterKind,
  uploadImport,
} from '../../api/master-io';
import { ErrorAlert } from '../../components/ErrorAlert';
import { IconAlert, IconCheck, IconDownload, IconHelp, IconUpload } from '../../components/icons';
import { PageHeader } from '../../components/PageHeader';
import { useLanguage, useT } from '../../i18n/i18n';
import { formatCount } from '../../lib/format';
import { FILE_FORMATS } from './ExportDialog';

interface ImportPageProps {
  master: MasterKind;
  /** The list the crumbs and 「一覧へ戻る」 lead to. */
  listTo: LinkProps['to'];
  listLabel: string;
  /** 追加と更新 needs the master's 修正 permission. */
  canUpdate: boolean;
}

const POLL_MS = 400;

function isActive(job: ImportJob | undefined) {
  return job?.state === 'queued' || job?.state === 'running';
}

/**
 * インポート: ファイル選択 → プレビュー (every row checked, nothing saved) → 取り込み (one
 * transaction, progress from the job) → 結果. The server does the work as a job; this page polls.
 */
export function ImportPage({ master, listTo, listLabel, canUpdate }: ImportPageProps) {
  const t = useT();
  const m = t.masterIo;
  const [language] = useLanguage();
  const count = (value: number) => formatCount(value, language);
  const queryClient = useQueryClient();
  const noun = m.masters[master] ?? master;
  const title = m.importTitle(noun);

  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<ImportMode>('create');
  const [hasHeader, setHasHeader] = useState<'auto' | 'yes' | 'no'>('auto');
  const [templateFormat, setTemplateFormat] = useState<FileFormat>('csv-utf8');
  const [jobId, setJobId] = useState<string | null>(null);

  const upload = useMutation({
    mutationFn: () => uploadImport(master, file!, { mode, hasHeader }),
    onSuccess: (job) => {
      queryClient.setQueryData(importJobKey(master, job.jobId), job);
      setJobId(job.jobId);
    },
  });
  const jobQuery = useQuery({
    queryKey: importJobKey(master, jobId ?? ''),
    queryFn: () => getImportJob(master, jobId!),
    enabled: jobId !== null,
    refetchInterval: (query) => (isActive(query.state.data) ? POLL_MS : false),
  });
  const job = jobId ? jobQuery.data : undefined;
  const commit = useMutation({
    mutationFn: () => commitImport(master, jobId!),
    onSuccess: (next) => queryClient.setQueryData(importJobKey(master, next.jobId), next),
  });
  const template = useMutation({
    mutationFn: () => downloadMasterFile(master, 'import-template', { format: templateFormat }),
  });

  const step = !job ? 0 : job.stage === 'preview' ? 1 : isActive(job) ? 2 : 3;

  function restart() {
    setJobId(null);
    setFile(null);
    upload.reset();
    commit.reset();
  }

  return (
    <>
      <PageHeader
        help="master-import"
        title={title}
        crumbs={[
          { label: t.shell.mainMenu, to: '/' },
          { label: listLabel, to: listTo as never },
          { label: m.import },
        ]}
        description={m.importLead}
      />

      <Paper withBorder p="lg" style={{ borderColor: 'var(--akinai-panel-border)' }}>
        <Stepper active={step} size="sm" mb="xl" allowNextStepsSelect={false}>
          <Stepper.Step label={m.steps.file} />
          <Stepper.Step label={m.steps.preview} loading={step === 1 && isActive(job)} />
          <Stepper.Step label={m.steps.import} loading={step === 2} />
          <Stepper.Step label={m.steps.result} />
        </Stepper>

        {step === 0 && (
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="xl">
            <Stack gap="md" style={{ gridColumn: 'span 2' }}>
              <FileInput
                label={m.fileLabel}
                placeholder={m.filePlaceholder}
                description={m.fileHint}
                accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                leftSection={<IconUpload size={16} />}
                value={file}
                onChange={setFile}
                clearable
                data-testid="import-file"
              />
              <Radio.Group
                label={m.modeLabel}
                value={mode}
                onChange={(value) => setMode(value as ImportMode)}
              >
                <Stack gap="xs" mt="xs">
                  <Radio value="create" label={m.modes.create} description={m.modeHints.create} />
                  <Radio
                    value="upsert"
                    label={m.modes.upsert}
                    description={canUpdate ? m.modeHints.upsert : m.upsertNeedsEdit}
                    disabled={!canUpdate}
                  />
                </Stack>
              </Radio.Group>
              <Stack gap={4}>
                <Input.Label id="import-header-label" component="span">
                  {m.headerLabel}
                </Input.Label>
                <SegmentedControl
                  aria-labelledby="import-header-label"
                  value={hasHeader}
                  onChange={(value) => setHasHeader(value as 'auto' | 'yes' | 'no')}
                  data={(['auto', 'yes', 'no'] as const).map((value) => ({
                    value,
                    label: m.headerOptions[value],
                  }))}
                  w={320}
                />
              </Stack>
              {upload.isError && <ErrorAlert error={upload.error} />}
              <Group>
                <Button
                  disabled={!file}
                  loading={upload.isPending}
                  onClick={() => upload.mutate()}
                  leftSection={<IconUpload size={16} />}
                >
                  {m.startPreview}
                </Button>
              </Group>
            </Stack>
            <Paper withBorder p="md" bg="var(--mantine-color-gray-0)">
              <Stack gap="sm">
                <Title order={4} fz="sm">
                  {m.templateTitle}
                </Title>
                <Text size="sm" c="dimmed">
                  {m.templateLead}
                </Text>
                <NativeSelect
                  aria-label={m.formatLabel}
                  value={templateFormat}
                  onChange={(event) => setTemplateFormat(event.currentTarget.value as FileFormat)}
                  data={FILE_FORMATS.map((value) => ({ value, label: m.formats[value] }))}
                />
                <Button
                  variant="default"
                  leftSection={<IconDownload size={16} />}
                  loading={template.isPending}
                  onClick={() => template.mutate()}
                >
                  {m.downloadTemplate}
                </Button>
                {template.isError && <ErrorAlert error={template.error} />}
                <Anchor
                  size="sm"
                  renderRoot={(props) => (
                    <Link to="/help/$slug" params={{ slug: 'master-import' }} {...props} />
                  )}
                >
                  <Group gap={4} component="span">
                    <IconHelp size={14} />
                    {m.help}
                  </Group>
                </Anchor>
              </Stack>
            </Paper>
          </SimpleGrid>
        )}

        {job && step === 1 && isActive(job) && (
          <Stack gap="xs" maw={560}>
            <Text size="sm">{m.checking}</Text>
            <Progress
              value={Math.max(job.progress, 3)}
              animated
              size="lg"
              aria-label={m.checking}
            />
          </Stack>
        )}

        {job && step === 1 && !isActive(job) && (
          <PreviewStep
            job={job}
            count={count}
            onBack={restart}
            onImport={() => commit.mutate()}
            importing={commit.isPending}
            commitError={commit.error}
          />
        )}

        {job && step === 2 && (
          <Stack gap="xs" maw={560}>
            <Text size="sm">{m.importing}</Text>
            <Progress
              value={Math.max(job.progress, 3)}
              animated
              size="lg"
              aria-label={m.importing}
              data-testid="import-progress"
            />
            <Text size="xs" c="dimmed" className="akinai-numeric">
              {job.progress}%
            </Text>
          </Stack>
        )}

        {job && step === 3 && (
          <Stack gap="md">
            {job.state === 'succeeded' ? (
              <Alert
                color="green"
                variant="light"
                icon={<IconCheck size={18} />}
                title={m.doneTitle}
              >
                <Text size="sm" data-testid="import-result">
                  {m.doneBody(count(job.createCount), count(job.updateCount))}
                </Text>
              </Alert>
            ) : (
              <Alert
                color="red"
                variant="light"
                icon={<IconAlert size={18} />}
                title={m.failedTitle}
              >
                <Text size="sm">{job.failure}</Text>
              </Alert>
            )}
            {job.errors.length > 0 && <ErrorTable job={job} />}
            <Group>
              <Button component={Link} to={listTo as never}>
                {m.backToList}
              </Button>
              <Button variant="default" onClick={restart}>
                {m.another}
              </Button>
            </Group>
          </Stack>
        )}
      </Paper>
    </>
  );
}

function PreviewStep({
  job,
  count,
  onBack,
  onImport,
  importing,
  commitError,
}: {
  job: ImportJob;
  count: (value: number) => string;
  onBack: () => void;
  onImport: () => void;
  importing: boolean;
  commitError: Error | null;
}) {
  const t = useT();
  const m = t.masterIo;
  if (job.state === 'failed') {
    return (
      <Stack gap="md">
        <Alert color="red" variant="light" icon={<IconAlert size={18} />} title={m.failedTitle}>
          <Text size="sm">{job.failure}</Text>
        </Alert>
        <Group>
          <Button variant="default" onClick={onBack}>
            {m.chooseAgain}
          </Button>
        </Group>
      </Stack>
    );
  }
  const blocked = job.errorCount > 0 || job.createCount + job.updateCount === 0;
  return (
    <Stack gap="lg">
      <Group gap="xl" align="flex-start" wrap="wrap">
        <Stack gap={2}>
          <Text size="xs" c="dimmed">
            {m.fileInfo}
          </Text>
          <Text size="sm" fw={600}>
            {job.fileName}
          </Text>
          <Text size="xs" c="dimmed">
            {m.formatInfo(job.format ?? 'csv', job.encoding)}・{m.headerInfo(job.hasHeader)}
          </Text>
        </Stack>
        <Stat label={m.counts.total} value={count(job.totalRows)} />
        <Stat label={m.counts.create} value={count(job.createCount)} color="teal" />
        <Stat label={m.counts.update} value={count(job.updateCount)} color="blue" />
        <Stat
          label={m.counts.errors}
          value={count(job.errorCount)}
          color={job.errorCount > 0 ? 'red' : undefined}
        />
      </Group>

      {job.ignoredHeaders.length > 0 && (
        <Alert color="yellow" variant="light" icon={<IconAlert size={18} />}>
          {m.ignoredHeaders(job.ignoredHeaders.join('、'))}
        </Alert>
      )}

      {job.errorCount > 0 ? (
        <>
          <Alert color="red" variant="light" icon={<IconAlert size={18} />}>
            {m.errorsTitle(count(job.errorCount))}
            {job.errors.length < job.errorCount && ` ${m.errorsCapped(count(job.errors.length))}`}
          </Alert>
          <ErrorTable job={job} />
        </>
      ) : job.preview.rows.length === 0 ? (
        <Alert color="yellow" variant="light">
          {m.noRows}
        </Alert>
      ) : (
        <Stack gap="xs">
          <Text size="sm" fw={700}>
            {m.previewTitle(count(job.preview.rows.length))}
          </Text>
          <ScrollArea type="auto" offsetScrollbars>
            <Table
              withTableBorder
              withColumnBorders
              striped
              fz="xs"
              style={{ whiteSpace: 'nowrap' }}
              data-testid="import-preview"
            >
              <Table.Thead>
                <Table.Tr>
                  {job.preview.headers.map((header) => (
                    <Table.Th key={header}>{header}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {job.preview.rows.map((row, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: preview rows have no identity
                  <Table.Tr key={index}>
                    {row.map((cell, column) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
                      <Table.Td key={column}>{cell}</Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        </Stack>
      )}

      {commitError && <ErrorAlert error={commitError} />}
      <Group justify="space-between">
        <Button variant="default" onClick={onBack}>
          {job.errorCount > 0 ? m.chooseAgain : m.back}
        </Button>
        <Group gap="sm">
          {!blocked && (
            <Text size="xs" c="dimmed">
              {m.runImportHint}
            </Text>
          )}
          <Button disabled={blocked} loading={importing} onClick={onImport}>
            {m.runImport}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}

function Stat({ label, value, color }: { label: string; value: string; color?: string }) {
  return (
    <Stack gap={2} miw={72}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700} c={color} className="akinai-numeric">
        {value}
      </Text>
    </Stack>
  );
}

function ErrorTable({ job }: { job: ImportJob }) {
  const m = useT().masterIo;
  return (
    <ScrollArea.Autosize mah={360} type="auto">
      <Table withTableBorder fz="sm" data-testid="import-errors" stickyHeader>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={90}>{m.errorColumns.line}</Table.Th>
            <Table.Th w={160}>{m.errorColumns.column}</Table.Th>
            <Table.Th>{m.errorColumns.message}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {job.errors.map((error, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: one row may have several errors
            <Table.Tr key={index}>
              <Table.Td className="akinai-numeric">{m.errorLine(error.line)}</Table.Td>
              <Table.Td>
                {error.column ? (
                  <Badge variant="light" color="gray">
                    {error.column}
                  </Badge>
                ) : (
                  '—'
                )}
              </Table.Td>
              <Table.Td>{error.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}
