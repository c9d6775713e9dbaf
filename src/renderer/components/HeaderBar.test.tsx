import '../test-utils/dom';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Screens } from '../app/Screens';
import { sessionStore } from '../store/session-store';
import { seedPlant } from '../test-utils/fixtures';
import { createTestServices, renderWithApp, type TestServices } from '../test-utils/render';
import { HeaderBar } from './HeaderBar';

let services: TestServices;
beforeEach(async () => {
  localStorage.clear();
  sessionStorage.clear();
  services = createTestServices();
  await seedPlant(services.db);
});
afterEach(async () => {
  cleanup();
  sessionStore.getState().operatorSignedOut();
  localStorage.clear();
  await services.db.delete();
});

const app = (
  <>
    <HeaderBar />
    <Screens />
  </>
);

describe('Header bar', () => {
  it('switches the whole interface between Spanish and English and remembers the choice', async () => {
    renderWithApp(app, { services, language: 'es' });
    expect(screen.getByRole('heading', { name: 'Escanea tu tarjeta' })).toBeTruthy();
    const language = screen.getByRole('group', { name: 'Idioma' });
    expect(within(language).getByRole('button', { name: 'ES' }).getAttribute('aria-pressed')).toBe('true');

    fireEvent.click(within(language).getByRole('button', { name: 'EN' }));
    expect(await screen.findByRole('heading', { name: 'Scan your badge' })).toBeTruthy();
    expect(screen.getByLabelText('Badge')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Language' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'EN' }).getAttribute('aria-pressed')).toBe('true');
    expect(localStorage.getItem('takt.language')).toBe('en');
    expect(document.documentElement.lang).toBe('en');

    fireEvent.click(screen.getByRole('button', { name: 'ES' }));
    expect(await screen.findByRole('heading', { name: 'Escanea tu tarjeta' })).toBeTruthy();
    expect(localStorage.getItem('takt.language')).toBe('es');
  });

  it("shows the workstation's name, the operator and signs out recording shift.logout", async () => {
    sessionStore
      .getState()
      .operatorSignedIn({ id: 'OP-0007', name: 'Ana López', roles: ['operator'], signedInAt: '2026-11-26T07:00:00Z' });
    renderWithApp(app, { services });
    await waitFor(() => expect(screen.getByTestId('workstation-name').textContent).toBe('Torno 1'));
    expect(screen.getByTestId('operator-name').textContent).toBe('Ana López');
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { name: 'Scan your badge' })).toBeTruthy();
    const events = await services.db.events.toArray();
    expect(events.map((e) => [e.type, e.operatorId])).toEqual([['shift.logout', 'OP-0007']]);
    expect(sessionStore.getState().operator).toBeNull();
  });

  it('has a "Sync now" button that asks the engine to sync', () => {
    renderWithApp(app, { services });
    fireEvent.click(screen.getByRole('button', { name: 'Sync now' }));
    expect(services.syncNowCalls).toBe(1);
  });
});
