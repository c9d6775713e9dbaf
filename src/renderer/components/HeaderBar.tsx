import { Button, Group, Stack, Text, Tooltip } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconLogout, IconUser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../app/services';
import { useWorkstationInfo } from '../data/hooks';
import { useSignOut } from '../features/login/useSignOut';
import { useOperator } from '../store/session-store';
import { LanguageSwitch } from './LanguageSwitch';
import { SyncStatus } from './SyncStatus';

/**
 * Workstation, sync status, signed-in operator with sign-out, and the language switch. Names get
 * the room (they wrap to a second line before anything is cut); the sync status is the part that
 * gives way (its badge wraps), and on narrower screens the sign-out button shows only its icon
 * (same name for assistive technology, a tooltip for everyone).
 */
export function HeaderBar() {
  const { t } = useTranslation();
  const { info } = useServices();
  const ws = useWorkstationInfo();
  const operator = useOperator();
  const signOut = useSignOut();
  // Below 75em the sign-out button keeps its 56 px target but drops its words for the names' sake.
  const isWide = useMediaQuery('(min-width: 75em)', true, { getInitialValueInEffect: false });
  const workstationName = ws?.workstation?.name ?? info.workstationId;
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm" component="header">
      <Stack gap={0} style={{ flex: '0 0 auto', maxWidth: '16rem' }}>
        <Text size="xs" c="dimmed" fw={700} tt="uppercase" lh={1.2}>
          {t('header.workstation')}
        </Text>
        <Text
          size="lg"
          fw={800}
          lh={1.2}
          lineClamp={2}
          title={workstationName}
          style={{ overflowWrap: 'anywhere' }}
          data-testid="workstation-name"
        >
          {workstationName}
        </Text>
      </Stack>
      <SyncStatus />
      {operator ? (
        <Group
          gap={6}
          wrap="nowrap"
          role="group"
          aria-label={t('header.operator')}
          style={{ flex: '0 1 auto', minWidth: '6rem', maxWidth: '14rem' }}
        >
          <IconUser size={26} aria-hidden style={{ flexShrink: 0 }} />
          <Text
            size="md"
            fw={700}
            lh={1.2}
            lineClamp={2}
            title={operator.name}
            style={{ overflowWrap: 'anywhere' }}
            data-testid="operator-name"
          >
            {operator.name}
          </Text>
        </Group>
      ) : null}
      <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
        {operator ? (
          <Tooltip label={t('header.signOut')} disabled={isWide} position="bottom">
            <Button
              size="md"
              h={56}
              miw={56}
              px={isWide ? 'md' : 0}
              variant="outline"
              color="dark"
              aria-label={t('header.signOut')}
              leftSection={isWide ? <IconLogout size={24} /> : undefined}
              onClick={() => void signOut()}
            >
              {isWide ? t('header.signOut') : <IconLogout size={28} aria-hidden />}
            </Button>
          </Tooltip>
        ) : null}
        <LanguageSwitch />
      </Group>
    </Group>
  );
}
