// Build configuration for the three Electron bundles plus the browser-mode server entry.
import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import { pdfjsAssets } from './scripts/pdfjsAssets'

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          // index: the Electron main process; web: the same services behind the loopback HTTP bridge.
          index: resolve(__dirname, 'src/main/electron/index.ts'),
          web: resolve(__dirname, 'src/main/web.ts')
        }
      }
    }
  },
  preload: {
    build: {
      // A sandboxed preload cannot require anything but 'electron': bundle everything it uses.
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') } }
    }
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    build: { rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } } },
    // PDF.js's worker, CMaps, standard fonts and image decoders, served by the app ("Show page").
    plugins: [react(), pdfjsAssets()]
  }
})
