/**
 * The workstation's locale, for the interface's default language. On Linux the POSIX variables
 * are what the desktop session sets (LC_ALL > LC_MESSAGES > LANG); Node's ICU may not follow them,
 * so they are read first, then Intl (Windows, macOS). "C"/"POSIX" mean "not set".
 */
export function systemLocale(env: NodeJS.ProcessEnv = process.env, intlLocale = Intl.DateTimeFormat().resolvedOptions().locale): string {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const) {
    const value = env[name]?.trim();
    if (!value) continue;
    const base = value.split('.')[0]?.split('@')[0] ?? '';
    if (base === '' || base === 'C' || base === 'POSIX') continue;
    return base.replace('_', '-');
  }
  return intlLocale === 'und' ? '' : intlLocale;
}
