/** Page helpers that act as an operator would: by role, label and visible text. */
import { expect, type Page } from '@playwright/test';

export async function openTerminal(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator('#root')).toHaveAttribute('data-app-state', 'ready');
}

/** Waits until the terminal has pulled the plant's operators (the login screen can sign people in). */
export async function signInByTyping(page: Page, badge: string, labels = { badge: 'Tarjeta', signIn: 'Entrar' }) {
  await page.getByLabel(labels.badge).fill(badge);
  await page.getByRole('button', { name: labels.signIn }).click();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}
