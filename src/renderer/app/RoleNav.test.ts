import { describe, expect, it } from 'vitest';
import { visibleNavItems, type NavItem } from './RoleNav';

const Icon = () => null;
const items: NavItem[] = [
  { route: { name: 'home' }, labelKey: 'a', roles: ['supervisor'], icon: Icon, testId: 'board' },
  { route: { name: 'home' }, labelKey: 'b', roles: ['inspector', 'admin'], icon: Icon, testId: 'quality' },
];

describe('visibleNavItems', () => {
  it('shows an entry to anyone holding one of its roles, and nothing to a plain operator', () => {
    expect(visibleNavItems(['operator'], items)).toEqual([]);
    expect(visibleNavItems(['operator', 'admin'], items).map((i) => i.testId)).toEqual(['quality']);
    expect(visibleNavItems(['supervisor', 'inspector'], items).map((i) => i.testId)).toEqual(['board', 'quality']);
  });
});
