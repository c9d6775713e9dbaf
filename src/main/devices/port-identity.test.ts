import { describe, expect, it } from 'vitest';
import type { PortInfo } from '../../shared/devices/types';
import { claimedBy, matchesIdentity, planOpen, resolvePort, type PortClaim } from './port-identity';

const ftdi = (path: string, serialNumber?: string): PortInfo => ({
  path,
  vendorId: '0403',
  productId: '6001',
  ...(serialNumber !== undefined ? { serialNumber } : {}),
});
const withSerial = { vendorId: '0403', productId: '6001', serialNumber: 'A1' };
const noSerial = { vendorId: '0403', productId: '6001' };

describe('matchesIdentity', () => {
  it('needs vendor and product (any hex case) and, when saved, exactly the serial number', () => {
    expect(matchesIdentity(withSerial, ftdi('/dev/ttyUSB0', 'A1'))).toBe(true);
    expect(
      matchesIdentity(
        { vendorId: '05E0', productId: '1300' },
        { path: '/dev/ttyACM0', vendorId: '05e0', productId: '1300' },
      ),
    ).toBe(true);
    expect(matchesIdentity(withSerial, ftdi('/dev/ttyUSB0', 'a1'))).toBe(false);
    expect(matchesIdentity(withSerial, ftdi('/dev/ttyUSB0'))).toBe(false);
    expect(matchesIdentity(noSerial, ftdi('/dev/ttyUSB0', 'ANY'))).toBe(true);
    expect(matchesIdentity(noSerial, { path: '/dev/ttyUSB0', vendorId: '0403', productId: '6015' })).toBe(false);
    expect(matchesIdentity(noSerial, { path: '/dev/pts/3' })).toBe(false);
  });
});

describe('resolvePort', () => {
  it('keeps the saved path when the identity is there, moves when it is only elsewhere', () => {
    expect(
      resolvePort(withSerial, '/dev/ttyUSB0', [ftdi('/dev/ttyUSB0', 'A1'), ftdi('/dev/ttyUSB1', 'B2')], []),
    ).toEqual({ kind: 'saved', path: '/dev/ttyUSB0' });
    expect(
      resolvePort(withSerial, '/dev/ttyUSB0', [ftdi('/dev/ttyUSB1', 'B2'), ftdi('/dev/ttyUSB2', 'A1')], []),
    ).toEqual({ kind: 'moved', path: '/dev/ttyUSB2' });
  });

  it('never takes a port whose serial number differs', () => {
    expect(resolvePort(withSerial, '/dev/ttyUSB0', [ftdi('/dev/ttyUSB1', 'B2')], [])).toEqual({
      kind: 'saved',
      path: '/dev/ttyUSB0',
    });
  });

  it('refuses to choose between two ports without serial numbers unless one is the saved path', () => {
    const two = [ftdi('/dev/ttyUSB1'), ftdi('/dev/ttyUSB2')];
    expect(resolvePort(noSerial, '/dev/ttyUSB0', two, [])).toEqual({
      kind: 'ambiguous',
      paths: ['/dev/ttyUSB1', '/dev/ttyUSB2'],
    });
    expect(resolvePort(noSerial, '/dev/ttyUSB2', two, [])).toEqual({ kind: 'saved', path: '/dev/ttyUSB2' });
  });

  it('does not take a port another device holds by path, by open port or by serial number', () => {
    const ports = [ftdi('/dev/ttyUSB1', 'B2')];
    const byPath: PortClaim = { id: 'scanner-2', openPath: null, savedPath: '/dev/ttyUSB1' };
    const byOpen: PortClaim = {
      id: 'scanner-2',
      openPath: '/dev/ttyUSB1',
      savedPath: '/dev/ttyUSB9',
      usb: { vendorId: '1234', productId: '0001' },
    };
    const bySerial: PortClaim = {
      id: 'scanner-2',
      openPath: null,
      savedPath: '/dev/ttyUSB9',
      usb: { ...noSerial, serialNumber: 'B2' },
    };
    for (const claim of [byPath, byOpen, bySerial]) {
      expect(claimedBy(ports[0]!, [claim])).toBe('scanner-2');
      expect(resolvePort(noSerial, '/dev/ttyUSB0', ports, [claim])).toEqual({ kind: 'saved', path: '/dev/ttyUSB0' });
    }
  });

  it("ignores another device's saved path when the port there is visibly a different USB device", () => {
    const other: PortClaim = {
      id: 'scale-1',
      openPath: null,
      savedPath: '/dev/ttyUSB0',
      usb: { vendorId: '067b', productId: '2303' },
    };
    expect(resolvePort(withSerial, '/dev/ttyUSB5', [ftdi('/dev/ttyUSB0', 'A1')], [other])).toEqual({
      kind: 'moved',
      path: '/dev/ttyUSB0',
    });
  });

  it('waits when the saved path now holds a different USB device', () => {
    const stranger: PortInfo = { path: '/dev/ttyUSB0', vendorId: '067b', productId: '2303' };
    expect(resolvePort(withSerial, '/dev/ttyUSB0', [stranger], [])).toEqual({
      kind: 'elsewhere',
      found: stranger,
      claimedBy: null,
    });
  });
});

describe('planOpen', () => {
  const listing = { ports: [ftdi('/dev/ttyUSB3', 'A1')] };

  it('uses the saved path without an identity or without a working listing (no udevadm)', () => {
    expect(planOpen({ path: '/dev/ttyUSB0' }, listing, [])).toEqual({ open: '/dev/ttyUSB0' });
    expect(planOpen({ path: '/dev/ttyUSB0', usb: withSerial }, null, [])).toEqual({ open: '/dev/ttyUSB0' });
    expect(
      planOpen(
        { path: '/dev/ttyUSB0', usb: withSerial },
        { ports: [], message: 'Cannot list serial ports: spawn udevadm ENOENT' },
        [],
      ),
    ).toEqual({ open: '/dev/ttyUSB0' });
  });

  it('says where a moved device was found, and why it will not guess or open a stranger', () => {
    expect(planOpen({ path: '/dev/ttyUSB0', usb: withSerial }, listing, [])).toEqual({
      open: '/dev/ttyUSB3',
      note: 'USB 0403:6001 serial A1 found at /dev/ttyUSB3 (saved path /dev/ttyUSB0)',
    });
    const ambiguous = planOpen(
      { path: '/dev/ttyUSB0', usb: noSerial },
      { ports: [ftdi('/dev/ttyUSB1'), ftdi('/dev/ttyUSB2')] },
      [],
    );
    expect(ambiguous).toMatchObject({ wait: 'error' });
    expect('wait' in ambiguous && ambiguous.message).toContain(
      '2 ports match USB 0403:6001 (/dev/ttyUSB1, /dev/ttyUSB2)',
    );
    const stranger = planOpen(
      { path: '/dev/ttyUSB0', usb: withSerial },
      { ports: [{ path: '/dev/ttyUSB0', vendorId: '067b', productId: '2303' }] },
      [],
    );
    expect(stranger).toEqual({
      wait: 'disconnected',
      message:
        '/dev/ttyUSB0 now holds another device (USB 067b:2303); waiting for USB 0403:6001 serial A1 to be plugged in.',
    });
  });
});
