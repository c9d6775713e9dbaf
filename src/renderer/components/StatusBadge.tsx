import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WorkOrderStatus } from '../../shared/domain/orders';

const colors: Record<WorkOrderStatus, string> = {
  released: 'blue',
  started: 'green',
  paused: 'yellow',
  blocked: 'red',
  completed: 'gray',
};

/** A work order's status in words and colour. */
export function StatusBadge({ status, size = 'xl' }: { status: WorkOrderStatus; size?: 'md' | 'lg' | 'xl' }) {
  const { t } = useTranslation();
  return (
    <Badge color={colors[status]} variant="filled" size={size} data-status={status}>
      {t(`status.${status}`)}
    </Badge>
  );
}
