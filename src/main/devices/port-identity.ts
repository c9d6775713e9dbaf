/**
 * Finding a configured USB device again by its identity (vendor id, product id, serial number) when
 * it came back on another path (a scanner unplugged from /dev/ttyACM0 and replugged as ttyACM1).
 * Pure: the hub lists the ports and supplies who claims what; this decides where to open.
 */
import type { DeviceConfig, PortInfo } from '../../shared/devices/types';
import type { PortListing } from './ports';

export type UsbIdentity = NonNullable<DeviceConfig['usb']>;

/** Another configured device's hold on ports, so one device never takes a port that is another's. */
export interface PortClaim {
  id: string;
  /** The path the device's port is open (or opening) on right now, if any. */
  openPath: string | null;
  savedPath: string;
  usb?: UsbIdentity | undefined;
}

export type PortResolution =
  /** Open here: the saved path (the identity is there, or nothing in the listing says otherwise). */
  | { kind: 'saved'; path: string }
  /** The identity is on another path, which no other device claims. */
  | { kind: 'moved'; path: string }
  /** More than one unclaimed port has this identity and none is the saved path: refuse to guess. */
  | { kind: 'ambiguous'; paths: string[] }
  /** The saved path holds a different USB device (or one another device holds) and the identity is nowhere free: wait. */
  | { kind: 'elsewhere'; found: PortInfo; claimedBy: string | null };

/** udev reports hex ids in lower case, other sources in upper case; serial numbers are exact. */
const sameHex = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

export function describeIdentity(usb: UsbIdentity): string {
  return `USB ${usb.vendorId}:${usb.productId}${usb.serialNumber !== undefined ? ` serial ${usb.serialNumber}` : ''}`;
}

/** True when the listed port is that device: vendor and product match, and the serial number when one was saved. */
export function matchesIdentity(usb: UsbIdentity, port: PortInfo): boolean {
  if (port.vendorId === undefined || port.productId === undefined) return false;
  if (!sameHex(usb.vendorId, port.vendorId) || !sameHex(usb.productId, port.productId)) return false;
  return usb.serialNumber === undefined || usb.serialNumber === port.serialNumber;
}

/** A port whose listing shows USB ids; ports without them (ptys, some UARTs) say nothing either way. */
const hasIdentity = (port: PortInfo): boolean => port.vendorId !== undefined && port.productId !== undefined;

/**
 * Whether another device claims the port: it is open there; or it is that device's saved path and
 * the listing does not show a different USB device there; or that device's identity, serial number
 * included, is the port's (a serial number names one physical device).
 */
export function claimedBy(port: PortInfo, claims: readonly PortClaim[]): string | null {
  for (const c of claims) {
    if (c.openPath === port.path) return c.id;
    if (c.savedPath === port.path && !(c.usb && hasIdentity(port) && !matchesIdentity(c.usb, port))) return c.id;
    if (c.usb?.serialNumber !== undefined && matchesIdentity(c.usb, port)) return c.id;
  }
  return null;
}

/** Where a device with this identity should be opened, given the listed ports and the other devices' claims. */
export function resolvePort(
  usb: UsbIdentity,
  savedPath: string,
  ports: readonly PortInfo[],
  others: readonly PortClaim[],
): PortResolution {
  const candidates = ports.filter((p) => matchesIdentity(usb, p) && claimedBy(p, others) === null).map((p) => p.path);
  if (candidates.includes(savedPath)) return { kind: 'saved', path: savedPath };
  const [only, ...rest] = candidates;
  if (only !== undefined && rest.length === 0) return { kind: 'moved', path: only };
  if (only !== undefined) return { kind: 'ambiguous', paths: candidates };
  const atSaved = ports.find((p) => p.path === savedPath);
  if (atSaved && hasIdentity(atSaved))
    return { kind: 'elsewhere', found: atSaved, claimedBy: claimedBy(atSaved, others) };
  return { kind: 'saved', path: savedPath };
}

/** What the hub does before opening a port: open `path` (with a note when it moved), or wait and say why. */
export type OpenPlan = { open: string; note?: string } | { wait: 'disconnected' | 'error'; message: string };

/**
 * The plan for one connection attempt. Devices without a USB identity, and listings that failed
 * (no udevadm) or carry no USB ids, fall back to the saved path: the behaviour before identities.
 */
export function planOpen(
  config: Pick<DeviceConfig, 'path' | 'usb'>,
  listing: PortListing | null,
  others: readonly PortClaim[],
): OpenPlan {
  if (!config.usb || !listing || listing.message !== undefined) return { open: config.path };
  const r = resolvePort(config.usb, config.path, listing.ports, others);
  const who = describeIdentity(config.usb);
  switch (r.kind) {
    case 'saved':
      return { open: r.path };
    case 'moved':
      return { open: r.path, note: `${who} found at ${r.path} (saved path ${config.path})` };
    case 'ambiguous':
      return {
        wait: 'error',
        message: `${r.paths.length} ports match ${who} (${r.paths.join(', ')}) and none is the saved path ${config.path}; not choosing one. Unplug the other device or pick the port again on the device screen.`,
      };
    case 'elsewhere': {
      const there =
        r.claimedBy !== null
          ? `device "${r.claimedBy}"`
          : `another device (USB ${r.found.vendorId ?? '?'}:${r.found.productId ?? '?'})`;
      return {
        wait: 'disconnected',
        message: `${config.path} now holds ${there}; waiting for ${who} to be plugged in.`,
      };
    }
  }
}
