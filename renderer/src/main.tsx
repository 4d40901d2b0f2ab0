// Runs in: renderer. Entry: styles, the catalogues (set up synchronously), the first calls, then
// the app.
import { firstAnswers } from './boot';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createQueryClient } from './data/query-client';
import { prefetchSession } from './features/session/queries';

const client = createQueryClient();
prefetchSession(client, firstAnswers);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App client={client} />
  </StrictMode>,
);
