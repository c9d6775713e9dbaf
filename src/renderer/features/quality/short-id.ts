/**
 * Ids people read aloud and write on tags ("FA-MIG4K2QZ-7Q2X"): a prefix, the time in base 36
 * and four random characters. Unique enough across terminals (a clash needs the same
 * millisecond and the same 1-in-1.6-million draw); central flags a duplicate id as an issue anyway.
 */
export function shortId(prefix: string, now = Date.now(), random: () => number = Math.random): string {
  const tail = Array.from({ length: 4 }, () => Math.floor(random() * 36).toString(36)).join('');
  return `${prefix}-${now.toString(36).toUpperCase()}-${tail.toUpperCase()}`;
}
