/**
 * Serial port discovery. On Linux serialport asks udev (udevadm) for USB identities; where udev is
 * missing (containers, minimal images) listing fails, so we return no ports and say why instead.
 */
import { SerialPort } from 'serialport';
import type { PortInfo } from '../../shared/devices/types';

interface RawPortInfo {
  path: string;
  manufacturer?: string | undefined;
  vendorId?: string | undefined;
  productId?: string | undefined;
  serialNumber?: string | undefined;
}

export interface PortListing {
  ports: PortInfo[];
  /** Why the list may be incomplete, for the operator or the log. */
  message?: string;
}

export async function listPorts(list: () => Promise<RawPortInfo[]> = () => SerialPort.list() as Promise<RawPortInfo[]>): Promise<PortListing> {
  try {
    const raw = await list();
    const ports = raw.map((p) => {
      const info: PortInfo = { path: p.path };
      if (p.manufacturer) info.manufacturer = p.manufacturer;
      if (p.vendorId) info.vendorId = p.vendorId;
      if (p.productId) info.productId = p.productId;
      if (p.serialNumber) info.serialNumber = p.serialNumber;
      return info;
    });
    return { ports };
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    const hint = /udevadm|ENOENT/i.test(reason) ? ' (udevadm is not available on this system; type the port path by hand)' : '';
    return { ports: [], message: `Cannot list serial ports: ${reason}${hint}` };
  }
}

/**
 * One listing serves every device looking for its USB identity within `maxAgeMs` (each listing runs
 * udevadm). A listing that throws counts as none: callers fall back to the saved path.
 */
export function sharedListing(list: () => Promise<PortListing>, maxAgeMs: number, log: (message: string) => void): () => Promise<PortListing | null> {
  let last: { at: number; result: Promise<PortListing | null> } | null = null;
  return () => {
    if (!last || Date.now() - last.at > maxAgeMs) {
      const result = list().catch((e: unknown) => {
        log(`serial hub: cannot list ports: ${e instanceof Error ? e.message : String(e)}`);
        return null;
      });
      last = { at: Date.now(), result };
    }
    return last.result;
  };
}
