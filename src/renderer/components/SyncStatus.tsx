import { useState } from 'react';
import { useServices } from '../app/services';
import { useSettings } from '../data/hooks';
import { useSyncStatus } from '../sync/status-store';
import { SyncAttentionDialog } from './SyncAttentionDialog';
import { SyncIndicator } from './SyncIndicator';

/** The sync indicator wired to the engine's status store, its "sync now" and the "needs attention" list. */
export function SyncStatus() {
  const status = useSyncStatus();
  const { engine } = useServices();
  // Times in the plant's time zone, as on every other screen (not the device's).
  const timezone = useSettings()?.timezone;
  const [isAttentionOpen, setAttentionOpen] = useState(false);
  return (
    <>
      <SyncIndicator
        status={status}
        {...(timezone ? { timezone } : {})}
        onSyncNow={() => {
          engine.syncNow().catch((e: unknown) => console.warn('sync now failed', e));
        }}
        onShowAttention={() => setAttentionOpen(true)}
      />
      <SyncAttentionDialog opened={isAttentionOpen} onClose={() => setAttentionOpen(false)} />
    </>
  );
}
