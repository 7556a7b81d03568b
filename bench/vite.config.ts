import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

const require = createRequire(import.meta.url)
// Experiments only: extra default props for every Virtuoso (see pages/virtuoso-tuned.tsx); QueryClient defaults.
const tunedVirtuoso = process.env.BENCH_VIRTUOSO
const virtuosoAlias = tunedVirtuoso ? [
  { find: /^react-virtuoso$/, replacement: fileURLToPath(new URL('./pages/virtuoso-tuned.tsx', import.meta.url)) },
  { find: /^react-virtuoso-real$/, replacement: require.resolve('react-virtuoso') },
] : []

// Benchmark pages (`npm run bench`), never part of the library build or `npm test`.
// `mode` picks React's build: `production` for every timing, `development` for the StrictMode request counts.
export default defineConfig(({ mode }) => ({
  root: fileURLToPath(new URL('./pages', import.meta.url)),
  base: './',
  mode,
  logLevel: 'warn',
  plugins: [react()],
  resolve: { alias: virtuosoAlias },
  define: {
    'process.env.NODE_ENV': JSON.stringify(mode === 'development' ? 'development' : 'production'),
    __BENCH_VIRTUOSO__: JSON.stringify(tunedVirtuoso ?? '{}'),
    __BENCH_BASELINE_IMAGES__: JSON.stringify(process.env.BENCH_BASELINE_IMAGES === '1'),
    __BENCH_QUERY_DEFAULTS__: JSON.stringify(process.env.BENCH_QUERY_DEFAULTS ?? '{}'),
    __BENCH_CSS__: JSON.stringify(process.env.BENCH_CSS ?? ''),
  },
  build: {
    outDir: fileURLToPath(new URL(`./dist/${mode === 'development' ? 'dev' : 'prod'}`, import.meta.url)),
    emptyOutDir: true,
    // Readable names in CPU profiles (`BENCH_PROFILE=1`); the kit's own size is measured separately with esbuild.
    minify: process.env.BENCH_PROFILE ? false : 'oxc',
    sourcemap: false,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 10_000,
  },
}))
