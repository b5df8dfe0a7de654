import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { preloadsPlugin } from './preloadsPlugin.ts';

// In development the API runs on :4000 and Vite proxies GraphQL to it; in production fastify
// serves web/dist on the same port as the API.
export default defineConfig({
  // preloadsPlugin: dist/preloads.json, the chunks of each map page for the HTML of its address.
  plugins: [react(), preloadsPlugin()],
  server: { port: 5173, proxy: { '/graphql': 'http://127.0.0.1:4000', '/auth': 'http://127.0.0.1:4000' } },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
});
