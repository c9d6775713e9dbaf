import { Button, Group } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { saveBase64File } from '../../platform/download';

function toBase64(text: string): string {
  let binary = '';
  for (const b of new TextEncoder().encode(text)) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** CSV / XLSX / JSON of what is on screen, fetched from central in the interface's language. */
export function TraceExportButtons({ path, fileBase, onError }: { path: string; fileBase: string; onError: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const { api } = useServices();
  const [busy, setBusy] = useState<string | null>(null);
  const lang = i18n.language.startsWith('en') ? 'en' : 'es';
  const download = async (format: 'csv' | 'xlsx' | 'json') => {
    setBusy(format);
    const sep = path.includes('?') ? '&' : '?';
    const r = await api.central.fetch({ path: `${path}${sep}format=${format}&lang=${lang}` });
    setBusy(null);
    if (!r.ok) return onError(t('trace.exportFailed', { message: r.error.message }));
    if (r.value.kind === 'file') saveBase64File(r.value.base64, r.value.contentType, r.value.fileName ?? `${fileBase}.${format}`);
    else saveBase64File(toBase64(JSON.stringify(r.value.json, null, 2)), 'application/json', `${fileBase}.json`);
  };
  return (
    <Group gap="sm">
      {(['csv', 'xlsx', 'json'] as const).map((f) => (
        <Button key={f} size="lg" h={56} variant="default" leftSection={<IconDownload size={24} />} loading={busy === f} onClick={() => void download(f)}>
          {t(`trace.export.${f}`)}
        </Button>
      ))}
    </Group>
  );
}
