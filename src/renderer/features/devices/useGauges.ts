/** The plant's gauge register (pulled from central), for assigning an instrument to its gauge. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useServices } from '../../app/services';

export interface GaugeOption {
  id: string;
  name: string;
  unit: string;
}

export function useGauges(): GaugeOption[] {
  const { db } = useServices();
  const rows = useLiveQuery(() => db.gauges.toArray(), [db]);
  return (rows ?? []).map((g) => ({ id: g.id, name: g.name, unit: g.unit })).sort((a, b) => a.id.localeCompare(b.id));
}
