import { describe, expect, it } from 'vitest';
import { pinMatches, sha256Bytes, sha256Hex } from './pin';

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
const utf8 = (s: string) => new TextEncoder().encode(s);

// FIPS 180-4 / NIST example vectors.
const vectors: [string, string][] = [
  ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
  ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
  [
    'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
    '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
  ],
  ['1234', '03ac674216f3e15c761ee1a5e255f067953623c8b388b4459e13f978d7c846f4'],
];

describe('sha256', () => {
  it.each(vectors)('hashes %j like the standard (plain TypeScript)', (input, expected) => {
    expect(hex(sha256Bytes(utf8(input)))).toBe(expected);
  });

  it('handles inputs across block boundaries (55, 56, 64 and 1000 bytes) the same as WebCrypto', async () => {
    const subtle = globalThis.crypto?.subtle;
    if (!subtle) throw new Error('this test needs WebCrypto in the test environment');
    for (const n of [55, 56, 63, 64, 65, 1000]) {
      const input = 'x'.repeat(n) + 'ñ';
      expect(await sha256Hex(input, undefined)).toBe(await sha256Hex(input, subtle));
    }
  });

  it('checks a PIN against the stored hash, case-insensitively, without WebCrypto too', async () => {
    const stored = vectors[3]?.[1] ?? '';
    expect(await pinMatches('1234', stored)).toBe(true);
    expect(await pinMatches('1234', stored.toUpperCase(), undefined)).toBe(true);
    expect(await pinMatches('4321', stored)).toBe(false);
  });
});
