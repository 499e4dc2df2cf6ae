import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const serverSrc = new URL('../server/src/', import.meta.url).pathname;

export default defineConfig({
  plugins: [react()],
  resolve: {
    // The web app imports the server's zod schemas, kernel formatters and access table from source.
    alias: [{ find: /^@servix\/server\/(.*)$/, replacement: `${serverSrc}$1` }],
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
});
