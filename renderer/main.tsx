// Entry: start the connection loop (whichever host we are in), then render.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { connectStation } from './platform';
import { startSession } from './stores/session';
import './stores/language';
import './styles/base.css';
import './styles/layout.css';
import './styles/panels.css';
import './styles/dialog.css';

startSession(connectStation);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
