/** Records `plan.acknowledged` for a workshop's day at the version shown (central validates it). */
import { useCallback, useState } from 'react';
import { useRecorder } from '../../data/use-recorder';

export function useAcknowledge() {
  const record = useRecorder();
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setSaving] = useState(false);
  const acknowledge = useCallback(
    async (planDate: string, workshopId: string, planVersion: number) => {
      setSaving(true);
      setError(null);
      try {
        await record('plan.acknowledged', { planDate, workshopId, planVersion });
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      } finally {
        setSaving(false);
      }
    },
    [record],
  );
  return { acknowledge, error, isSaving };
}
