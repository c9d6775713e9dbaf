import { use } from 'react';
import type { BootResult } from './bootstrap';
import { FatalScreen } from './FatalScreen';
import { ServicesContext } from './services';
import { Shell } from './Shell';

/** Waits for startup (suspends), then shows the shell or the fatal screen. */
export function Booted({ boot }: { boot: Promise<BootResult> }) {
  const result = use(boot);
  if (!result.ok) return <FatalScreen reason={result.reason} message={result.message} />;
  return (
    <ServicesContext.Provider value={result.services}>
      <Shell />
    </ServicesContext.Provider>
  );
}
