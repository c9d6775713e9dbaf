/**
 * Plan-revision notices (clause 4.2.4: the adjusted plan flows back down). When a new T+2 version
 * of a date is imported, one `plan-revised` notice per line whose day plan changed, carrying the
 * changes (work orders added, removed, quantity changed) for terminals to show, and a plain-text
 * body for the other departments' feed.
 */
import { describeChange, diffPlanVersions, type RevisablePlanLine } from '../../shared/supervision/plan-revision';
import type { ChangeSet } from '../sync/changes';

export function putRevisionNotices(
  changes: ChangeSet,
  date: string,
  fromVersion: number,
  toVersion: number,
  before: readonly RevisablePlanLine[],
  after: readonly RevisablePlanLine[],
  now: Date,
): number {
  const revised = diffPlanVersions(before, after);
  for (const r of revised) {
    changes.put('notices', {
      type: 'notice',
      id: `plan-revised:${date}:v${toVersion}:${r.lineId}`,
      kind: 'plan-revised',
      departments: ['production'],
      workshopId: r.workshopId,
      lineId: r.lineId,
      title: `Plan T+2 ${date} revisado (v${toVersion}), línea ${r.lineId} / T+2 plan ${date} revised (v${toVersion}), line ${r.lineId}`,
      body: r.changes.map(describeChange).join('\n'),
      refId: date,
      createdAt: now.toISOString(),
      revision: { date, fromVersion, toVersion, changes: r.changes },
    });
  }
  return revised.length;
}
