import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';

const here = import.meta.dirname;

export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(here, '../dist/renderer'),
    emptyOutDir: true,
    // The CSP allows no inline scripts and no data: fonts, so keep every asset a separate file.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
    // Loaded from the local disk by a desktop app, so one bundle of this size costs nothing noticeable.
    chunkSizeWarningLimit: 2048,
    target: 'chrome130',
  },
  server: { port: 5173, strictPort: true },
});
