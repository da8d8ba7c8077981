import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppShell } from '../shell/AppShell/AppShell';
import { ReportsPage } from './ReportsPage/ReportsPage';

const root = document.getElementById('root');
if (!root) throw new Error('reports.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <AppShell>
      <ReportsPage />
    </AppShell>
  </StrictMode>,
);
