// Entry of the spreadsheet worker thread. Worker threads do not inherit tsx's loader
// from the CLI (pcmt.mjs) or vitest, so under plain Node this registers tsx and then
// loads the TypeScript body. The Electron bundle (electron/vite.main.config.ts) builds
// worker-body.ts as a second entry, dist-electron/worker.js beside main.js, and
// read-workbook.ts starts that file instead (see workerUrl there). Not verified here:
// whether Electron's worker threads load it from inside app.asar (else asarUnpack it).
const { register } = await import('tsx/esm/api');
register();
await import('./worker-body.ts');
