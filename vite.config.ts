import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The web UI: index.html at the repository root, built into dist/web, which
 * the server serves with a single-page-app fallback. In development the Vite
 * server proxies /api to the API server started by scripts/dev.mjs; the
 * Host header is kept (no changeOrigin) because the login route compares
 * Origin and Host to refuse cross-site logins.
 */
const apiPort = Number(process.env.PORT ?? 3000);

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  publicDir: false,
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: `http://127.0.0.1:${apiPort}`, changeOrigin: false },
    },
  },
  preview: { port: 4173 },
});
