import '../test-utils/dom';
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TaktDb } from '../data/db';
import { createI18n } from '../i18n';
import { sessionStore } from '../store/session-store';
import { createFakeApi, testInfo } from '../test-utils/fake-api';
import { uniqueDbName } from '../test-utils/fixtures';
import { App } from './App';
import { bootstrap, type BootDeps, type BootResult } from './bootstrap';
import { ErrorBoundary } from './ErrorBoundary';

let root: HTMLDivElement;
beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  sessionStore.getState().operatorSignedOut();
  root = document.createElement('div');
  root.id = 'root';
  root.setAttribute('data-app-state', 'loading');
  document.body.appendChild(root);
});
afterEach(() => {
  cleanup();
  root.remove();
  localStorage.clear();
});

function deps(patch: Partial<BootDeps> = {}): BootDeps & { started: number } {
  const d: BootDeps & { started: number } = {
    started: 0,
    resolveApi: () => ({ ok: true, api: createFakeApi().api, mode: 'web', transport: null }),
    openDb: () => new TaktDb(uniqueDbName('boot')),
    createEngine: () => ({
      start: () => {
        d.started += 1;
      },
      nudge: () => {},
      syncNow: async () => {},
    }),
    i18n: createI18n('es'),
    hasIndexedDb: () => true,
    infoRetryDelaysMs: [1, 1],
    sleep: async () => {},
    ...patch,
  };
  return d;
}

describe('bootstrap', () => {
  it('starts the sync engine once and follows the system locale', async () => {
    const d = deps({
      resolveApi: () => ({
        ok: true,
        api: createFakeApi({ ...testInfo, systemLocale: 'en-US' }).api,
        mode: 'web',
        transport: null,
      }),
    });
    const r = await bootstrap(d);
    expect(r.ok).toBe(true);
    expect(d.started).toBe(1);
    expect(d.i18n.language).toBe('en');
    if (r.ok) expect(r.services.info.workstationId).toBe(testInfo.workstationId);
  });

  it('is fatal without the web secret, without IndexedDB, or when the database cannot open', async () => {
    expect(await bootstrap(deps({ resolveApi: () => ({ ok: false, reason: 'missing-secret' }) }))).toMatchObject({
      ok: false,
      reason: 'missing-secret',
    });
    expect(await bootstrap(deps({ hasIndexedDb: () => false }))).toMatchObject({ ok: false, reason: 'indexeddb' });
    const broken = new TaktDb(uniqueDbName('broken'));
    vi.spyOn(broken, 'open').mockRejectedValue(new Error('QuotaExceededError'));
    expect(await bootstrap(deps({ openDb: () => broken }))).toMatchObject({
      ok: false,
      reason: 'indexeddb',
      message: 'QuotaExceededError',
    });
  });

  it('does not retry a refused access key', async () => {
    const api = createFakeApi().api;
    let calls = 0;
    api.app.info = async () => {
      calls += 1;
      return { ok: false, error: { code: 'unauthorized', message: 'refused' } };
    };
    expect(
      await bootstrap(deps({ resolveApi: () => ({ ok: true, api, mode: 'web', transport: null }) })),
    ).toMatchObject({
      ok: false,
      reason: 'bad-secret',
    });
    expect(calls).toBe(1);
  });

  it('retries app info and gives up as unreachable', async () => {
    const api = createFakeApi().api;
    let calls = 0;
    api.app.info = async () => {
      calls += 1;
      return { ok: false, error: { code: 'offline', message: 'no socket' } };
    };
    const d = deps({ resolveApi: () => ({ ok: true, api, mode: 'web', transport: null }) });
    expect(await bootstrap(d)).toMatchObject({ ok: false, reason: 'unreachable' });
    expect(calls).toBe(3);
    expect(d.started).toBe(0);
  });
});

describe('App', () => {
  it('shows a fatal screen in Spanish and marks the root "fatal" when the secret is missing', async () => {
    const boot: Promise<BootResult> = Promise.resolve({ ok: false, reason: 'missing-secret', message: 'x' });
    await act(async () => {
      render(<App boot={boot} i18n={createI18n('es')} />, { container: root });
    });
    expect(await screen.findByRole('heading', { name: 'El terminal no puede arrancar' })).toBeTruthy();
    expect(screen.getByText(/Falta la clave de acceso/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Recargar' })).toBeTruthy();
    expect(root.getAttribute('data-app-state')).toBe('fatal');
  });

  it('goes from "loading" to "ready" and shows the login screen in the system language', async () => {
    let resolve: (r: BootResult) => void = () => {};
    const boot = new Promise<BootResult>((r) => (resolve = r));
    const i18n = createI18n('en');
    await act(async () => {
      render(<App boot={boot} i18n={i18n} />, { container: root });
    });
    expect(screen.getByText('Starting the terminal…')).toBeTruthy();
    expect(root.getAttribute('data-app-state')).toBe('loading');
    const r = await bootstrap(deps({ i18n }));
    await act(async () => resolve(r));
    // The terminal reports an es-ES system locale and nobody chose a language yet.
    expect(await screen.findByRole('heading', { name: 'Escanea tu tarjeta' })).toBeTruthy();
    expect(root.getAttribute('data-app-state')).toBe('ready');
    if (r.ok) await r.services.db.delete();
  });
});

describe('ErrorBoundary', () => {
  it('replaces a crashed screen with a recovery screen and marks the root "fatal"', async () => {
    const Broken = () => {
      throw new Error('boom');
    };
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { MantineProvider } = await import('@mantine/core');
    const { I18nextProvider } = await import('react-i18next');
    render(
      <I18nextProvider i18n={createI18n('en')}>
        <MantineProvider env="test">
          <ErrorBoundary>
            <Broken />
          </ErrorBoundary>
        </MantineProvider>
      </I18nextProvider>,
      { container: root },
    );
    expect(screen.getByRole('heading', { name: 'Something went wrong on this screen' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Reload' })).toBeTruthy();
    expect(root.getAttribute('data-app-state')).toBe('fatal');
    vi.restoreAllMocks();
  });
});
