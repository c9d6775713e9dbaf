import { useState } from 'react';
import { useServices } from '../app/services';
import { useSyncStatus } from '../sync/status-store';
import { SyncAttentionDialog } from './SyncAttentionDialog';
import { SyncIndicator } from './SyncIndicator';

/** The sync indicator wired to the engine's status store, its "sync now" and the "needs attention" list. */
export function SyncStatus() {
  const status = useSyncStatus();
  const { engine } = useServices();
  const [isAttentionOpen, setAttentionOpen] = useState(false);
  return (
    <>
      <SyncIndicator
        status={status}
        onSyncNow={() => {
          engine.syncNow().catch((e: unknown) => console.warn('sync now failed', e));
        }}
        onShowAttention={() => setAttentionOpen(true)}
      />
      <SyncAttentionDialog opened={isAttentionOpen} onClose={() => setAttentionOpen(false)} />
    </>
  );
}
