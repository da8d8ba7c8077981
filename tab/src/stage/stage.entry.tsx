import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppShell } from '../shell/AppShell/AppShell';
import { StagePage } from './StagePage/StagePage';

const root = document.getElementById('root');
if (!root) throw new Error('stage.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <AppShell>
      <StagePage />
    </AppShell>
  </StrictMode>,
);
