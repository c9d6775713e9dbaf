import { Button, Group, NumberInput } from '@mantine/core';
import { IconMinus, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { MAX_QTY_PER_RECORD, stepQty, type QtyValue } from './output-form';

/** A big numeric stepper: −1, the number (typed or from the on-screen keypad), +1, +10. */
export function QuantityField({
  label,
  value,
  onChange,
  color,
  error,
}: {
  label: string;
  value: QtyValue;
  onChange: (v: QtyValue) => void;
  color: string;
  error?: boolean;
}) {
  const { t } = useTranslation();
  const big = { h: 72, miw: 72, px: 'md' } as const;
  return (
    <Group gap="sm" wrap="nowrap" align="flex-end">
      <Button
        {...big}
        variant="default"
        aria-label={t('output.minus', { field: label })}
        onClick={() => onChange(stepQty(value, -1))}
      >
        <IconMinus size={32} />
      </Button>
      <NumberInput
        label={label}
        value={value}
        onChange={(v) => onChange(typeof v === 'number' ? v : v === '' ? '' : Number.parseInt(v, 10) || 0)}
        min={0}
        max={MAX_QTY_PER_RECORD}
        allowNegative={false}
        allowDecimal={false}
        clampBehavior="strict"
        hideControls
        inputMode="numeric"
        selectAllOnFocus
        error={error}
        style={{ flex: 1 }}
        styles={{
          label: { fontSize: 'var(--mantine-font-size-lg)', fontWeight: 700 },
          input: {
            height: 72,
            fontSize: '2.25rem',
            fontWeight: 800,
            textAlign: 'center',
            color: `var(--mantine-color-${color}-9)`,
          },
        }}
      />
      <Button
        {...big}
        color={color}
        aria-label={t('output.plus', { field: label })}
        onClick={() => onChange(stepQty(value, 1))}
      >
        <IconPlus size={32} />
      </Button>
      <Button
        {...big}
        color={color}
        variant="light"
        aria-label={t('output.plusTen', { field: label })}
        onClick={() => onChange(stepQty(value, 10))}
      >
        +10
      </Button>
    </Group>
  );
}
