import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The API server `pnpm dev` talks to (the server's default port). */
const apiTarget = 'http://127.0.0.1:3000';

/**
 * Libraries in chunks of their own: React for every page (cached across releases), and the heavy ones only
 * some pages need, loaded with the first page that does. React wins (priority): the editor and the charts
 * depend on it, and a group takes its members' dependencies along unless a stronger group has them.
 */
const libraryChunks = [
  { name: 'react', priority: 20, test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
  // the notes editor: TipTap, ProseMirror, Yjs and their sync protocol (loaded when a note is opened)
  {
    name: 'editor',
    priority: 10,
    test: /node_modules[\\/](@tiptap|prosemirror-[^\\/]+|yjs|y-protocols|y-prosemirror|lib0|orderedmap|rope-sequence|w3c-keyname|linkifyjs)[\\/]/,
  },
  // the dashboard's timeline chart: recharts and its d3 and redux parts
  {
    name: 'charts',
    priority: 10,
    test: /node_modules[\\/](recharts|victory-vendor|d3-[^\\/]+|internmap|@reduxjs|redux|redux-thunk|react-redux|reselect|immer|decimal\.js-light|es-toolkit|eventemitter3|tiny-invariant)[\\/]/,
  },
];

export default defineConfig({
  plugins: [react()],
  resolve: {
    // the client never validates with zod (the server does): see src/app/zod-stub.ts
    alias: { zod: fileURLToPath(new URL('./src/app/zod-stub.ts', import.meta.url)) },
  },
  server: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/socket.io': { target: apiTarget, ws: true, changeOrigin: false },
    },
  },
  css: {
    // class names readable in the browser's inspector (`_title_1x2yz`), still unique per file
    modules: { generateScopedName: '_[local]_[hash:base64:5]' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // `scripts/bundle-budget.mjs` reads what each route loads from here (dist/.vite/, a dot folder the server skips)
    manifest: true,
    // No source maps in a production build: the server serves every file in dist/, and the maps would
    // publish the whole client source. `vite build --sourcemap` makes them for a local investigation.
    sourcemap: false,
    // what counts is the JavaScript each route loads first (scripts/bundle-budget.mjs); the big chunks are
    // the editor and the charts, which load only when a note or the dashboard's chart is opened
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: libraryChunks },
      },
    },
  },
});
