import { Alert, Button, Group, NativeSelect, Paper, Stack, Text } from '@mantine/core';
import { IconBarcode, IconClipboardList } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { workOrderExists } from '../../data/repositories/work-orders';
import { useScanClaim } from '../../store/scan-router';

/** Scan the work order's label (or the part's traveller) or pick it from the open ones. */
export function WorkOrderPicker({ onPick }: { onPick: (workOrderId: string) => void }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const [choice, setChoice] = useState('');
  const [unknown, setUnknown] = useState<string | null>(null);
  const open = useLiveQuery(async () => (await db.workOrders.toArray()).filter((w) => w.status !== 'completed').sort((a, b) => a.id.localeCompare(b.id)), [db]);
  useScanClaim((scan) => {
    const id = scan.text.trim();
    if (!id) return;
    void workOrderExists(db, id).then((exists) => {
      if (exists) onPick(id);
      else setUnknown(id);
    });
  });
  return (
    <Paper withBorder p="lg" radius="md">
      <Stack gap="md">
        <Group gap="sm">
          <IconBarcode size={32} aria-hidden />
          <Text size="xl" fw={700}>
            {t('quality.pick.scan')}
          </Text>
        </Group>
        {unknown ? (
          <Alert color="red" role="alert" withCloseButton onClose={() => setUnknown(null)}>
            {t('quality.pick.unknown', { id: unknown })}
          </Alert>
        ) : null}
        <Group align="flex-end" grow>
          <NativeSelect
            label={t('quality.pick.choose')}
            value={choice}
            onChange={(e) => setChoice(e.currentTarget.value)}
            styles={{ label: { fontSize: 'var(--mantine-font-size-lg)', fontWeight: 700 }, input: { height: 64, fontSize: 20 } }}
          >
            <option value="">—</option>
            {(open ?? []).map((w) => (
              <option key={w.key} value={w.id}>
                {`${w.id} · ${w.productId} · ${w.status}${w.reworkNcId ? ` · ${t('quality.rework.badge', { nc: w.reworkNcId })}` : ''}`}
              </option>
            ))}
          </NativeSelect>
          <Button size="xl" h={64} leftSection={<IconClipboardList size={28} />} disabled={!choice} onClick={() => onPick(choice)}>
            {t('quality.pick.open')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
