import { Badge, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconHandFinger, IconRuler2 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SessionState } from './inspection-session';
import { requirementText, resultText } from './format-quality';

/** The plan's characteristics; the active one is highlighted and receives the next reading. */
export function CharacteristicList({ state, onChoose }: { state: SessionState; onChoose: (index: number) => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" role="list" aria-label={t('quality.session.characteristics')}>
      {state.characteristics.map((c, i) => {
        const r = state.results[c.id];
        const active = i === state.activeIndex;
        return (
          <UnstyledButton
            key={c.id}
            role="listitem"
            aria-current={active ? 'true' : undefined}
            aria-label={c.name}
            data-testid={`char-${c.id}`}
            onClick={() => onChoose(i)}
            p="md"
            mih={64}
            style={{
              borderRadius: 8,
              border: `3px solid ${active ? 'var(--mantine-color-blue-6)' : 'var(--mantine-color-gray-3)'}`,
              background: active ? 'var(--mantine-color-blue-0)' : undefined,
            }}
          >
            <Group justify="space-between" wrap="nowrap" gap="md">
              <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
                {c.kind === 'variable' ? <IconRuler2 size={26} aria-hidden /> : <IconHandFinger size={26} aria-hidden />}
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Text fw={700} size="lg" lineClamp={2}>
                    {c.name}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {requirementText(c)}
                    {c.kind === 'variable' ? ` · ${t(`quality.gaugeType.${c.gaugeType}`, { defaultValue: c.gaugeType })}` : ''}
                  </Text>
                </Stack>
              </Group>
              <Group gap="sm" wrap="nowrap">
                <Text size="xl" fw={700} ff="monospace" data-testid={`char-value-${c.id}`}>
                  {resultText(r)}
                </Text>
                {r?.source === 'manual' && c.kind === 'variable' ? (
                  <Badge color="gray" size="lg">
                    {t('quality.session.manual')}
                  </Badge>
                ) : null}
                {r ? (
                  <Badge color={r.verdict === 'pass' ? 'green' : 'red'} size="xl" data-testid={`char-verdict-${c.id}`}>
                    {t(`quality.verdict.${r.verdict}`)}
                  </Badge>
                ) : null}
              </Group>
            </Group>
          </UnstyledButton>
        );
      })}
    </Stack>
  );
}
