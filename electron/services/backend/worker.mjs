// The backend in a worker thread from source (tests, and `npm start` if it ever wants it).
// Worker threads do not inherit tsx's loader from vitest or the CLI: register it here.
const { register } = await import('tsx/esm/api');
register();
await import('./main.ts');
