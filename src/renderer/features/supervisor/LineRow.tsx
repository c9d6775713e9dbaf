import { Badge, Box, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardLine } from '../../../shared/supervision/board';
import { formatNumber } from '../../components/format';
import { useLanguage } from '../../i18n/localized';
import { LineAlerts } from './LineAlerts';
import { percent, stateColor } from './line-state';
import { RevisionList } from './RevisionList';

const tabular = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;
const dayKeys = ['supervisor.board.day0', 'supervisor.board.day1', 'supervisor.board.day2'] as const;

/**
 * One line, readable from a distance: today's good pieces against today's target in big type, a
 * thick bar coloured by state (with the state in words), T+1 and T+2 targets, then whatever needs
 * the supervisor: open disruptions, equipment down, plan revisions.
 */
export const LineRow = memo(function LineRow({ line, days, timezone }: { line: BoardLine; days: readonly string[]; timezone: string }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const n = (x: number) => formatNumber(x, lng);
  const pct = percent(line.attainment);
  const color = stateColor[line.state];
  return (
    <Card
      component="section"
      aria-label={t('supervisor.board.lineRegion', { id: line.id })}
      withBorder
      radius="md"
      padding="md"
      data-testid={`board-line-${line.id}`}
      data-state={line.state}
      style={{ borderLeft: `10px solid var(--mantine-color-${color.replace('.', '-')})` }}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
          <Box style={{ minWidth: 200, flex: '1 1 220px' }}>
            <Title order={3} style={{ fontSize: '2rem' }}>
              {line.id}
            </Title>
            <Text size="md" c="dimmed" lineClamp={2}>
              {line.name}
            </Text>
          </Box>
          <Stack gap={4} style={{ flex: '3 1 380px' }}>
            <Group justify="space-between" align="baseline" wrap="nowrap">
              <Text fw={900} style={{ ...tabular, fontSize: '2.75rem', lineHeight: 1.05 }} data-testid="line-good">
                {line.targets[0] > 0 ? t('supervisor.board.goodOfTarget', { good: n(line.good), target: n(line.targets[0]) }) : n(line.good)}
              </Text>
              <Badge color={color} variant="filled" size="xl" data-testid="line-state">
                {t(`supervisor.board.state.${line.state}`)}
              </Badge>
            </Group>
            {line.targets[0] > 0 ? (
              <>
                <Progress
                  value={Math.min(100, pct)}
                  color={color}
                  size={28}
                  radius="sm"
                  aria-label={t('supervisor.board.attainment', { pct })}
                />
                <Group justify="space-between" gap="md">
                  <Text fw={800} size="lg" style={tabular} data-testid="line-attainment">
                    {t('supervisor.board.attainment', { pct })}
                  </Text>
                  <Text size="md" c="dimmed" style={tabular}>
                    {t('supervisor.board.expectedNow', { qty: n(line.expectedNow) })} · {t('supervisor.board.scrap', { qty: n(line.scrap) })}
                  </Text>
                </Group>
              </>
            ) : (
              <Text size="lg" c="dimmed">
                {t('supervisor.board.noTarget')}
              </Text>
            )}
          </Stack>
          <Group gap="lg" wrap="nowrap" style={{ flex: '0 0 auto' }} data-testid="line-targets" aria-label={t('supervisor.board.targets')}>
            {line.targets.map((qty, i) => (
              <Stack key={days[i] ?? i} gap={0} align="flex-end">
                <Text size="sm" c="dimmed" fw={700} style={{ whiteSpace: 'nowrap' }}>
                  {t(dayKeys[i] ?? dayKeys[0])}
                </Text>
                <Text fw={800} size="xl" style={tabular} data-testid="line-target">
                  {n(qty)}
                </Text>
              </Stack>
            ))}
          </Group>
        </Group>
        <LineAlerts disruptions={line.disruptions} downtime={line.downtime} timezone={timezone} />
        {line.revisions.length > 0 ? <RevisionList revisions={line.revisions} days={days} /> : null}
      </Stack>
    </Card>
  );
});
