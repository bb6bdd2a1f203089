// Builds the renderer once for both hosts: Electron loads it from disk (file://), the server host
// serves it over HTTP. Relative asset URLs (base './') are what make the same files work in both.
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(here, '..', 'dist', 'renderer'),
    emptyOutDir: true,
    // The polyfill would be an inline script, which the CSP (script-src 'self') refuses anyway.
    modulePreload: { polyfill: false },
    // MapLibre alone is ~1 MB minified; the app is loaded from disk or a LAN, so one big chunk is fine.
    chunkSizeWarningLimit: 4000,
    sourcemap: false,
  },
  server: { host: '127.0.0.1' },
});
