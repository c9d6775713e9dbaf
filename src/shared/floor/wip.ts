/**
 * Work in progress between operations (procedure 4.2.1 b): per production order, the good output
 * of the previous routing step that this step has not yet taken in (made good or scrapped).
 */
export interface OperationTotals {
  operation: string;
  good: number;
  scrap: number;
}

export interface Wip {
  previousOperation: string;
  previousGood: number;
  /** Pieces this operation has made (good + scrap): each took one piece from the previous step. */
  processedHere: number;
  /** Never negative: a step that ran ahead of its predecessor's records has no WIP waiting. */
  waiting: number;
}

/**
 * @param routing the product's operations in routing order
 * @param totals what each operation of this production order has recorded
 * @returns null for the first operation (its input is material, not WIP)
 */
export function wipBefore(routing: readonly string[], operation: string, totals: readonly OperationTotals[]): Wip | null {
  const idx = routing.indexOf(operation);
  if (idx <= 0) return null;
  const previousOperation = routing[idx - 1]!;
  const prev = totals.find((t) => t.operation === previousOperation);
  const here = totals.find((t) => t.operation === operation);
  const previousGood = prev?.good ?? 0;
  const processedHere = (here?.good ?? 0) + (here?.scrap ?? 0);
  return { previousOperation, previousGood, processedHere, waiting: Math.max(0, previousGood - processedHere) };
}
