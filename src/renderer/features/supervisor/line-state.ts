/** How a line's state looks: colour for the bar and badge, an icon-free word for everyone. */
import type { LineState } from '../../../shared/supervision/board';

export const stateColor: Record<LineState, string> = {
  done: 'green.8',
  'on-track': 'teal.7',
  behind: 'red.8',
  idle: 'gray.6',
};

/** Attainment as a whole percentage for display (105 % shows as 105). */
export function percent(attainment: number | null): number {
  return attainment === null ? 0 : Math.floor(attainment * 100);
}
