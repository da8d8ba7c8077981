import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { OutlookPage } from './OutlookPage/OutlookPage';

const root = document.getElementById('root');
if (!root) throw new Error('outlook.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <OutlookPage />
  </StrictMode>,
);
