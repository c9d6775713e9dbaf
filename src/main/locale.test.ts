import { describe, expect, it } from 'vitest';
import { systemLocale } from './locale';

describe('systemLocale', () => {
  it('reads the POSIX variables in priority order', () => {
    expect(systemLocale({ LANG: 'es_ES.UTF-8' }, 'en-US')).toBe('es-ES');
    expect(systemLocale({ LANG: 'es_ES.UTF-8', LC_MESSAGES: 'en_GB.UTF-8' }, 'und')).toBe('en-GB');
    expect(systemLocale({ LANG: 'es_ES.UTF-8', LC_MESSAGES: 'en_GB', LC_ALL: 'ca_ES@valencia' }, 'und')).toBe('ca-ES');
  });

  it('treats C and POSIX as unset and falls back to Intl', () => {
    expect(systemLocale({ LANG: 'C.UTF-8' }, 'en-US')).toBe('en-US');
    expect(systemLocale({ LC_ALL: 'POSIX' }, 'es-MX')).toBe('es-MX');
  });

  it('says nothing rather than "und" when no locale is known', () => {
    expect(systemLocale({}, 'und')).toBe('');
  });
});
