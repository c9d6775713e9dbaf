import { Badge } from '@mantine/core';
import { IconRecycle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** Marks a rework work order (created by a rework disposition of an NC, 4.4); nothing for others. */
export function ReworkBadge({ workOrder, size = 'lg' }: { workOrder: { reworkNcId?: string | undefined; reworkOf?: string | undefined }; size?: 'md' | 'lg' | 'xl' }) {
  const { t } = useTranslation();
  if (!workOrder.reworkNcId) return null;
  return (
    <Badge
      color="grape"
      variant="filled"
      size={size}
      leftSection={<IconRecycle size={16} aria-hidden />}
      data-testid="rework-badge"
      title={t('quality.rework.of', { nc: workOrder.reworkNcId, wo: workOrder.reworkOf ?? '—' })}
    >
      {t('quality.rework.badge', { nc: workOrder.reworkNcId })}
    </Badge>
  );
}
