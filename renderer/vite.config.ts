// Builds the tray UI into dist/renderer/ with relative URLs: it is served from app:// (Electron) and http://127.0.0.1 (serve).
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { cspMeta } from './csp-meta.js';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Vite config for `vite build --config renderer/vite.config.ts` (root is this folder whatever the cwd). */
export default defineConfig({
  root,
  base: './',
  plugins: [react(), cspMeta()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
    // The popover is small: one JS and one CSS file keep app:// and the web server simple.
    modulePreload: { polyfill: false },
  },
});
