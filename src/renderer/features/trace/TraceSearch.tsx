import { Button, Group, SegmentedControl, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TraceTarget } from '../../../shared/trace/scan-target';

/** Typing a lot, serial or package id (for when there is no label to scan). */
export function TraceSearch({ onSearch }: { onSearch: (t: TraceTarget) => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<TraceTarget['kind']>('lot');
  const [id, setId] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (id.trim()) onSearch({ kind, id: id.trim() });
  };
  return (
    <form onSubmit={submit} aria-label={t('trace.search.title')}>
      <Group align="flex-end" gap="md">
        <SegmentedControl
          size="lg"
          value={kind}
          onChange={setKind}
          data={(['lot', 'serial', 'package'] as const).map((k) => ({ value: k, label: t(`trace.search.${k}`) }))}
        />
        <TextInput size="lg" label={t('trace.search.label')} value={id} onChange={(e) => setId(e.currentTarget.value)} styles={{ input: { height: 56 } }} />
        <Button type="submit" size="lg" h={56} leftSection={<IconSearch size={24} />}>
          {t('trace.search.go')}
        </Button>
      </Group>
    </form>
  );
}
