import { Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCheck, IconShieldCheck, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CheckResult } from '../../../shared/floor/readiness';
import { formatNumber } from '../../components/format';
import { useLanguage } from '../../i18n/localized';
import type { ReadinessFacts } from './useReadiness';

/** What a check found, in the operator's words. */
function useCheckLines(check: CheckResult, facts: ReadinessFacts): { lines: string[]; todo: string | null } {
  const { t } = useTranslation();
  const lng = useLanguage();
  switch (check.name) {
    case 'materials': {
      if (facts.needs.length === 0) return { lines: [t('floor.readiness.materialsNone')], todo: null };
      const lines = facts.needs.map((n) =>
        t('floor.readiness.materialLine', {
          item: n.itemName,
          issued: formatNumber(n.issuedMilli / 1000, lng),
          required: formatNumber(n.requiredMilli / 1000, lng),
          unit: n.unit,
        }),
      );
      return { lines, todo: check.ok ? null : t('floor.readiness.materialsTodo') };
    }
    case 'equipment':
      if (check.problem === 'unknown-workstation') return { lines: [t('floor.readiness.equipmentUnknown')], todo: null };
      if (check.ok) return { lines: [t('floor.readiness.equipmentOk')], todo: null };
      return {
        lines: check.down.map((d) => t('floor.readiness.equipmentDown', { name: d.name, status: t(`floor.downtime.status.${d.status}`) })),
        todo: t('floor.readiness.equipmentTodo'),
      };
    case 'operator':
      if (check.ok) return { lines: [t('floor.readiness.operatorOk', { process: check.process })], todo: null };
      return {
        lines: [
          check.problem === 'expired'
            ? t('floor.readiness.operatorExpired', { process: check.process, date: check.validUntil ?? '' })
            : t('floor.readiness.operatorNotQualified', { process: check.process }),
        ],
        todo: t('floor.readiness.operatorTodo'),
      };
    case 'gauges':
      if (check.ok) return { lines: [t('floor.readiness.gaugesOk')], todo: null };
      return {
        lines: check.missing.map((m) =>
          t(m.problem === 'none' ? 'floor.readiness.gaugesNone' : m.problem === 'overdue' ? 'floor.readiness.gaugesOverdue' : 'floor.readiness.gaugesBlocked', {
            type: m.gaugeType,
          }),
        ),
        todo: t('floor.readiness.gaugesTodo'),
      };
  }
}

/** One line of the readiness checklist: passed, pending (with what to do), or authorised by a supervisor. */
export function ReadinessCheck({ check, facts }: { check: CheckResult; facts: ReadinessFacts }) {
  const { t } = useTranslation();
  const { lines, todo } = useCheckLines(check, facts);
  const overridden = !check.ok && facts.override !== null;
  const color = check.ok ? 'green' : overridden ? 'orange' : 'red';
  const state = check.ok ? 'ok' : overridden ? 'overridden' : 'failed';
  return (
    <Group align="flex-start" wrap="nowrap" gap="md" data-testid={`check-${check.name}`} data-state={state}>
      <ThemeIcon size={44} radius="xl" color={color} aria-hidden>
        {check.ok ? <IconCheck size={28} /> : overridden ? <IconShieldCheck size={28} /> : <IconX size={28} />}
      </ThemeIcon>
      <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
        <Group gap="sm">
          <Text size="lg" fw={700}>
            {t(`floor.readiness.checks.${check.name}`)}
          </Text>
          <Text size="md" fw={700} c={`${color}.9`}>
            {t(`floor.readiness.${state}`)}
          </Text>
        </Group>
        {lines.map((l) => (
          <Text key={l} size="md" style={{ overflowWrap: 'anywhere' }}>
            {l}
          </Text>
        ))}
        {todo && !overridden ? (
          <Text size="md" fw={600} c="red.9">
            {todo}
          </Text>
        ) : null}
      </Stack>
    </Group>
  );
}
