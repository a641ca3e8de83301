import path from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: path.join(root, 'src-main/app/main.ts') } },
      externalizeDeps: true,
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: { input: { index: path.join(root, 'src-main/app/preload.ts') }, output: { format: 'cjs' } },
    },
  },
  renderer: {
    root: path.join(root, 'src-renderer'),
    plugins: [react()],
    build: {
      outDir: path.join(root, 'out/renderer'),
      // The screens load from disk or 127.0.0.1; a minified bundle paints the first screen sooner.
      minify: true,
      rollupOptions: { input: path.join(root, 'src-renderer/index.html') },
    },
  },
});
