import { Button, Group, Stack, Text } from '@mantine/core';
import { IconLogout, IconUser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../app/services';
import { useWorkstationInfo } from '../data/hooks';
import { useSignOut } from '../features/login/useSignOut';
import { useOperator } from '../store/session-store';
import { LanguageSwitch } from './LanguageSwitch';
import { SyncStatus } from './SyncStatus';

/** Workstation, sync status, signed-in operator with sign-out, and the language switch. */
export function HeaderBar() {
  const { t } = useTranslation();
  const { info } = useServices();
  const ws = useWorkstationInfo();
  const operator = useOperator();
  const signOut = useSignOut();
  return (
    <Group h="100%" px="lg" justify="space-between" wrap="nowrap" gap="lg" component="header">
      <Stack gap={0} style={{ flex: '1 1 0', minWidth: 120 }}>
        <Text size="xs" c="dimmed" fw={700} tt="uppercase">
          {t('header.workstation')}
        </Text>
        <Text size="xl" fw={800} truncate="end" data-testid="workstation-name">
          {ws?.workstation?.name ?? info.workstationId}
        </Text>
      </Stack>
      <SyncStatus />
      <Group gap="md" wrap="nowrap" style={{ flexShrink: 0 }}>
        {operator ? (
          <>
            <Group gap={6} wrap="nowrap" aria-label={t('header.operator')} maw={240}>
              <IconUser size={28} aria-hidden style={{ flexShrink: 0 }} />
              <Text size="lg" fw={700} truncate="end" data-testid="operator-name">
                {operator.name}
              </Text>
            </Group>
            <Button
              size="lg"
              h={56}
              variant="outline"
              color="dark"
              leftSection={<IconLogout />}
              onClick={() => void signOut()}
              style={{ flexShrink: 0 }}
            >
              {t('header.signOut')}
            </Button>
          </>
        ) : null}
        <LanguageSwitch />
      </Group>
    </Group>
  );
}
