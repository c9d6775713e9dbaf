import { Badge, Code, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AttentionItem } from '../data/repositories/outbox';
import { useLanguage } from '../i18n/localized';
import { formatDay, formatTime } from './format';

/** Refusal codes with their own wording; any other code is shown as "other" with central's details. Event types are looked up with '-' for '.' (i18next splits keys on dots). */
const knownReasons = ['invalid-envelope', 'invalid-payload', 'wrong-terminal', 'payload-too-large', 'invalid-request'];

/**
 * Records central refused, one card each: what was recorded (kind, work order, when, who, its
 * number on this terminal) and why, in the interface language, with central's own words below.
 * They are kept on the terminal and never hold up the records behind them.
 */
export function SyncAttentionList({ items }: { items: AttentionItem[] }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  if (items.length === 0) return <Text size="lg">{t('sync.attention.empty')}</Text>;
  return (
    <Stack gap="sm" role="list" aria-label={t('sync.attention.title')}>
      {items.map((item) => (
        <Paper key={item.id} withBorder p="md" radius="md" role="listitem" aria-label={t('sync.attention.record', { seq: item.seq })}>
          <Stack gap={4}>
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Text size="lg" fw={700}>
                {t(`sync.attention.types.${item.type.replace(/\./g, '-')}`, { defaultValue: item.type })}
                {item.workOrderId ? ` · ${item.workOrderId}` : ''}
              </Text>
              <Badge color="red" size="lg" variant="light">
                {t(`sync.attention.reasons.${knownReasons.includes(item.reason) ? item.reason : 'other'}`)}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {t('sync.attention.when', {
                seq: item.seq,
                day: formatDay(item.occurredAt.slice(0, 10), lng),
                time: formatTime(item.occurredAt, lng),
                operator: item.operatorId ?? '—',
              })}
            </Text>
            {item.details ? (
              <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {item.details}
              </Code>
            ) : null}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
