/** The app: providers, the error boundary and startup. Composition only. */
import { MantineProvider } from '@mantine/core';
import type { i18n as I18n } from 'i18next';
import { Suspense } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { BootResult } from './bootstrap';
import { Booted } from './Booted';
import { ErrorBoundary } from './ErrorBoundary';
import { LoadingScreen } from './LoadingScreen';
import { theme } from './theme';

export function App({ boot, i18n }: { boot: Promise<BootResult>; i18n: I18n }) {
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} forceColorScheme="light">
        <ErrorBoundary>
          <Suspense fallback={<LoadingScreen />}>
            <Booted boot={boot} />
          </Suspense>
        </ErrorBoundary>
      </MantineProvider>
    </I18nextProvider>
  );
}
