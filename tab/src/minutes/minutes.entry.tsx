import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppShell } from '../shell/AppShell/AppShell';
import { MinutesPage } from './MinutesPage/MinutesPage';

const root = document.getElementById('root');
if (!root) throw new Error('minutes.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <AppShell>
      <MinutesPage />
    </AppShell>
  </StrictMode>,
);
