// The sandboxed preload (bundled to out/preload/index.js; it may require only 'electron'):
// exposes the contract's methods on window.scholia, and the menus' commands on
// window.scholiaDesktop, and nothing else.
import { contextBridge, ipcRenderer } from 'electron'
import { createBridge } from './bridge'
import { createDesktopEvents } from './desktopEvents'

contextBridge.exposeInMainWorld(
  'scholia',
  createBridge((channel, args) => ipcRenderer.invoke(channel, args))
)
contextBridge.exposeInMainWorld(
  'scholiaDesktop',
  createDesktopEvents((channel, listener) => {
    ipcRenderer.on(channel, listener)
    return () => {
      ipcRenderer.removeListener(channel, listener)
    }
  })
)
