import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../components/format';
import type { OutputRecord } from '../../data/repositories/outbox';
import { useRecorder } from '../../data/use-recorder';
import { useLanguage } from '../../i18n/localized';

const PRESETS = ['miscount', 'wrongOrder', 'duplicate'] as const;

/**
 * Corrects an output record the only way counts are corrected: an `output.reversed` event with
 * a reason (the original stays, so the history shows both). The operator then records the right
 * figures as a new output.
 */
export function ReverseOutputButton({ record, timeZone }: { record: OutputRecord; timeZone: string | undefined }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const recordEvent = useRecorder();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  if (record.isReversed || record.state === 'rejected') return null;

  const close = () => {
    setOpen(false);
    setReason('');
    setError(null);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = reason.trim();
    if (!trimmed) {
      setError(t('floor.reverse.required'));
      return;
    }
    setSaving(true);
    recordEvent('output.reversed', { reversesEventId: record.id, reason: trimmed })
      .then(close)
      .catch((err: unknown) => setError(t('floor.reverse.failed', { message: err instanceof Error ? err.message : String(err) })))
      .finally(() => setSaving(false));
  };
  return (
    <>
      <Button size="md" h={56} variant="light" color="orange" leftSection={<IconArrowBackUp size={24} />} onClick={() => setOpen(true)}>
        {t('floor.reverse.button')}
      </Button>
      <Modal opened={open} onClose={close} title={t('floor.reverse.title')} size="lg" centered>
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Text size="lg" fw={700}>
              {t('floor.reverse.summary', { good: record.goodQty, scrap: record.scrapQty, time: formatTime(record.occurredAt, lng, timeZone) })}
            </Text>
            <TextInput
              label={t('floor.reverse.reason')}
              value={reason}
              onChange={(e) => {
                setReason(e.currentTarget.value);
                setError(null);
              }}
              maxLength={200}
              error={error}
              styles={{ label: { fontSize: 'var(--mantine-font-size-lg)', fontWeight: 700 }, input: { height: 64, fontSize: '1.25rem' } }}
            />
            <Group gap="sm">
              {PRESETS.map((p) => (
                <Button key={p} size="lg" h={56} variant={reason === t(`floor.reverse.presets.${p}`) ? 'filled' : 'light'} onClick={() => setReason(t(`floor.reverse.presets.${p}`))}>
                  {t(`floor.reverse.presets.${p}`)}
                </Button>
              ))}
            </Group>
            <Group grow>
              <Button type="submit" color="orange" size="xl" h={64} loading={saving}>
                {t('floor.reverse.confirm')}
              </Button>
              <Button variant="default" size="xl" h={64} onClick={close}>
                {t('floor.reverse.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
