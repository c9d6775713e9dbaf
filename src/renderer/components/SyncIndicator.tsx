import { ActionIcon, Badge, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCloudCheck, IconCloudOff, IconCloudUpload, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../i18n/localized';
import { formatTime } from './format';

/** The sync engine's status as published by sync/status-store.ts. */
export interface SyncStatusView {
  online: boolean;
  pending: number;
  oldestPendingAt: string | null;
  lastSuccessAt: string | null;
  rejected: number;
  syncing: boolean;
  lastError: string | null;
  clockSkewMs: number | null;
}

/** Clock differences below this are not worth an operator's attention. */
const SKEW_WARNING_MS = 60_000;

/**
 * Online/offline and what is still waiting to reach central ("offline, 3 records waiting"),
 * records central refused, and a "Sync now" button.
 */
export function SyncIndicator({ status, onSyncNow }: { status: SyncStatusView; onSyncNow: () => void }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const state = status.online ? t('sync.online') : t('sync.offline');
  const text = status.pending > 0 ? t('sync.waiting', { state, count: status.pending }) : state;
  const color = !status.online ? 'red' : status.pending > 0 ? 'orange' : 'green';
  const Icon = !status.online ? IconCloudOff : status.pending > 0 ? IconCloudUpload : IconCloudCheck;
  const detail = status.lastError
    ? t('sync.lastError', { message: status.lastError })
    : status.pending > 0 && status.oldestPendingAt
      ? t('sync.oldestPending', { time: formatTime(status.oldestPendingAt, lng) })
      : status.lastSuccessAt
        ? t('sync.lastSuccess', { time: formatTime(status.lastSuccessAt, lng) })
        : t('sync.never');
  const skewed = status.clockSkewMs !== null && Math.abs(status.clockSkewMs) >= SKEW_WARNING_MS;

  return (
    <Group
      gap="sm"
      wrap="nowrap"
      role="status"
      aria-live="polite"
      aria-label={t('sync.status')}
      style={{ minWidth: 0 }}
    >
      <Stack gap={2} align="flex-start" style={{ minWidth: 0 }}>
        <Group gap="xs" wrap="nowrap">
          <Badge
            size="xl"
            color={color}
            variant="filled"
            leftSection={<Icon size={22} />}
            data-testid="sync-status"
            data-online={status.online}
            data-pending={status.pending}
          >
            {text}
          </Badge>
          {status.rejected > 0 ? (
            <Badge size="xl" color="red" variant="outline" leftSection={<IconAlertTriangle size={20} />}>
              {t('sync.rejected', { count: status.rejected })}
            </Badge>
          ) : null}
        </Group>
        <Text size="sm" c="dimmed" lineClamp={1}>
          {detail}
          {skewed && status.clockSkewMs !== null
            ? ` · ${t('sync.clockSkew', { seconds: Math.round(status.clockSkewMs / 1000) })}`
            : ''}
        </Text>
      </Stack>
      <ActionIcon
        size={56}
        variant="light"
        loading={status.syncing}
        onClick={onSyncNow}
        aria-label={t('sync.syncNow')}
        title={status.syncing ? t('sync.syncing') : t('sync.syncNow')}
      >
        <IconRefresh size={30} />
      </ActionIcon>
    </Group>
  );
}
