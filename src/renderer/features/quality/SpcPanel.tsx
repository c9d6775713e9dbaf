import { LineChart } from '@mantine/charts';
import { Badge, Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Characteristic } from '../../../shared/domain/plant';
import { capability, individualsChart, runRules } from '../../../shared/quality/spc';
import { useServices } from '../../app/services';
import { listCharacteristicValues } from './quality-repo';

const MAX_POINTS = 50;
const fmt = (n: number) => n.toFixed(4).replace(/0+$/, '').replace(/\.$/, '');

/** Individuals chart of one characteristic with control limits, Cp/Cpk and the run rules flagged. */
export function SpcPanel({ characteristics }: { characteristics: Characteristic[] }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const variables = characteristics.filter((c): c is Extract<Characteristic, { kind: 'variable' }> => c.kind === 'variable');
  const [chosen, setChosen] = useState(variables[0]?.id ?? '');
  const c = variables.find((v) => v.id === chosen);
  const points = useLiveQuery(async () => (c ? (await listCharacteristicValues(db, c.id)).slice(-MAX_POINTS) : []), [db, c?.id]);
  if (!c) return null;
  // Charts plot numbers; conformance is judged on decimal strings elsewhere.
  const values = (points ?? []).map((p) => Number(p.value));
  const chart = individualsChart(values);
  const cap = chart ? capability(chart.limits.center, chart.sigma, Number(c.lower), Number(c.upper)) : null;
  const hits = chart ? runRules(chart.points, chart.limits) : [];
  const data = values.map((v, i) => ({ n: i + 1, value: v }));
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="spc-title">
      <Stack gap="sm">
        <Title order={2} id="spc-title">
          {t('quality.spc.title')}
        </Title>
        <NativeSelect aria-label={t('quality.spc.characteristic')} value={chosen} onChange={(e) => setChosen(e.currentTarget.value)} styles={{ input: { height: 56, fontSize: 18 } }}>
          {variables.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
            </option>
          ))}
        </NativeSelect>
        {!chart ? (
          <Text c="dimmed">{t('quality.spc.notEnough')}</Text>
        ) : (
          <>
            <LineChart
              h={240}
              data={data}
              dataKey="n"
              series={[{ name: 'value', label: c.name, color: 'blue.6' }]}
              withDots
              yAxisProps={{ domain: ['auto', 'auto'] }}
              referenceLines={[
                { y: chart.limits.ucl, label: t('quality.spc.ucl'), color: 'red.6' },
                { y: chart.limits.center, label: 'X̄', color: 'gray.6' },
                { y: chart.limits.lcl, label: t('quality.spc.lcl'), color: 'red.6' },
                { y: Number(c.upper), label: t('quality.spc.usl'), color: 'orange.6' },
                { y: Number(c.lower), label: t('quality.spc.lsl'), color: 'orange.6' },
              ]}
            />
            <Group gap="md">
              <Text data-testid="spc-limits">{t('quality.spc.limits', { lcl: fmt(chart.limits.lcl), center: fmt(chart.limits.center), ucl: fmt(chart.limits.ucl) })}</Text>
              {cap ? <Badge size="lg" color={cap.cpk >= 1.33 ? 'green' : 'orange'}>{`Cp ${cap.cp.toFixed(2)} · Cpk ${cap.cpk.toFixed(2)}`}</Badge> : null}
            </Group>
            {hits.map((h) => (
              <Text key={`${h.rule}-${h.index}`} c="red" fw={700}>
                {t(`quality.spc.rule.${h.rule}`, { n: h.index + 1 })}
              </Text>
            ))}
          </>
        )}
      </Stack>
    </Paper>
  );
}
