import { Alert, List, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconTool } from '@tabler/icons-react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { BoardEquipment, BoardNotice } from '../../../shared/supervision/board';
import { formatTime } from '../../components/format';
import { useLanguage } from '../../i18n/localized';

interface Props {
  disruptions: readonly BoardNotice[];
  downtime: readonly BoardEquipment[];
  timezone: string;
}

/** A disruption report in the reader's language: what happened, the stock seen, the loss expected, the order. */
function disruptionDetails(d: NonNullable<BoardNotice['disruption']>, t: TFunction): string {
  const parts = [d.description];
  for (const s of d.stockCheck ?? []) parts.push(t('supervisor.board.disruptionStock', { item: s.itemId, qty: s.availableQty, count: s.lots }));
  if (d.estimatedLossQty !== undefined) parts.push(t('supervisor.board.disruptionLoss', { qty: d.estimatedLossQty }));
  if (d.estimatedMinutes !== undefined) parts.push(t('supervisor.board.disruptionMinutes', { minutes: d.estimatedMinutes }));
  if (d.workOrderId) parts.push(t('supervisor.board.disruptionWorkOrder', { id: d.workOrderId }));
  return parts.filter((p) => p.length > 0).join(' · ');
}

/** Open disruptions (until resolved) and equipment down on a line; nothing when all is well. */
export const LineAlerts = memo(function LineAlerts({ disruptions, downtime, timezone }: Props) {
  const { t } = useTranslation();
  const lng = useLanguage();
  if (disruptions.length === 0 && downtime.length === 0) return null;
  return (
    <Stack gap="xs">
      {disruptions.length > 0 ? (
        <Alert color="red" variant="filled" icon={<IconAlertTriangle />} title={t('supervisor.board.disruptions')} data-testid="line-disruptions">
          <List spacing={4} size="lg" c="white">
            {disruptions.map((d) => (
              <List.Item key={d.key} data-testid="line-disruption">
                <Text span fw={800} size="lg" c="white">
                  {d.disruption ? t(`floor.disruption.causes.${d.disruption.cause}`) : d.title}
                </Text>
                {(d.disruption ? disruptionDetails(d.disruption, t) : d.body) ? (
                  <Text span size="lg" c="white">
                    {' — '}
                    {d.disruption ? disruptionDetails(d.disruption, t) : d.body}
                  </Text>
                ) : null}
                <Text span size="md" c="white">
                  {' · '}
                  {t('supervisor.board.since', { time: formatTime(d.createdAt, lng, timezone) })}
                </Text>
              </List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
      {downtime.map((e) => (
        <Alert key={e.id} color="orange" variant="filled" icon={<IconTool />} data-testid="line-downtime">
          <Text fw={800} size="lg" c="white">
            {t('supervisor.board.downtime', { name: `${e.id} · ${e.name}` })}
          </Text>
        </Alert>
      ))}
    </Stack>
  );
});
