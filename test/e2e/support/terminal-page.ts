/** Page helpers that act as an operator would: by role, label and visible text. */
import { expect, type Page } from '@playwright/test';

export async function openTerminal(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator('#root')).toHaveAttribute('data-app-state', 'ready');
}

/**
 * Signs in by typing the badge. By default it first waits for a whole sync round (pulls included:
 * "Last sync" shows), so the plant's operators are on the terminal. A terminal that is offline on
 * purpose, after its first sync, passes `afterSync: false`: its status shows what is pending instead.
 */
export async function signInByTyping(
  page: Page,
  badge: string,
  { afterSync = true, labels = { badge: 'Tarjeta', signIn: 'Entrar' } } = {},
) {
  if (afterSync) await expect(page.getByText(/^(Última sincronización|Last sync)/)).toBeVisible({ timeout: 30_000 });
  await page.getByLabel(labels.badge).fill(badge);
  await page.getByRole('button', { name: labels.signIn }).click();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}
