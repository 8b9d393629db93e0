/**
 * What the `pcmt` command runs: bundled to dist-cli/pcmt.mjs (no tsx at run time), or
 * from source through pcmt.mjs. One place for the process-level rules.
 */
// '.js': the lint's folder ban reads './main' as electron/main/; this is electron/cli/main.ts.
import { main } from './main.js';

// `pcmt dump | head -1`: a reader that has read enough closes the pipe, and the next
// write fails with EPIPE. That is the reader's choice, not our failure: stop quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});
process.exitCode = await main(process.argv.slice(2));
