// Worker-thread launcher for backend-jobs.ts (worker threads do not inherit tsx's loader).
const { register } = await import('tsx/esm/api');
register();
await import('./backend-jobs.ts');
