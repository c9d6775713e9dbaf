import { Alert, Button, Group } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import type { Language } from '../../i18n';
import { saveBase64File } from '../../platform/download';
import { filePath, type FileFormat } from './report-paths';

const formats: readonly FileFormat[] = ['xlsx', 'pdf', 'csv'];

/** Download the report on screen as XLSX, PDF or CSV, with headers in the interface language. */
export function ExportButtons({ path, baseName }: { path: string; baseName: string }) {
  const { t, i18n } = useTranslation();
  const { api } = useServices();
  const [busy, setBusy] = useState<FileFormat | null>(null);
  const [error, setError] = useState<string | null>(null);
  const lang = (i18n.language === 'en' ? 'en' : 'es') satisfies Language;

  const download = async (format: FileFormat) => {
    setBusy(format);
    setError(null);
    const res = await api.central.fetch({ path: filePath(path, format, lang) });
    setBusy(null);
    if (!res.ok) return setError(t('reports.exportFailed', { message: res.error.message }));
    if (res.value.kind !== 'file') return setError(t('reports.exportFailed', { message: 'JSON' }));
    saveBase64File(res.value.base64, res.value.contentType, res.value.fileName ?? `${baseName}.${format}`);
  };

  return (
    <Group gap="sm" role="group" aria-label={t('reports.export')}>
      {formats.map((f) => (
        <Button
          key={f}
          size="lg"
          h={56}
          variant="default"
          leftSection={<IconDownload size={22} aria-hidden />}
          loading={busy === f}
          disabled={busy !== null && busy !== f}
          onClick={() => void download(f)}
        >
          {f.toUpperCase()}
        </Button>
      ))}
      {error ? (
        <Alert color="red" role="alert" w="100%">
          {error}
        </Alert>
      ) : null}
    </Group>
  );
}
