import {
  Alert,
  Anchor,
  Button,
  Code,
  FileInput,
  Group,
  Paper,
  Progress,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Stepper,
  Text,
  Title,
} from '@mantine/core';
import type { ImportJob, ImportPreview } from '@servix/server/modules/imports/imports.schema';
import {
  IconAlertTriangle,
  IconCircleCheck,
  IconDownload,
  IconFileSpreadsheet,
  IconFileTypeCsv,
  IconRefresh,
  IconUpload,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { messageOf } from '../../api/client';
import {
  type ImportEntity,
  importReportUrl,
  importTemplateUrl,
  useImportEntities,
  useImportJob,
  usePreviewImport,
  useStartImport,
} from '../../api/imports';
import { i18n } from '../../i18n';
import { PageHeader } from '../../ui/page-header';
import { FormAlert, LoadError, PageLoader } from '../../ui/states';
import { allowedValues, IMPORT_FILE_ACCEPT, jobFileName, jobPercent, readFileBytes } from './import-file';
import { ImportPreviewView } from './import-preview-view';

/** Where the imported records are listed, for a link after the import. */
const LIST_OF: Record<string, string> = {
  categories: '/catalog/categories',
  brands: '/catalog/brands',
  models: '/catalog/models',
  'service-types': '/catalog/service-types',
  'norm-overrides': '/catalog/service-types',
  parts: '/catalog/parts',
  technicians: '/settings/technicians',
  warehouses: '/stock/warehouses',
};

/** Text for a code the server may extend: its translation when there is one, else the code itself. */
function textFor(key: string, fallback: string): string {
  const text: unknown = i18n.getResource(i18n.language, 'translation', key);
  return typeof text === 'string' ? text : fallback;
}

export function entityLabel(entity: string): string {
  return textFor(`imports.entities.${entity}`, entity);
}

interface ChosenFile {
  name: string;
  bytes: ArrayBuffer;
}

function JobProgress({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const percent = jobPercent(job);
  const running = job.status !== 'done' && job.status !== 'failed';
  return (
    <Stack gap={6}>
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={500} data-testid="import-status">
          {textFor(`imports.status.${job.status}`, job.status)}
        </Text>
        <Text
          size="sm"
          c="dimmed"
          style={{ fontVariantNumeric: 'tabular-nums' }}
          data-testid="import-progress-text"
        >
          {job.totalRows > 0
            ? t('imports.progressRows', { processed: job.processedRows, total: job.totalRows })
            : t('imports.progressStarting')}
        </Text>
      </Group>
      <Progress
        value={percent ?? 100}
        striped={running}
        animated={running}
        color={job.status === 'failed' ? 'red' : job.status === 'done' ? 'green' : 'blue'}
        size="lg"
        radius="xl"
        aria-label={t('imports.progressLabel')}
        data-testid="import-progress"
      />
    </Stack>
  );
}

function JobResult({ job, onAgain }: { job: ImportJob; onAgain: () => void }) {
  const { t } = useTranslation();
  const list = LIST_OF[job.entity];
  if (job.status === 'failed') {
    return (
      <Alert
        color="red"
        icon={<IconAlertTriangle size={18} />}
        title={
          job.importedRows > 0
            ? t('imports.partialTitle', { count: job.importedRows })
            : t('imports.failedTitle')
        }
      >
        <Stack gap="xs" align="flex-start">
          <Text size="sm">
            {job.importedRows > 0
              ? t('imports.failed.partial', { count: job.importedRows })
              : textFor(`imports.failed.${job.message ?? ''}`, t('imports.failed.other'))}
          </Text>
          {job.rejectedRows > 0 && (
            <Anchor href={importReportUrl(job.id)} download size="sm">
              {t('imports.downloadReport')}
            </Anchor>
          )}
          <Button
            size="xs"
            variant="light"
            color="red"
            leftSection={<IconRefresh size={14} />}
            onClick={onAgain}
          >
            {t('imports.again')}
          </Button>
        </Stack>
      </Alert>
    );
  }
  return (
    <Alert
      color="green"
      icon={<IconCircleCheck size={18} />}
      title={t('imports.doneTitle')}
      data-testid="import-result"
    >
      <Stack gap="sm" align="flex-start">
        <SimpleGrid cols={2} spacing="xl">
          <div>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {t('imports.imported')}
            </Text>
            <Text fz={24} fw={700} c="green.8" data-testid="import-imported">
              {job.importedRows}
            </Text>
          </div>
          <div>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {t('imports.rejected')}
            </Text>
            <Text fz={24} fw={700} c={job.rejectedRows ? 'red.8' : undefined} data-testid="import-rejected">
              {job.rejectedRows}
            </Text>
          </div>
        </SimpleGrid>
        <Group gap="sm">
          {job.rejectedRows > 0 && (
            <Button
              component="a"
              href={importReportUrl(job.id)}
              download
              variant="default"
              size="xs"
              leftSection={<IconDownload size={14} />}
            >
              {t('imports.downloadReport')}
            </Button>
          )}
          {list && (
            <Button component={Link} to={list} variant="light" size="xs">
              {t('imports.openList', { entity: entityLabel(job.entity) })}
            </Button>
          )}
          <Button variant="subtle" size="xs" leftSection={<IconRefresh size={14} />} onClick={onAgain}>
            {t('imports.again')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

function TemplateLink({
  href,
  label,
  icon,
  testId,
}: {
  href: string;
  label: string;
  icon: React.ReactNode;
  testId: string;
}) {
  return (
    <Anchor href={href} download size="sm" data-testid={testId}>
      <Group gap={4} wrap="nowrap" component="span">
        {icon}
        {label}
      </Group>
    </Anchor>
  );
}

/**
 * The empty templates of an entity from the server: Excel (with a sheet of what each column takes), CSV in UTF-8,
 * CSV in Windows-1251 with semicolons; with Bulgarian headers or English names, the screen's language first.
 */
function Templates({ entity }: { entity: string }) {
  const { t, i18n: active } = useTranslation();
  const [language, setLanguage] = useState<'bg' | 'en'>(active.language === 'en' ? 'en' : 'bg');
  return (
    <Stack gap={6} data-testid="import-templates">
      <Group gap="sm" wrap="wrap">
        <Text size="sm" fw={500}>
          {t('imports.templates', { entity: entityLabel(entity) })}
        </Text>
        <SegmentedControl
          size="xs"
          aria-label={t('imports.templateHeaders')}
          value={language}
          onChange={(v) => setLanguage(v === 'en' ? 'en' : 'bg')}
          data={[
            { value: 'bg', label: t('imports.headersBg') },
            { value: 'en', label: t('imports.headersEn') },
          ]}
        />
      </Group>
      <Group gap="lg" wrap="wrap" style={{ rowGap: 4 }}>
        <Stack gap={0}>
          <TemplateLink
            href={importTemplateUrl(entity, 'xlsx', language)}
            label={t('imports.templateXlsx')}
            icon={<IconFileSpreadsheet size={16} />}
            testId="template-xlsx"
          />
          <Text size="xs" c="dimmed">
            {t('imports.templateXlsxHint')}
          </Text>
        </Stack>
        <TemplateLink
          href={importTemplateUrl(entity, 'csv', language)}
          label={t('imports.templateCsv')}
          icon={<IconFileTypeCsv size={16} />}
          testId="template-csv"
        />
        <TemplateLink
          href={importTemplateUrl(entity, 'csv-windows-1251', language)}
          label={t('imports.templateCsv1251')}
          icon={<IconFileTypeCsv size={16} />}
          testId="template-csv-1251"
        />
      </Group>
    </Stack>
  );
}

/**
 * The columns the chosen entity's file has (the required ones marked, each with its Bulgarian header, which the
 * file may use instead), the values of the coded ones, and the empty templates to fill in.
 */
function EntityColumns({ entity }: { entity: ImportEntity }) {
  const { t, i18n: active } = useTranslation();
  const language = active.language === 'en' ? 'en' : 'bg';
  const fields = entity.fields;
  // The id is written by an export and ignored on import: no one fills it in.
  const columns = entity.columns.filter((c) => c !== 'id');
  const headerBg = new Map(fields.map((f) => [f.column, f.headerBg]));
  const coded = fields.filter((f) => f.values.length > 0);
  return (
    <Stack gap={6} data-testid="import-columns">
      <Text size="sm" c="dimmed">
        {t('imports.columnsHint')}
      </Text>
      <Group gap={6}>
        {columns.map((c) => (
          <Code key={c} fw={entity.requiredColumns.includes(c) ? 700 : 400}>
            {c}
            {entity.requiredColumns.includes(c) ? ' *' : ''}
            {headerBg.has(c) && headerBg.get(c) !== c ? ` (${headerBg.get(c)})` : ''}
          </Code>
        ))}
      </Group>
      {coded.length > 0 && (
        <Stack gap={2} data-testid="import-allowed-values">
          {coded.map((f) => (
            <Text key={f.column} size="sm">
              {t('imports.allowedValues', {
                column: f.column,
                header: f.headerBg,
                values: allowedValues(f, language),
              })}
            </Text>
          ))}
        </Stack>
      )}
      {/* Keyed on the screen's language, so the headers offered first follow a language switch. */}
      <Templates key={language} entity={entity.entity} />
    </Stack>
  );
}

/** Import from an XLSX or CSV file: choose what and a file, check it (preview with every error), import with progress, see the result. */
export function ImportPage() {
  const { t } = useTranslation();
  const entities = useImportEntities();
  const [params, setParams] = useSearchParams();
  const entity = params.get('entity');
  const [file, setFile] = useState<File | null>(null);
  const [chosen, setChosen] = useState<ChosenFile | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const previewing = usePreviewImport();
  const starting = useStartImport();
  const job = useImportJob(jobId);

  const restart = () => {
    setFile(null);
    setChosen(null);
    setPreview(null);
    setJobId(null);
    setFailure(null);
  };

  const check = async (entityName: string, f: File) => {
    setFailure(null);
    setPreview(null);
    const bytes = await readFileBytes(f);
    setChosen({ name: f.name, bytes });
    previewing.mutate(
      { entity: entityName, bytes },
      { onSuccess: setPreview, onError: (e) => setFailure(messageOf(e)) },
    );
  };

  const start = (onlyValid: boolean) => {
    if (!entity || !chosen) return;
    setFailure(null);
    starting.mutate(
      { entity, bytes: chosen.bytes, onlyValid, fileName: jobFileName(chosen.name) },
      { onSuccess: (j) => setJobId(j.id), onError: (e) => setFailure(messageOf(e)) },
    );
  };

  const step = job.data?.status === 'done' ? 3 : jobId ? 2 : preview ? 1 : 0;
  const hasErrors = (preview?.errorRows ?? 0) > 0;
  const entityOptions = (entities.data ?? []).map((e) => ({ value: e.entity, label: entityLabel(e.entity) }));
  const chosenEntity = entities.data?.find((e) => e.entity === entity);

  return (
    <Stack gap={0} maw={1200}>
      <PageHeader title={t('imports.title')} description={t('imports.description')} />
      {entities.isPending && <PageLoader />}
      {entities.isError && <LoadError error={entities.error} onRetry={() => void entities.refetch()} />}
      {entities.data && (
        <Paper withBorder radius="md" p="lg">
          <Stepper active={step} size="sm" allowNextStepsSelect={false} mb="lg">
            <Stepper.Step label={t('imports.step.choose')} description={t('imports.step.chooseHint')} />
            <Stepper.Step label={t('imports.step.check')} description={t('imports.step.checkHint')} />
            <Stepper.Step label={t('imports.step.import')} description={t('imports.step.importHint')} />
          </Stepper>

          <Stack gap="lg">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <Select
                label={t('imports.entity')}
                placeholder={t('imports.entityPlaceholder')}
                data={entityOptions}
                value={entity}
                onChange={(v) => {
                  restart();
                  setParams(v ? { entity: v } : {}, { replace: true });
                }}
                disabled={jobId !== null}
                allowDeselect={false}
                searchable
              />
              <FileInput
                label={t('imports.file')}
                placeholder={t('imports.filePlaceholder')}
                description={t('imports.fileHint')}
                accept={IMPORT_FILE_ACCEPT}
                leftSection={<IconUpload size={16} />}
                value={file}
                clearable
                disabled={!entity || jobId !== null}
                onChange={(f) => {
                  setFile(f);
                  setPreview(null);
                  setChosen(null);
                  if (f && entity) void check(entity, f);
                }}
              />
            </SimpleGrid>
            {chosenEntity && !jobId && <EntityColumns entity={chosenEntity} />}
            {previewing.isPending && <PageLoader />}
            <FormAlert message={failure} />

            {preview && !jobId && (
              <>
                <ImportPreviewView preview={preview} />
                <Stack gap="sm">
                  {hasErrors && (
                    <Alert
                      color="yellow"
                      icon={<IconAlertTriangle size={18} />}
                      data-testid="import-has-errors"
                    >
                      {t('imports.hasErrorsHint', { count: preview.errorRows })}
                    </Alert>
                  )}
                  <Group justify="flex-end" gap="sm">
                    <Button variant="default" onClick={restart}>
                      {t('imports.chooseAnother')}
                    </Button>
                    {hasErrors && preview.validRows > 0 && (
                      <Button variant="light" onClick={() => start(true)} loading={starting.isPending}>
                        {t('imports.importValid', { count: preview.validRows })}
                      </Button>
                    )}
                    <Button
                      onClick={() => start(false)}
                      disabled={hasErrors || preview.totalRows === 0}
                      loading={starting.isPending}
                    >
                      {t('imports.import', { count: preview.totalRows })}
                    </Button>
                  </Group>
                </Stack>
              </>
            )}

            {jobId && (
              <Stack gap="md">
                <Title order={3} fz="h5">
                  {chosen ? t('imports.jobTitle', { file: chosen.name }) : t('imports.progressLabel')}
                </Title>
                {job.data && <JobProgress job={job.data} />}
                {job.isError && <LoadError error={job.error} onRetry={() => void job.refetch()} />}
                {job.data && (job.data.status === 'done' || job.data.status === 'failed') && (
                  <JobResult job={job.data} onAgain={restart} />
                )}
              </Stack>
            )}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
