/**
 * In-app navigation: login -> home (targets + queue) -> one work order. A tiny state machine; the
 * signed-in operator decides whether anything but login can show (see app/Screens.tsx).
 */
import { create } from 'zustand';
import type { TraceTarget } from '../../shared/trace/scan-target';

export type Route =
  | { name: 'home' }
  | { name: 'work-order'; workOrderId: string }
  | { name: 'reports' }
  | { name: 'devices' }
  | { name: 'supervisor-board' }
  | { name: 'monthly-schedule' }
  | { name: 'quality'; workOrderId?: string }
  | { name: 'trace'; target?: TraceTarget }
  | { name: 'packaging' };

interface RouteState {
  route: Route;
  workOrderOpened: (workOrderId: string) => void;
  homeRequested: () => void;
}

const useRouteStore = create<RouteState>()((set) => ({
  route: { name: 'home' },
  workOrderOpened: (workOrderId) => set({ route: { name: 'work-order', workOrderId } }),
  homeRequested: () => set({ route: { name: 'home' } }),
}));

export const useRoute = () => useRouteStore((s) => s.route);
export const useRouteActions = () => {
  const workOrderOpened = useRouteStore((s) => s.workOrderOpened);
  const homeRequested = useRouteStore((s) => s.homeRequested);
  return { workOrderOpened, homeRequested };
};
export const routeStore = useRouteStore;
