import { Alert, Button, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck, IconDeviceFloppy } from '@tabler/icons-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReasonRow } from '../../data/repositories/rows';
import { useLocalized } from '../../i18n/localized';
import { FirstArticleGateAlert, useFirstArticleGuard } from '../quality/FirstArticleGateAlert';
import { emptyDraft, qtyOf, type OutputDraft } from './output-form';
import { QuantityField } from './QuantityField';
import { useRecordOutput } from './useRecordOutput';
import { OutputLotPanel } from '../trace/OutputLotPanel';

/** "Record output": good and scrap counts, a scrap reason when there is scrap, one big Save. */
export function OutputForm({ workOrderId, reasons }: { workOrderId: string; reasons: ReasonRow[] | undefined }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const [draft, setDraft] = useState<OutputDraft>(emptyDraft);
  const { outcome, save, edited } = useRecordOutput(workOrderId);
  // 4.3: no output on the operation until its first article passed (quality feature).
  const firstArticle = useFirstArticleGuard(workOrderId);
  const savedRef = useRef<HTMLDivElement>(null);
  // The confirmation sits under the Save button; make sure the operator sees it on short screens.
  useEffect(() => {
    if (outcome.kind === 'saved') savedRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [outcome]);

  const change = (patch: Partial<OutputDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    edited();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void firstArticle
      .check()
      .then((allowed) => allowed && save(draft))
      .then((saved) => {
        if (saved) setDraft(emptyDraft);
      });
  };

  const problems = outcome.kind === 'invalid' ? outcome.problems : [];
  const reasonMissing = problems.includes('reason-required');
  const hasScrap = qtyOf(draft.scrap) > 0;

  return (
    <Paper withBorder p="lg" radius="md" shadow="sm" component="section" aria-labelledby="output-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="lg">
          <Title order={2} id="output-title">
            {t('output.title')}
          </Title>
          <QuantityField
            label={t('output.good')}
            value={draft.good}
            onChange={(good) => change({ good })}
            color="green"
          />
          <QuantityField
            label={t('output.scrap')}
            value={draft.scrap}
            onChange={(scrap) => change({ scrap })}
            color="red"
          />
          <NativeSelect
            label={t('output.scrapReason')}
            value={draft.scrapReason}
            onChange={(e) => change({ scrapReason: e.currentTarget.value })}
            required={hasScrap}
            withAsterisk={false}
            error={reasonMissing ? t('output.reasonRequired') : undefined}
            description={reasons && reasons.length === 0 ? t('output.noReasons') : t('output.reasonHint')}
            styles={{ label: { fontSize: 'var(--mantine-font-size-lg)', fontWeight: 700 }, input: { height: 64 } }}
          >
            <option value="">{t('output.chooseReason')}</option>
            {(reasons ?? []).map((r) => (
              <option key={r.key} value={r.code}>
                {`${r.code} · ${localized(r.name)}`}
              </option>
            ))}
          </NativeSelect>
          <FirstArticleGateAlert workOrderId={workOrderId} />
          {problems.includes('nothing-to-save') ? (
            <Alert color="orange" icon={<IconAlertCircle />} role="alert">
              {t('output.nothingToSave')}
            </Alert>
          ) : null}
          {outcome.kind === 'failed' ? (
            <Alert color="red" variant="filled" icon={<IconAlertCircle />} role="alert">
              {t(outcome.message.key, outcome.message.params ?? {})}
            </Alert>
          ) : null}
          <Button
            type="submit"
            size="xl"
            h={80}
            fullWidth
            loading={outcome.kind === 'saving'}
            disabled={firstArticle.blocked}
            leftSection={<IconDeviceFloppy size={32} />}
          >
            {t('output.save')}
          </Button>
          {outcome.kind === 'saved' ? (
            <Alert
              color="green"
              variant="filled"
              icon={<IconCircleCheck size={32} />}
              role="status"
              ref={savedRef}
              data-testid="output-saved"
            >
              <Text size="xl" fw={700} c="white">
                {t('output.saved', { good: outcome.good, scrap: outcome.scrap })}
              </Text>
            </Alert>
          ) : null}
          {outcome.kind === 'saved' ? <OutputLotPanel event={outcome.event} /> : null}
        </Stack>
      </form>
    </Paper>
  );
}
