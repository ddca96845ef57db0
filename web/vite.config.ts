import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Vendor chunks: React and the router change rarely and every page needs them (one cacheable file);
 * echarts is large and only the dashboard routes import it (its own chunk, loaded with them). antd
 * has no group on purpose: a single antd chunk put all 1.2 MB of it (372 kB gzip) into the initial
 * load; left to the bundler, the components the layout and login page use go into shared chunks and
 * the rest (Table, DatePicker, Upload, …) into the lazy routes that use them (docs/benchmarks.md).
 */
const REACT =
  /[\\/]node_modules[\\/](react|react-dom|react-router|react-router-dom|scheduler|cookie|set-cookie-parser)[\\/]/;
const ECHARTS =
  /[\\/]node_modules[\\/](echarts|zrender|echarts-for-react|size-sensor|fast-deep-equal|tslib)[\\/]/;

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        // Vite 8 bundles with Rolldown: `codeSplitting.groups` replaces Rollup's `manualChunks`.
        codeSplitting: {
          groups: [
            { name: 'react', test: REACT, priority: 30 },
            { name: 'echarts', test: ECHARTS, priority: 10 },
          ],
        },
      },
    },
  },
});
