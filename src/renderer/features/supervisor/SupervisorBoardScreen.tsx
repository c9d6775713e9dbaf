import { Alert, Button, Group, Loader, Stack, Title } from '@mantine/core';
import { IconArrowLeft, IconCalendarMonth } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { routeStore, useRouteActions } from '../../store/route-store';
import { useBoard } from './useBoard';
import { WorkshopSection } from './WorkshopSection';

/**
 * The T+2 board (clause 4.1.2, 4.2.1 b): per workshop, the plan of each day with its
 * acknowledgement, and per line today's output against target, disruptions, downtime, revisions.
 * Sized to be read from a couple of metres: big numbers, state in words and colour.
 */
export function SupervisorBoardScreen() {
  const { t } = useTranslation();
  const { homeRequested } = useRouteActions();
  const board = useBoard();
  return (
    <Stack gap="lg" data-testid="supervisor-board">
      <Group justify="space-between" wrap="wrap">
        <Button variant="default" size="lg" h={56} leftSection={<IconArrowLeft />} onClick={homeRequested}>
          {t('header.back')}
        </Button>
        <Title order={1}>{t('supervisor.board.title')}</Title>
        <Button
          variant="light"
          size="lg"
          h={56}
          leftSection={<IconCalendarMonth />}
          onClick={() => routeStore.setState({ route: { name: 'monthly-schedule' } })}
        >
          {t('supervisor.board.monthly')}
        </Button>
      </Group>
      {!board ? (
        <Group gap="md" aria-live="polite">
          <Loader size="md" />
          {t('supervisor.board.loading')}
        </Group>
      ) : board.workshops.length === 0 ? (
        <Alert color="yellow">{t('supervisor.board.empty')}</Alert>
      ) : (
        board.workshops.map((ws) => (
          <WorkshopSection key={ws.id} workshop={ws} days={board.days} operatorNames={board.operatorNames} timezone={board.timezone} />
        ))
      )}
    </Stack>
  );
}
