import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppShell } from '../shell/AppShell/AppShell';
import { PlanPage } from './PlanPage/PlanPage';

const root = document.getElementById('root');
if (!root) throw new Error('plan.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <AppShell>
      <PlanPage />
    </AppShell>
  </StrictMode>,
);
