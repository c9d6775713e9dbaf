/**
 * Quality helpers for end-to-end tests. Output on a demo work order needs a passed first article
 * (4.3); a test about something else has an inspector's first articles recorded at central
 * through the sync API, as another terminal would, before its own terminal pulls.
 */
import { randomUUID } from 'node:crypto';

/** Records a passed first article, signed by inspector OP-0005, for the given work orders (default: all). */
export async function passFirstArticles(
  centralUrl: string,
  adminToken: string,
  workOrderIds?: string[],
  inspectorId = 'OP-0005',
): Promise<void> {
  const enrol = await fetch(`${centralUrl}/api/v1/terminals`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ workstationId: 'WS-M1-01', name: 'e2e inspector' }),
  });
  if (!enrol.ok) throw new Error(`enrol: ${enrol.status} ${await enrol.text()}`);
  const { terminalId, token } = (await enrol.json()) as { terminalId: string; token: string };
  const auth = { authorization: `Bearer ${token}` };
  let ids = workOrderIds;
  if (!ids) {
    const page = (await (await fetch(`${centralUrl}/sync/v1/pull?stream=work-orders&cursor=0&limit=1000`, { headers: auth })).json()) as {
      rows: { op: string; row: { id: string } | null }[];
    };
    ids = page.rows.filter((r) => r.op === 'put' && r.row).map((r) => r.row!.id);
  }
  const epoch = randomUUID();
  const events = ids.map((workOrderId, i) => ({
    id: randomUUID(),
    terminalId,
    epoch,
    seq: i + 1,
    type: 'inspection.recorded',
    v: 1,
    occurredAt: new Date().toISOString(),
    clockOffsetMs: 0,
    operatorId: inspectorId,
    workstationId: 'WS-M1-01',
    payload: {
      inspectionId: `FA-E2E-${randomUUID()}`,
      kind: 'first-article',
      workOrderId,
      results: [{ characteristicId: 'visual', attribute: 'pass', source: 'manual', manualReason: 'e2e setup', verdict: 'pass' }],
      verdict: 'pass',
      inspectorId,
    },
  }));
  const push = await fetch(`${centralUrl}/sync/v1/push`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ protocol: 1, terminalId, epoch, events }),
  });
  const body = (await push.json()) as { accepted?: number };
  if (!push.ok || body.accepted !== events.length) throw new Error(`push: ${push.status} ${JSON.stringify(body)}`);
}
