/** Saving an output record for one work order, with the outcome as a translatable message. */
import { useCallback, useRef, useState } from 'react';
import type { OutboxEvent } from '../../data/db';
import { RecordError } from '../../data/record';
import { useOutputWithLot } from '../trace/useOutputWithLot';
import type { Message } from '../login/useLogin';
import { checkOutput, toOutputPayload, type OutputDraft, type OutputProblem } from './output-form';

export type SaveOutcome =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'invalid'; problems: OutputProblem[] }
  | { kind: 'saved'; event: OutboxEvent; good: number; scrap: number }
  | { kind: 'failed'; message: Message };

export function useRecordOutput(workOrderId: string) {
  // Good output also creates its lot (trace: lot.created in the same transaction).
  const record = useOutputWithLot();
  const [outcome, setOutcome] = useState<SaveOutcome>({ kind: 'idle' });
  const savingRef = useRef(false);

  /** Resolves true when the record committed (the caller then clears the form). */
  const save = useCallback(
    async (draft: OutputDraft): Promise<boolean> => {
      if (savingRef.current) return false;
      const problems = checkOutput(draft);
      if (problems.length > 0) {
        setOutcome({ kind: 'invalid', problems });
        return false;
      }
      savingRef.current = true;
      setOutcome({ kind: 'saving' });
      try {
        const payload = toOutputPayload(workOrderId, draft);
        const event = await record(payload);
        setOutcome({ kind: 'saved', event, good: payload.goodQty, scrap: payload.scrapQty });
        return true;
      } catch (e) {
        const message: Message =
          e instanceof RecordError && e.code !== 'storage-failed'
            ? { key: 'output.invalid', params: { details: e.message } }
            : { key: 'output.storageFailed', params: { message: e instanceof Error ? e.message : String(e) } };
        setOutcome({ kind: 'failed', message });
        return false;
      } finally {
        savingRef.current = false;
      }
    },
    [record, workOrderId],
  );

  const edited = useCallback(() => setOutcome((o) => (o.kind === 'saving' ? o : { kind: 'idle' })), []);

  return { outcome, save, edited };
}
