import { Alert } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** A scanned work-order id this terminal does not know; the operator dismisses it. */
export function UnknownWorkOrderAlert({ id, onDismiss }: { id: string | null; onDismiss: () => void }) {
  const { t } = useTranslation();
  if (!id) return null;
  return (
    <Alert color="red" variant="filled" icon={<IconAlertCircle />} withCloseButton onClose={onDismiss} role="alert">
      {t('home.unknownWorkOrder', { id })}
    </Alert>
  );
}
