import { ActionIcon, Badge, Group, Loader, Stack, Text, Tooltip } from '@mantine/core';
import {
  IconAlertTriangle,
  IconClockExclamation,
  IconCloudCheck,
  IconCloudOff,
  IconCloudUpload,
  IconRefresh,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../i18n/localized';
import type { SyncStatus } from '../sync/status-store';
import { formatTime } from './format';

/** The sync engine's status as published by sync/status-store.ts. */
export type SyncStatusView = SyncStatus;

/** A device clock more than 2 minutes off central's is flagged (issue 4); central orders by its own clock anyway. */
export const SKEW_WARNING_MS = 120_000;

/**
 * Online/offline and what is still waiting to reach central ("offline, 3 records waiting") as one
 * coloured badge (it wraps rather than pushing the names out of the header); since when records
 * wait, the last sync or the last error, and records central refused on small lines below, all of
 * it in full in a tooltip (hover, focus or touch); and a "Sync now" button.
 */
export function SyncIndicator({
  status,
  onSyncNow,
  onShowAttention,
  timezone,
}: {
  status: SyncStatusView;
  /** The plant's time zone (IANA); the device's when not known yet. */
  timezone?: string;
  onSyncNow: () => void;
  /** Opens the list of records needing attention (the button shows only when there are some). */
  onShowAttention?: () => void;
}) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const state = status.online ? t('sync.online') : t('sync.offline');
  const text = status.pending > 0 ? t('sync.waiting', { state, count: status.pending }) : state;
  const color = !status.online ? 'red' : status.pending > 0 ? 'orange' : 'green';
  const Icon = !status.online ? IconCloudOff : status.pending > 0 ? IconCloudUpload : IconCloudCheck;
  const progress =
    status.pending > 0 && status.oldestPendingAt
      ? t('sync.oldestPending', { time: formatTime(status.oldestPendingAt, lng, timezone) })
      : status.lastSuccessAt
        ? t('sync.lastSuccess', { time: formatTime(status.lastSuccessAt, lng, timezone) })
        : t('sync.never');
  const errorText = status.lastError ? t('sync.lastError', { message: status.lastError }) : null;
  // Offline already says what is wrong; then since when records wait helps more than the raw error.
  const detail = status.online && errorText ? errorText : progress;
  const skewText =
    status.clockSkewMs !== null && Math.abs(status.clockSkewMs) > SKEW_WARNING_MS
      ? t('sync.clockSkew', { seconds: Math.round(status.clockSkewMs / 1000) })
      : null;
  const detailLine = detail;
  const rejectedText = status.rejected > 0 ? t('sync.rejected', { count: status.rejected }) : null;

  return (
    <Group gap="xs" wrap="nowrap" justify="flex-start" style={{ flex: '1 1 0', minWidth: '10rem' }}>
      {/* No Mantine `loading` here: the engine retries every few seconds while offline, and its
          slide-in animation would keep the button twitching. A plain spinner swap is calmer. */}
      <ActionIcon
        size={56}
        variant="light"
        onClick={onSyncNow}
        aria-label={t('sync.syncNow')}
        aria-busy={status.syncing}
        data-syncing={status.syncing || undefined}
        title={status.syncing ? t('sync.syncing') : t('sync.syncNow')}
        style={{ flexShrink: 0 }}
      >
        {status.syncing ? <Loader size={26} aria-hidden /> : <IconRefresh size={30} aria-hidden />}
      </ActionIcon>
      <Tooltip
        label={[text, detailLine, detail === errorText ? null : errorText, rejectedText, skewText].filter(Boolean).join('\n')}
        multiline
        w={320}
        position="bottom"
        withArrow
        events={{ hover: true, focus: true, touch: true }}
        style={{ whiteSpace: 'pre-line' }}
      >
        <Stack
          gap={2}
          align="flex-start"
          role="status"
          aria-live="polite"
          aria-label={t('sync.status')}
          tabIndex={0}
          style={{ minWidth: 0 }}
        >
          <Badge
            size="lg"
            color={color}
            variant="filled"
            leftSection={<Icon size={18} />}
            data-testid="sync-status"
            data-online={status.online}
            data-pending={status.pending}
            h="auto"
            mih={28}
            py={4}
            maw="100%"
            styles={{ label: { whiteSpace: 'normal', lineHeight: 1.2, overflow: 'visible', textAlign: 'left' } }}
          >
            {text}
          </Badge>
          <Text size="xs" c="dimmed" lh={1.25} lineClamp={1} style={{ overflowWrap: 'anywhere' }}>
            {detailLine}
          </Text>
          {rejectedText ? (
            <Group gap={4} wrap="nowrap" c="red.9">
              <IconAlertTriangle size={16} aria-hidden style={{ flexShrink: 0 }} />
              <Text size="xs" fw={700} lh={1.25} lineClamp={1}>
                {rejectedText}
              </Text>
            </Group>
          ) : null}
          {skewText ? (
            <Group gap={4} wrap="nowrap" c="orange.9" data-testid="clock-skew">
              <IconClockExclamation size={16} aria-hidden style={{ flexShrink: 0 }} />
              <Text size="xs" fw={700} lh={1.25} lineClamp={1}>
                {skewText}
              </Text>
            </Group>
          ) : null}
        </Stack>
      </Tooltip>
      {rejectedText && onShowAttention ? (
        <ActionIcon
          size={56}
          color="red"
          variant="filled"
          onClick={onShowAttention}
          aria-label={t('sync.attention.open', { count: status.rejected })}
          title={t('sync.attention.open', { count: status.rejected })}
          style={{ flexShrink: 0 }}
        >
          <IconAlertTriangle size={30} aria-hidden />
        </ActionIcon>
      ) : null}
    </Group>
  );
}
