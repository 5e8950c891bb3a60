// The sandboxed preload (bundled to out/preload/index.js; it may require only 'electron'):
// exposes the contract's methods on window.scholia and nothing else.
import { contextBridge, ipcRenderer } from 'electron'
import { createBridge } from './bridge'

contextBridge.exposeInMainWorld(
  'scholia',
  createBridge((channel, args) => ipcRenderer.invoke(channel, args))
)
