import { Alert, Button, Code, Group, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconPrinter, IconSitemap } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { routeStore } from '../../store/route-store';
import { useLabelPrint } from './useLabelPrint';

/** "Print label" for one lot or package, with the outcome and a way into its trace. */
export function LabelPrintPanel({ kind, id }: { kind: 'lot' | 'package'; id: string }) {
  const { t } = useTranslation();
  const { state, print } = useLabelPrint(kind, id);
  return (
    <Stack gap="sm" data-testid={`label-panel-${kind}`}>
      <Text size="lg" fw={700}>
        {t(kind === 'lot' ? 'trace.label.lot' : 'trace.label.package', { id })}
      </Text>
      <Group gap="md">
        <Button size="lg" h={64} leftSection={<IconPrinter size={28} />} loading={state.kind === 'printing'} onClick={() => void print()}>
          {t('trace.label.print')}
        </Button>
        <Button size="lg" h={64} variant="light" leftSection={<IconSitemap size={28} />} onClick={() => routeStore.setState({ route: { name: 'trace', target: { kind, id } } })}>
          {t('trace.open')}
        </Button>
      </Group>
      {state.kind === 'printed' ? (
        <Alert color="green" role="status" data-testid="label-printed" data-element-string={state.result.elementString}>
          {t(state.reprint ? 'trace.label.reprinted' : 'trace.label.printed', { printer: state.result.printer })}
          <Code block mt="xs">
            {state.result.elementString.split('\u001d').join('<GS>')}
          </Code>
          {state.result.warning ? <Text size="sm">{state.result.warning}</Text> : null}
        </Alert>
      ) : null}
      {state.kind === 'failed' ? (
        <Alert color="red" role="alert" icon={<IconAlertCircle />}>
          {state.message}
        </Alert>
      ) : null}
    </Stack>
  );
}
