// Vite build of the web app: React, module workers, workspace packages consumed as TypeScript sources.
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * Starts the model worker from an inline script in index.html, before any of the app's code has loaded:
 * the worker's code is the largest thing on the way to the first drawn graph. The app adopts it
 * (window.__nnlensWorker, see src/model/worker-client.ts).
 */
function earlyWorker(): Plugin {
  return {
    name: 'nnlens-early-worker',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const worker = Object.keys(ctx.bundle ?? {}).find((f) => /(^|\/)worker-[\w-]+\.js$/.test(f));
        if (!worker) return html;
        const script = `<script>window.__nnlensWorker = new Worker('/${worker}', { type: 'module' });</script>`;
        return html.replace('</title>', `</title>\n    ${script}`);
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), earlyWorker()],
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
