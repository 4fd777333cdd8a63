// Vite build of the web app: React, module workers, workspace packages consumed as TypeScript sources.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    // `npm run dev -w @nnlens/web` against a running `nnlens serve` on the default port.
    proxy: { '/api': 'http://127.0.0.1:6006' },
  },
});
