import path from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { HtmlTagDescriptor, Plugin } from 'vite';

const root = import.meta.dirname;

/**
 * The page's first script (`main.tsx`) is small and loads the frame (`shell/mount.tsx`) with a dynamic
 * import; this adds `<link rel="modulepreload">` for the frame's chunks to the built page, so they
 * download beside the first script instead of after it has run.
 */
function preloadFrame(): Plugin {
  let base = './';
  return {
    name: 'shelfsync-preload-frame',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        const entry = ctx.chunk;
        if (!bundle || !entry) return [];
        const files = new Set<string>();
        const add = (file: string) => {
          const chunk = bundle[file];
          // The first script and what the page already names need no second link.
          if (files.has(file) || file === entry.fileName || html.includes(file) || chunk?.type !== 'chunk') return;
          files.add(file);
          chunk.imports.forEach(add);
        };
        for (const file of entry.dynamicImports) {
          const chunk = bundle[file];
          if (chunk?.type === 'chunk' && chunk.facadeModuleId?.endsWith('/shell/mount.tsx')) add(file);
        }
        return [...files].map((file): HtmlTagDescriptor => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: base + file }, injectTo: 'head' }));
      },
    },
  };
}

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
    plugins: [react(), preloadFrame()],
    build: {
      outDir: path.join(root, 'out/renderer'),
      // The screens load from disk or 127.0.0.1; a minified bundle paints the first screen sooner.
      minify: true,
      // One small stylesheet for every screen, linked from the page: a screen loaded later waits for none.
      cssCodeSplit: false,
      rollupOptions: { input: path.join(root, 'src-renderer/index.html') },
    },
  },
});
