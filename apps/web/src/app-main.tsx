// The app itself, imported by the entry (main.tsx) once the first API calls have left.
import './lib/zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, routerReady } from './app/app';
import './app/styles/tokens.css';
import './app/styles/base.css';
import { mirrorStoredPreferences } from './lib/preferences';
import { applyStoredTheme } from './lib/theme';

// Before the first render, so a stored theme choice never flashes the other one.
applyStoredTheme();
// Choices stored before they were mirrored in cookies reach the pages the BFF renders from now on.
mirrorStoredPreferences();

const root = document.getElementById('root');
if (root) {
  const render = () =>
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  // A landing page the server rendered stays on screen until the same screen is ready to take its
  // place (its answers came with the page, so that is a moment), rather than a boot screen between.
  if (root.hasChildNodes()) void routerReady().then(render);
  else render();
}
