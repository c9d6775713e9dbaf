/** Renders a piece of the UI with the app's providers around it, as the shell would. */
import './dom';
import { MantineProvider } from '@mantine/core';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { ServicesContext, type AppServices } from '../app/services';
import { theme } from '../app/theme';
import { TaktDb } from '../data/db';
import { createI18n, type Language } from '../i18n';
import { createFakeApi, testInfo, type FakeApi } from './fake-api';
import { uniqueDbName } from './fixtures';

export interface TestServices extends AppServices {
  fake: FakeApi;
  nudges: number;
  syncNowCalls: number;
}

export function createTestServices(db: TaktDb = new TaktDb(uniqueDbName())): TestServices {
  const fake = createFakeApi();
  const services: TestServices = {
    api: fake.api,
    db,
    info: testInfo,
    fake,
    nudges: 0,
    syncNowCalls: 0,
    engine: {
      nudge: () => {
        services.nudges += 1;
      },
      syncNow: async () => {
        services.syncNowCalls += 1;
      },
    },
  };
  return services;
}

export function renderWithApp(
  ui: ReactNode,
  opts: { services?: AppServices; language?: Language } = {},
): RenderResult & { i18n: ReturnType<typeof createI18n> } {
  const i18n = createI18n(opts.language ?? 'en');
  const wrap = (node: ReactNode) => (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} env="test">
        {opts.services ? <ServicesContext.Provider value={opts.services}>{node}</ServicesContext.Provider> : node}
      </MantineProvider>
    </I18nextProvider>
  );
  const result = render(wrap(ui));
  return { ...result, i18n, rerender: (next: ReactNode) => result.rerender(wrap(next)) };
}
