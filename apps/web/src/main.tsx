// First, before zod and React are evaluated: the first API calls leave while the rest of the entry runs.
import './lib/early-start';
import './lib/zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import './app/styles/tokens.css';
import './app/styles/base.css';
import { applyStoredTheme } from './lib/theme';

// Before the first render, so a stored theme choice never flashes the other one.
applyStoredTheme();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
