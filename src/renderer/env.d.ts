/** What the Electron preload exposes to the page (absent in browser mode). */
import type { TerminalApi } from '../shared/api';

declare global {
  interface Window {
    takt?: TerminalApi;
  }
}

export {};
