import { useServices } from '../app/services';
import { useSyncStatus } from '../sync/status-store';
import { SyncIndicator } from './SyncIndicator';

/** The sync indicator wired to the engine's status store and its "sync now". */
export function SyncStatus() {
  const status = useSyncStatus();
  const { engine } = useServices();
  return (
    <SyncIndicator
      status={status}
      onSyncNow={() => {
        engine.syncNow().catch((e: unknown) => console.warn('sync now failed', e));
      }}
    />
  );
}
