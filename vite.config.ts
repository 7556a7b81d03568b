/// <reference types="vitest/config" />
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import dts from 'vite-plugin-dts'
import { playwright } from '@vitest/browser-playwright'
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin'
import pkg from './package.json' with { type: 'json' }

// Everything in dependencies/peerDependencies stays an import (subpaths such as react/jsx-runtime too),
// so consumers' bundlers dedupe React, TanStack Query, zustand and react-virtuoso.
const deps = [...Object.keys(pkg.peerDependencies ?? {}), ...Object.keys((pkg as { dependencies?: object }).dependencies ?? {})]
const external = (id: string) => deps.some((d) => id === d || id.startsWith(`${d}/`))

// Storybook loads this file too and sets STORYBOOK=true; only the library build needs .d.ts files.
const isStorybook = process.env.STORYBOOK === 'true'

// Debian's Chromium: Playwright's own browser download cannot work on this network.
const chromium = playwright({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  },
})
// A factory, not a shared object: Vitest writes a name into each `instances` entry.
const browser = () => ({ enabled: true, headless: true, provider: chromium, instances: [{ browser: 'chromium' as const }] })

export default defineConfig({
  // Bundled declarations: one self-contained .d.ts per entry, which resolves under every moduleResolution.
  plugins: [react(), !isStorybook && dts({ tsconfigPath: './tsconfig.build.json', bundleTypes: true })],
  build: {
    // Three entries (the kit, the simulator, the Chinese locale); their CSS (tokens and components) is extracted into one dist/styles.css (`roamkit/styles.css`).
    lib: { entry: { index: 'src/index.ts', testing: 'src/testing.ts', 'zh-CN': 'src/zh-CN.ts' }, formats: ['es'], cssFileName: 'styles' },
    rolldownOptions: { external },
    sourcemap: true,
  },
  test: {
    projects: [
      { extends: true, test: { name: 'unit', environment: 'jsdom', globals: true,
          include: ['test/**/*.test.{ts,tsx}'], exclude: ['test/**/*.browser.test.{ts,tsx}'],
          setupFiles: ['test/setup.ts'] } },
      // One file at a time: scroll and layout tests measure frames, which a second file's iframe would share.
      { extends: true, test: { name: 'browser', globals: true, fileParallelism: false, include: ['test/**/*.browser.test.{ts,tsx}'], browser: browser() } },
      { extends: true, plugins: [storybookTest({ configDir: '.storybook' })],
        test: { name: 'storybook', browser: browser() } },
    ],
  },
})
