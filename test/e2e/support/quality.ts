/**
 * Quality helpers for end-to-end tests. Output on a demo work order needs a passed first article
 * (4.3); a test about something else has an inspector's first articles recorded at central
 * through the sync API, as another terminal would, before its own terminal pulls.
 */
import { randomUUID } from 'node:crypto';

type Item = { type: string; payload: Record<string, unknown> };

/**
 * Enrols a terminal of its own and pushes its events, in order, as `operatorId`; `items` may be
 * worked out with the terminal's token (e.g. from what it pulls).
 */
async function pushAsTerminal(
  centralUrl: string,
  adminToken: string,
  name: string,
  operatorId: string,
  items: Item[] | ((auth: { authorization: string }) => Promise<Item[]>),
): Promise<void> {
  const enrol = await fetch(`${centralUrl}/api/v1/terminals`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ workstationId: 'WS-M1-01', name }),
  });
  if (!enrol.ok) throw new Error(`enrol: ${enrol.status} ${await enrol.text()}`);
  const { terminalId, token } = (await enrol.json()) as { terminalId: string; token: string };
  const auth = { authorization: `Bearer ${token}` };
  const epoch = randomUUID();
  const list = typeof items === 'function' ? await items(auth) : items;
  const events = list.map(({ type, payload }, i) => ({
    id: randomUUID(),
    terminalId,
    epoch,
    seq: i + 1,
    type,
    v: 1,
    occurredAt: new Date().toISOString(),
    clockOffsetMs: 0,
    operatorId,
    workstationId: 'WS-M1-01',
    payload,
  }));
  const push = await fetch(`${centralUrl}/sync/v1/push`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ protocol: 1, terminalId, epoch, events }),
  });
  const body = (await push.json()) as { accepted?: number };
  if (!push.ok || body.accepted !== events.length) throw new Error(`push: ${push.status} ${JSON.stringify(body)}`);
}

/** Records a passed first article, signed by inspector OP-0005, for the given work orders (default: all). */
export async function passFirstArticles(
  centralUrl: string,
  adminToken: string,
  workOrderIds?: string[],
  inspectorId = 'OP-0005',
): Promise<void> {
  const allWorkOrders = async (auth: { authorization: string }) => {
    const page = (await (await fetch(`${centralUrl}/sync/v1/pull?stream=work-orders&cursor=0&limit=1000`, { headers: auth })).json()) as {
      rows: { op: string; row: { id: string } | null }[];
    };
    return page.rows.filter((r) => r.op === 'put' && r.row).map((r) => r.row!.id);
  };
  await pushAsTerminal(centralUrl, adminToken, 'e2e inspector', inspectorId, async (auth) =>
    (workOrderIds ?? (await allWorkOrders(auth))).map((workOrderId) => ({
      type: 'inspection.recorded',
      payload: {
        inspectionId: `FA-E2E-${randomUUID()}`,
        kind: 'first-article',
        workOrderId,
        results: [{ characteristicId: 'visual', attribute: 'pass', source: 'manual', manualReason: 'e2e setup', verdict: 'pass' }],
        verdict: 'pass',
        inspectorId,
      },
    })),
  );
}

/**
 * Output an old terminal (one that does not know the first-article gate) sends before any first
 * article of the work order passed: central stores it and flags it for QC.
 */
export async function pushOutputFromOldTerminal(centralUrl: string, adminToken: string, workOrderId: string, goodQty: number): Promise<void> {
  await pushAsTerminal(centralUrl, adminToken, 'e2e old terminal', 'OP-0007', [{ type: 'output.recorded', payload: { workOrderId, goodQty, scrapQty: 0 } }]);
}
