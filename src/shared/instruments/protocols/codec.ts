import type { ReadingStatus } from '../../devices/types';
import type { DecodeOptions, EncodableReading, StepResult } from '../types';

/** One protocol: decode a cleaned frame body, encode a reading as a complete frame. */
export interface ProtocolCodec {
  /** Human name used in error messages. */
  name: string;
  decode(body: string, options: DecodeOptions): StepResult;
  /** Throws RangeError when the protocol has no frame for the reading (see `encodes`). */
  encode(reading: EncodableReading): string;
  /** Statuses `encode` can express. */
  encodes: readonly ReadingStatus[];
}

export function unsupported(protocol: string, status: ReadingStatus): never {
  throw new RangeError(`${protocol} has no frame for status '${status}'.`);
}
