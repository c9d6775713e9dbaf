import { Alert, Button, Group } from '@mantine/core';
import { IconFileTypePdf, IconFileSpreadsheet } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { useLanguage } from '../../i18n/localized';
import { saveBase64File } from '../../platform/download';

/** The AS9102 Form 3-like first-article report from central, as PDF or XLSX. */
export function ReportButtons({ inspectionId }: { inspectionId: string }) {
  const { t } = useTranslation();
  const { api, engine } = useServices();
  const lang = useLanguage();
  const [busy, setBusy] = useState<'pdf' | 'xlsx' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const download = async (format: 'pdf' | 'xlsx') => {
    setBusy(format);
    setError(null);
    // The inspection must have reached central first: push what is waiting, then ask.
    await engine.syncNow().catch(() => undefined);
    const res = await api.central.fetch({ path: `/api/v1/quality/first-article/${encodeURIComponent(inspectionId)}?format=${format}&lang=${lang}` });
    setBusy(null);
    if (!res.ok) return setError(t('quality.report.failed', { message: res.error.message }));
    if (res.value.kind !== 'file') return setError(t('quality.report.failed', { message: 'JSON' }));
    saveBase64File(res.value.base64, res.value.contentType, res.value.fileName ?? `FAI-${inspectionId}.${format}`);
  };
  return (
    <Group gap="sm" role="group" aria-label={t('quality.report.title')}>
      <Button size="lg" h={56} variant="default" leftSection={<IconFileTypePdf size={24} />} loading={busy === 'pdf'} onClick={() => void download('pdf')}>
        {t('quality.report.pdf')}
      </Button>
      <Button size="lg" h={56} variant="default" leftSection={<IconFileSpreadsheet size={24} />} loading={busy === 'xlsx'} onClick={() => void download('xlsx')}>
        {t('quality.report.xlsx')}
      </Button>
      {error ? (
        <Alert color="red" role="alert" w="100%">
          {error}
        </Alert>
      ) : null}
    </Group>
  );
}
