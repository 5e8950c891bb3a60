// Renderer entry: mounts the React app.
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { forwardDesktopCommands } from './app/desktopCommands'
// A bundled reading face, so the text looks the same on every machine and needs no network.
import '@fontsource/source-serif-4/400.css'
import '@fontsource/source-serif-4/400-italic.css'
import '@fontsource/source-serif-4/600.css'
import './styles.css'

forwardDesktopCommands()

const root = document.getElementById('root')
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>
  )
}
