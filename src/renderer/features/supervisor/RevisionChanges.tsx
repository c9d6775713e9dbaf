import { Button, Stack } from '@mantine/core';
import { IconChevronDown, IconChevronUp } from '@tabler/icons-react';
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanChange } from '../../../shared/supervision/plan-revision';
import { formatNumber } from '../../components/format';
import { useLanguage } from '../../i18n/localized';

/**
 * Changes shown before the rest is folded away. A revision that replans a whole day lists hundreds
 * of work orders per line; rendering them all made the board take seconds to appear and to update,
 * and buried the line's figures. The supervisor unfolds the rest with one tap.
 */
export const SHOWN_CHANGES = 5;

const listStyle = { margin: 0, paddingInlineStart: 'var(--mantine-spacing-lg)', fontSize: 'var(--mantine-font-size-lg)', lineHeight: 1.5 } as const;

/** The changes of one revision (the first few, the rest behind a button); `onDark` for filled alerts. */
export const RevisionChanges = memo(function RevisionChanges({ changes, onDark = false }: { changes: readonly PlanChange[]; onDark?: boolean }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const [isOpen, setOpen] = useState(false);
  const hidden = changes.length - SHOWN_CHANGES;
  const shown = isOpen || hidden <= 0 ? changes : changes.slice(0, SHOWN_CHANGES);
  return (
    <Stack gap={4} align="flex-start">
      {/* Plain list items: this list is rendered once per revision and line, and Mantine's List.Item
          costs several times a <li> for no visible difference here. */}
      <ul style={{ ...listStyle, color: onDark ? 'var(--mantine-color-white)' : undefined }}>
        {shown.map((c) => (
          <li key={c.workOrderId} data-testid="revision-change">
            {t(`supervisor.revision.${c.change}`, { wo: c.workOrderId, from: formatNumber(c.fromQty, lng), to: formatNumber(c.toQty, lng) })}
          </li>
        ))}
      </ul>
      {hidden > 0 ? (
        <Button
          size="lg"
          h={56}
          variant={onDark ? 'white' : 'subtle'}
          leftSection={isOpen ? <IconChevronUp aria-hidden /> : <IconChevronDown aria-hidden />}
          aria-expanded={isOpen}
          onClick={() => setOpen(!isOpen)}
        >
          {isOpen ? t('supervisor.revision.fewer') : t('supervisor.revision.more', { count: hidden })}
        </Button>
      ) : null}
    </Stack>
  );
});
