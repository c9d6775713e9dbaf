/** Renderer entry: styles, language, startup, render. */
import '@mantine/core/styles.css';
import '@mantine/charts/styles.css';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { setAppState } from './app/app-state';
import { bootstrap, productionBootDeps } from './app/bootstrap';
import { createI18n, pickLanguage, storedLanguage } from './i18n';

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element');
setAppState('loading');

const i18n = createI18n(pickLanguage({ stored: storedLanguage(), browserLocale: navigator.language }));
const boot = bootstrap(productionBootDeps(i18n));

createRoot(rootElement).render(<App boot={boot} i18n={i18n} />);
