// Entry of the backend process (Electron's utilityProcess runs the bundled
// dist-electron/backend.js; tests start worker.mjs in a worker thread).
import { connectBackend } from './connect';

connectBackend();
