import { Alert, Button, Group, Text } from '@mantine/core';
import { IconTool } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRecorder } from '../../data/use-recorder';

type Change = 'setup' | 'tooling';

/**
 * 4.3: a setup or tooling change on the operation asks for a new first article before more
 * output. It closes the output gate, so it is confirmed first (these sit near Save).
 */
export function SetupChangeButtons({ workOrderId }: { workOrderId: string }) {
  const { t } = useTranslation();
  const record = useRecorder();
  const [asked, setAsked] = useState<Change | null>(null);
  if (asked) {
    return (
      <Alert color="yellow" role="alertdialog" aria-label={t(`quality.setup.${asked}`)}>
        <Text fw={700}>{t('quality.setup.confirm', { change: t(`quality.setup.${asked}`) })}</Text>
        <Group gap="sm" mt="sm">
          <Button size="md" h={56} color="yellow" onClick={() => void record('setup.changed', { workOrderId, change: asked }).then(() => setAsked(null))}>
            {t('quality.setup.yes')}
          </Button>
          <Button size="md" h={56} variant="default" onClick={() => setAsked(null)}>
            {t('quality.setup.no')}
          </Button>
        </Group>
      </Alert>
    );
  }
  return (
    <Group gap="sm">
      {(['setup', 'tooling'] as const).map((change) => (
        <Button key={change} size="md" h={56} variant="default" leftSection={<IconTool size={20} />} onClick={() => setAsked(change)}>
          {t(`quality.setup.${change}`)}
        </Button>
      ))}
    </Group>
  );
}
