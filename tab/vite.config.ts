import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = import.meta.dirname;

/**
 * Six pages, built to tab/dist and served by the app under /tab/: the meeting side-panel minutes,
 * the personal dashboard, a case's plan, the written reports for a review conference, the
 * Outlook add-in's task pane and the plan on the meeting stage. Relative asset URLs (`base: './'`) keep the pages working wherever
 * the server mounts them. `npm run dev` style work: `npx vite tab` proxies /api to the local app.
 */
export default defineConfig({
  root,
  base: './',
  // Kept with the root's node_modules, so running Vite never leaves a node_modules folder in tab/.
  cacheDir: resolve(root, '../node_modules/.vite/tab'),
  plugins: [react()],
  build: {
    outDir: resolve(root, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: {
      input: {
        minutes: resolve(root, 'minutes.html'),
        dashboard: resolve(root, 'dashboard.html'),
        plan: resolve(root, 'plan.html'),
        reports: resolve(root, 'reports.html'),
        outlook: resolve(root, 'outlook.html'),
        stage: resolve(root, 'stage.html'),
      },
      output: {
        // Named chunks for what both pages load and rarely changes; Fluent UI is left to the
        // automatic splitting, so components used only by lazy parts stay out of the first load.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'teams-js', test: /node_modules[\\/]@microsoft[\\/]teams-js[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': process.env.CORE_GROUP_API_URL ?? 'http://127.0.0.1:3978' },
  },
});
