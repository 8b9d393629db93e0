#!/usr/bin/env node
// `pcmt` from source, through tsx: what the tests, `npm start` and developers run, so an
// edit is live without a build. The installed command is the bundle, dist-cli/pcmt.mjs
// (`npm run build:cli`), which needs no tsx.
import { register } from 'tsx/esm/api';

register();
await import('./bin.ts');
