import { Alert, Button, Divider, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconBarcode, IconCircleCheck, IconLock, IconShieldCheck } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../components/format';
import { useLanguage } from '../../i18n/localized';
import { LotOutcomeAlert } from './LotOutcomeAlert';
import { ReadinessCheck } from './ReadinessCheck';
import { useLateScanClaim } from './useLateScanClaim';
import type { ReadinessController } from './useReadiness';

/**
 * The checklist shown before a work order starts: material lots (scanned or typed), equipment,
 * operator qualification, gauges. While it shows, it claims the scanner: a lot label is issued, a
 * supervisor's badge authorises starting despite failed checks.
 */
export function ReadinessPanel({ controller }: { controller: ReadinessController }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  const { facts, outcome, busy, submitted } = controller;
  const [text, setText] = useState('');
  useLateScanClaim((scan) => {
    void submitted(scan.text, scan.symbology);
  });
  if (!facts) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const value = text;
    void submitted(value).then(() => setText(''));
  };
  const { readiness, override } = facts;
  return (
    <Paper withBorder p="lg" radius="md" shadow="sm" component="section" aria-labelledby="readiness-title" data-testid="readiness-panel">
      <Stack gap="md">
        <Title order={2} id="readiness-title">
          {t('floor.readiness.title')}
        </Title>
        {readiness.allOk ? (
          <Alert color="green" icon={<IconCircleCheck />} data-testid="readiness-summary" data-ready="true">
            <Text size="lg" fw={700}>
              {t('floor.readiness.allOk')}
            </Text>
          </Alert>
        ) : override ? (
          <Alert color="orange" icon={<IconShieldCheck />} data-testid="readiness-summary" data-ready="override">
            <Text size="lg" fw={700}>
              {t('floor.readiness.overrideActive', { id: override.supervisorId })}
            </Text>
          </Alert>
        ) : (
          <Alert color="red" icon={<IconLock />} data-testid="readiness-summary" data-ready="false">
            <Text size="lg" fw={700}>
              {t('floor.readiness.blocked')}
            </Text>
          </Alert>
        )}
        <Stack gap="md">
          {readiness.checks.map((c) => (
            <ReadinessCheck key={c.name} check={c} facts={facts} />
          ))}
        </Stack>
        <Divider />
        <form onSubmit={submit} noValidate>
          <Group align="flex-end" gap="sm" wrap="nowrap">
            <TextInput
              style={{ flex: 1 }}
              label={t('floor.readiness.scanLabel')}
              description={readiness.allOk ? t('floor.readiness.scanHint') : `${t('floor.readiness.scanHint')} ${t('floor.readiness.overrideHint')}`}
              leftSection={<IconBarcode size={28} />}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              maxLength={200}
              autoComplete="off"
              styles={{ label: { fontSize: 'var(--mantine-font-size-lg)', fontWeight: 700 }, input: { height: 64, fontSize: '1.25rem' } }}
            />
            <Button type="submit" size="xl" h={64} loading={busy} disabled={text.trim().length === 0}>
              {t('floor.readiness.submit')}
            </Button>
          </Group>
        </form>
        {outcome ? <LotOutcomeAlert outcome={outcome} facts={facts} /> : null}
        {facts.issued.length > 0 ? (
          <Stack gap="xs">
            <Text size="lg" fw={700} id="issued-title">
              {t('floor.readiness.issuedTitle')}
            </Text>
            <Table fz="md" verticalSpacing="xs" aria-labelledby="issued-title" data-testid="issued-lots">
              <Table.Tbody>
                {facts.issued.map((l) => {
                  const need = facts.needs.find((n) => n.itemId === l.itemId);
                  return (
                    <Table.Tr key={l.eventId}>
                      <Table.Td fw={700}>{l.lotId}</Table.Td>
                      <Table.Td style={{ overflowWrap: 'anywhere' }}>{need?.itemName ?? l.itemId}</Table.Td>
                      <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                        {formatNumber(l.qty, lng)} {need?.unit ?? ''}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}
