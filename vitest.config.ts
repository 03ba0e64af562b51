import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { textParts } from './scripts/vite-text-parts';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'tests/**/*.test.ts'],
          // Processed by Vitest so that `vi.mock('electron')` reaches electron-store's own import of it.
          server: { deps: { inline: ['electron-store'] } },
        },
      },
      {
        plugins: [react(), textParts()],
        test: {
          name: 'component',
          environment: 'jsdom',
          include: ['renderer/**/*.test.tsx'],
          setupFiles: ['renderer/src/test/setup.ts'],
        },
      },
    ],
    allowOnly: false,
  },
});
