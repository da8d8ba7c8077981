import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppShell } from '../shell/AppShell/AppShell';
import { DashboardPage } from './DashboardPage/DashboardPage';

const root = document.getElementById('root');
if (!root) throw new Error('dashboard.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <AppShell>
      <DashboardPage />
    </AppShell>
  </StrictMode>,
);
