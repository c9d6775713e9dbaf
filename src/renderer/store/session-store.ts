/**
 * Who is signed in at this terminal. Kept in sessionStorage so a reload (crash recovery, kiosk
 * watchdog) does not sign the operator out; closing the window does.
 */
import { create } from 'zustand';
import type { Role } from '../../shared/domain/plant';

export interface SignedInOperator {
  id: string;
  name: string;
  roles: Role[];
  signedInAt: string;
}

const STORAGE_KEY = 'takt.session';

function load(): SignedInOperator | null {
  try {
    const raw = globalThis.sessionStorage?.getItem(STORAGE_KEY);
    if (!raw) return null;
    const v = JSON.parse(raw) as Partial<SignedInOperator>;
    if (
      typeof v.id === 'string' &&
      typeof v.name === 'string' &&
      Array.isArray(v.roles) &&
      typeof v.signedInAt === 'string'
    ) {
      return { id: v.id, name: v.name, roles: v.roles, signedInAt: v.signedInAt };
    }
  } catch {
    // A corrupt or unavailable sessionStorage only means signing in again.
  }
  return null;
}

function save(op: SignedInOperator | null): void {
  try {
    if (op) globalThis.sessionStorage?.setItem(STORAGE_KEY, JSON.stringify(op));
    else globalThis.sessionStorage?.removeItem(STORAGE_KEY);
  } catch {
    // Not fatal: the session just won't survive a reload.
  }
}

interface SessionState {
  operator: SignedInOperator | null;
  operatorSignedIn: (op: SignedInOperator) => void;
  operatorSignedOut: () => void;
}

const useSessionStore = create<SessionState>()((set) => ({
  operator: load(),
  operatorSignedIn: (operator) => {
    save(operator);
    set({ operator });
  },
  operatorSignedOut: () => {
    save(null);
    set({ operator: null });
  },
}));

export const useOperator = () => useSessionStore((s) => s.operator);
export const useSessionActions = () => {
  const operatorSignedIn = useSessionStore((s) => s.operatorSignedIn);
  const operatorSignedOut = useSessionStore((s) => s.operatorSignedOut);
  return { operatorSignedIn, operatorSignedOut };
};
/** For non-React code and tests. */
export const sessionStore = useSessionStore;
