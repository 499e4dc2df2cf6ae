import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // dist/.vite/manifest.json: scripts/bundle-budget.ts reads which chunks the first screen loads.
    manifest: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // Everything the sign-in screen runs in one file: the browser asks for it with one request instead of six
        // (a phone's round trips, and HTTP/1.1's six connections shared with the two API preloads of index.html).
        codeSplitting: { groups: [{ name: 'first-load', tags: ['$initial'] }] },
        // A section's chunk named after it (stock-screens-….js), so the size table says what grew.
        chunkFileNames: (chunk) => {
          const section = chunk.facadeModuleId?.match(/\/([\w-]+)\/screens\.ts$/)?.[1];
          return section ? `assets/${section}-screens-[hash].js` : 'assets/[name]-[hash].js';
        },
      },
    },
  },
});
