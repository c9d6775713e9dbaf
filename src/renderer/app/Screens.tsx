import { assertNever } from '../../shared/result';
import { HomeScreen } from '../features/home/HomeScreen';
import { DevicesScreen } from '../features/devices/DevicesScreen';
import { LoginScreen } from '../features/login/LoginScreen';
import { QualityScreen } from '../features/quality/QualityScreen';
import { ReportsScreen } from '../features/reports/ReportsScreen';
import { MonthlyScheduleScreen } from '../features/supervisor/MonthlyScheduleScreen';
import { SupervisorBoardScreen } from '../features/supervisor/SupervisorBoardScreen';
import { WorkOrderScreen } from '../features/work-order/WorkOrderScreen';
import { TraceScreen } from '../features/trace/TraceScreen';
import { PackagingScreen } from '../features/packaging/PackagingScreen';
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
    case 'reports':
      return <ReportsScreen />;
    case 'devices':
      return <DevicesScreen />;
    case 'supervisor-board':
      return <SupervisorBoardScreen />;
    case 'monthly-schedule':
      return <MonthlyScheduleScreen />;
    case 'quality':
      return <QualityScreen workOrderId={route.workOrderId} />;
    case 'trace':
      return <TraceScreen key={route.target ? `${route.target.kind}:${route.target.id}` : 'none'} target={route.target} />;
    case 'packaging':
      return <PackagingScreen />;
    case 'work-order':
      return <WorkOrderScreen key={route.workOrderId} workOrderId={route.workOrderId} />;
    default:
      return assertNever(route, 'route');
  }
}
