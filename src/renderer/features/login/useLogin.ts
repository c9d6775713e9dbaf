/**
 * Signing in: a badge (scanned or typed) identifies the operator; where the plant requires it, a
 * PIN confirms. A successful sign-in records `shift.login` before the session starts.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useServices } from '../../app/services';
import { RecordError } from '../../data/record';
import { countOperators, findOperatorByBadge, normalizeBadge } from '../../data/repositories/operators';
import { getSettings } from '../../data/repositories/plant';
import type { OperatorRow } from '../../data/repositories/rows';
import { useRecorder } from '../../data/use-recorder';
import { useRouteActions } from '../../store/route-store';
import { useSessionActions } from '../../store/session-store';
import { pinMatches } from './pin';

/** A translatable message: catalogue key and its parameters. */
export interface Message {
  key: string;
  params?: Record<string, string | number>;
}

export type LoginStep = { step: 'badge' } | { step: 'pin'; operator: OperatorRow };

/**
 * A badge refused only because the operator list had not arrived yet is tried again as soon as it
 * does, if that happens within this long (later, the person may have walked away).
 */
export const RETRY_WHEN_OPERATORS_ARRIVE_MS = 60_000;

export interface LoginController {
  step: LoginStep;
  error: Message | null;
  isBusy: boolean;
  badgeSubmitted: (badge: string) => Promise<void>;
  pinSubmitted: (pin: string) => Promise<void>;
  pinCancelled: () => void;
}

export function useLogin(): LoginController {
  const { db } = useServices();
  const record = useRecorder();
  const { operatorSignedIn } = useSessionActions();
  const { homeRequested } = useRouteActions();
  const [step, setStep] = useState<LoginStep>({ step: 'badge' });
  const [error, setError] = useState<Message | null>(null);
  const [isBusy, setBusy] = useState(false);
  const busyRef = useRef(false);
  /** The badge refused for lack of an operator list, and when. */
  const [waiting, setWaiting] = useState<{ badge: string; at: number } | null>(null);
  const operatorCount = useLiveQuery(() => countOperators(db), [db]);

  /** Runs one attempt at a time: a second scan while the first is checked is ignored. */
  const exclusive = useCallback(async (fn: () => Promise<void>) => {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    try {
      await fn();
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  }, []);

  const complete = useCallback(
    async (op: OperatorRow) => {
      try {
        await record('shift.login', {}, op.id);
      } catch (e) {
        setError({
          key: 'login.saveFailed',
          params: { message: e instanceof RecordError || e instanceof Error ? e.message : String(e) },
        });
        return;
      }
      setError(null);
      setStep({ step: 'badge' });
      homeRequested();
      operatorSignedIn({ id: op.id, name: op.name, roles: op.roles, signedInAt: new Date().toISOString() });
    },
    [record, homeRequested, operatorSignedIn],
  );

  const badgeSubmitted = useCallback(
    (raw: string) =>
      exclusive(async () => {
        const badge = normalizeBadge(raw);
        if (!badge) {
          setError({ key: 'login.emptyBadge' });
          return;
        }
        setWaiting(null);
        const op = await findOperatorByBadge(db, badge);
        if (!op) {
          if ((await countOperators(db)) === 0) {
            setError({ key: 'login.noOperators' });
            setWaiting({ badge, at: Date.now() });
          } else setError({ key: 'login.unknownBadge', params: { badge } });
          return;
        }
        const settings = await getSettings(db);
        if (settings?.requirePin) {
          if (!op.pinHash) {
            setError({ key: 'login.noPinSet' });
            return;
          }
          setError(null);
          setStep({ step: 'pin', operator: op });
          return;
        }
        await complete(op);
      }),
    [db, exclusive, complete],
  );

  useEffect(() => {
    // badgeSubmitted clears `waiting` itself; an expired one just stays inert until the next attempt.
    if (!waiting || !operatorCount || isBusy || Date.now() - waiting.at > RETRY_WHEN_OPERATORS_ARRIVE_MS) return;
    void badgeSubmitted(waiting.badge);
  }, [waiting, operatorCount, isBusy, badgeSubmitted]);

  const pinSubmitted = useCallback(
    (pin: string) =>
      exclusive(async () => {
        if (step.step !== 'pin') return;
        const { operator } = step;
        if (!operator.pinHash || !(await pinMatches(pin, operator.pinHash))) {
          setError({ key: 'login.wrongPin' });
          return;
        }
        await complete(operator);
      }),
    [exclusive, complete, step],
  );

  const pinCancelled = useCallback(() => {
    setError(null);
    setWaiting(null);
    setStep({ step: 'badge' });
  }, []);

  return { step, error, isBusy, badgeSubmitted, pinSubmitted, pinCancelled };
}
