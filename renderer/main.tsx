import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { SessionGate } from './features/session/SessionGate';
import { initI18n } from './i18n';
import { queryClient } from './queryClient';
import './styles/index.css';

async function start(): Promise<void> {
  await initI18n();
  const root = document.getElementById('root');
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <SessionGate />
      </QueryClientProvider>
    </StrictMode>,
  );
}

void start();
