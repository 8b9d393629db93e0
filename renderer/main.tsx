/**
 * Renderer entry. The transport is chosen (and the browser host's token moved out of
 * the address bar) before the first render, so no component ever sees the token URL.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { appClient, connectBridge } from './api/client';
import { App } from './app/App';
import { ClientContext } from './app/client-context';
import { i18n } from './i18n/setup';
import './styles.css';

connectBridge();

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <ClientContext.Provider value={appClient}>
        <App />
      </ClientContext.Provider>
    </I18nextProvider>
  </StrictMode>,
);
