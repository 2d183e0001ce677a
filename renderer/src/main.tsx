// Renderer entry: install the transport, then mount the popover.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { pickApi } from './api/bootstrap.js';
import { setApi } from './api/current-api.js';
import { App } from './components/app.js';
import './styles/base.css';
import './styles/rows.css';
import './styles/controls.css';

setApi(pickApi());
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
