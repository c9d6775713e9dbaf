import { assertNever } from '../../shared/result';
import { HomeScreen } from '../features/home/HomeScreen';
import { LoginScreen } from '../features/login/LoginScreen';
import { WorkOrderScreen } from '../features/work-order/WorkOrderScreen';
import { useRoute } from '../store/route-store';
import { useOperator } from '../store/session-store';

/** Login until someone signs in; then the route decides. */
export function Screens() {
  const operator = useOperator();
  const route = useRoute();
  if (!operator) return <LoginScreen />;
  switch (route.name) {
    case 'home':
      return <HomeScreen />;
    case 'work-order':
      return <WorkOrderScreen key={route.workOrderId} workOrderId={route.workOrderId} />;
    default:
      return assertNever(route, 'route');
  }
}
