/** Signing out records `shift.logout` for the operator, then ends the session whatever happens. */
import { useCallback } from 'react';
import { useRecorder } from '../../data/use-recorder';
import { useRouteActions } from '../../store/route-store';
import { useOperator, useSessionActions } from '../../store/session-store';

export function useSignOut(): () => Promise<void> {
  const record = useRecorder();
  const operator = useOperator();
  const { operatorSignedOut } = useSessionActions();
  const { homeRequested } = useRouteActions();
  return useCallback(async () => {
    if (operator) {
      try {
        await record('shift.logout', {}, operator.id);
      } catch (e) {
        // Signing out must always work on a shared terminal; the missing logout shows as an open shift.
        console.error('could not record shift.logout', e);
      }
    }
    operatorSignedOut();
    homeRequested();
  }, [record, operator, operatorSignedOut, homeRequested]);
}
