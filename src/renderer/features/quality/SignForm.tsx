import { Alert, Button, Group, PasswordInput, Stack, TextInput } from '@mantine/core';
import { IconSignature } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { useSettings } from '../../data/hooks';
import { findOperatorByBadge } from '../../data/repositories/operators';
import type { OperatorRow } from '../../data/repositories/rows';
import { pinMatches } from '../login/pin';

const big = { label: { fontSize: 'var(--mantine-font-size-lg)', fontWeight: 700 }, input: { height: 56, fontSize: 20 } };

/**
 * Signing with badge (and PIN where the plant sets one). Only someone with one of `roles` may
 * sign; central checks the role again when the record arrives.
 */
export function SignForm({
  roles,
  label,
  disabled,
  busy,
  onSigned,
  testId,
}: {
  roles: readonly OperatorRow['roles'][number][];
  label: string;
  disabled?: boolean;
  busy?: boolean;
  onSigned: (signer: OperatorRow) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const { db } = useServices();
  const settings = useSettings();
  const [badge, setBadge] = useState('');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const op = await findOperatorByBadge(db, badge);
    if (!op) return setError(t('quality.sign.unknownBadge', { badge: badge.trim() }));
    if (!op.roles.some((r) => roles.includes(r))) return setError(t('quality.sign.notAllowed', { name: op.name, roles: roles.join(', ') }));
    if (settings?.requirePin && (!op.pinHash || !(await pinMatches(pin, op.pinHash)))) return setError(t('quality.sign.wrongPin'));
    setError(null);
    setBadge('');
    setPin('');
    onSigned(op);
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid={testId}>
      <Stack gap="sm">
        <Group grow align="flex-end">
          <TextInput label={t('quality.sign.badge')} value={badge} onChange={(e) => setBadge(e.currentTarget.value)} autoComplete="off" styles={big} disabled={disabled} />
          {settings?.requirePin ? <PasswordInput label={t('quality.sign.pin')} value={pin} onChange={(e) => setPin(e.currentTarget.value)} styles={big} disabled={disabled} /> : null}
        </Group>
        {error ? (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        ) : null}
        <Button type="submit" size="xl" h={72} leftSection={<IconSignature size={30} />} disabled={disabled || !badge.trim()} loading={busy}>
          {label}
        </Button>
      </Stack>
    </form>
  );
}
