/**
 * The role menu on the home screen: one big button per screen the signed-in person's roles open
 * (supervisor board, quality, devices, reports...). Features register their entry in `navItems`,
 * one line each; the home screen shows the entries the operator's roles allow, and nothing when
 * none do (a plain operator sees only their queue).
 */
import { Button, Group } from '@mantine/core';
import { IconCalendarMonth, IconLayoutDashboard, IconReportAnalytics, IconRulerMeasure } from '@tabler/icons-react';
import { IconPlugConnected } from '@tabler/icons-react';
import { IconPackage, IconSitemap } from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../shared/domain/plant';
import { routeStore, type Route } from '../store/route-store';
import { useOperator } from '../store/session-store';

export interface NavItem {
  /** Where the button goes. */
  route: Route;
  /** i18n key of the button's label. */
  labelKey: string;
  /** Who sees it (any of these roles). */
  roles: readonly Role[];
  icon: ComponentType<{ size?: number; 'aria-hidden'?: boolean }>;
  testId: string;
}

export const navItems: NavItem[] = [
  { route: { name: 'devices' }, labelKey: 'devices.nav', roles: ['admin'], icon: IconPlugConnected, testId: 'nav-devices' },
  { route: { name: 'reports' }, labelKey: 'reports.nav', roles: ['supervisor', 'planner', 'admin'], icon: IconReportAnalytics, testId: 'nav-reports' },
  { route: { name: 'supervisor-board' }, labelKey: 'supervisor.nav.board', roles: ['supervisor', 'planner', 'admin'], icon: IconLayoutDashboard, testId: 'nav-supervisor-board' },
  { route: { name: 'monthly-schedule' }, labelKey: 'supervisor.nav.monthly', roles: ['supervisor', 'planner', 'admin'], icon: IconCalendarMonth, testId: 'nav-monthly-schedule' },
  { route: { name: 'quality' }, labelKey: 'quality.nav', roles: ['inspector', 'admin'], icon: IconRulerMeasure, testId: 'nav-quality' },
  { route: { name: 'trace' }, labelKey: 'trace.nav', roles: ['operator', 'inspector', 'supervisor', 'planner', 'admin'], icon: IconSitemap, testId: 'nav-trace' },
  { route: { name: 'packaging' }, labelKey: 'trace.packaging.nav', roles: ['operator', 'supervisor', 'admin'], icon: IconPackage, testId: 'nav-packaging' },
];

export function visibleNavItems(roles: readonly Role[], items: readonly NavItem[] = navItems): NavItem[] {
  return items.filter((item) => item.roles.some((r) => roles.includes(r)));
}

export function RoleNav() {
  const { t } = useTranslation();
  const operator = useOperator();
  const items = visibleNavItems(operator?.roles ?? []);
  if (items.length === 0) return null;
  return (
    <Group gap="md" component="nav" aria-label={t('nav.label')}>
      {items.map((item) => {
        const Icon = item.icon;
        return (
          <Button
            key={item.testId}
            size="lg"
            h={64}
            variant="light"
            leftSection={<Icon size={28} aria-hidden />}
            data-testid={item.testId}
            onClick={() => routeStore.setState({ route: item.route })}
          >
            {t(item.labelKey)}
          </Button>
        );
      })}
    </Group>
  );
}
