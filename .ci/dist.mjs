#!/usr/bin/env node
// `npm run dist`: the release build (stack.md §5–§6). Builds the bundles, rebuilds
// better-sqlite3 for Electron's ABI, checks that the rebuild really produced that ABI
// (@electron/rebuild reports success even when it compiled against Node's headers,
// because of ~/.npmrc nodedir), packs NSIS per-user + portable for Windows and AppImage +
// deb for Linux from electron-builder.yml, and always puts the Node build of
// better-sqlite3 back so tests keep running. Where Electron itself cannot be had (no
// unpacked node_modules/electron/dist and no ELECTRON_DIST), it stops with one sentence.
//
// `node .ci/dist.mjs --abi-check FILE ABI` runs only the ABI check (tests use it).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ADDON = path.join(ROOT, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');

function fail(sentence) {
  console.error(sentence);
  process.exit(1);
}

/** The addon registers itself under the ABI it was compiled for; Electron refuses any other. */
function abiProblem(file, abi) {
  if (!fs.existsSync(file)) return `There is no ${path.relative(ROOT, file)} to check; run "npm rebuild better-sqlite3" and try again.`;
  if (fs.readFileSync(file).includes(Buffer.from(`node_register_module_v${abi}\0`))) return null;
  return `${path.relative(ROOT, file)} was not built for ABI ${abi} (Electron's), so the packed app could not open a workspace; rebuild it with Electron's headers (stack.md §5) and run again.`;
}

function run(command, args, env = process.env) {
  return spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env, shell: process.platform === 'win32' }).status === 0;
}

if (process.argv[2] === '--abi-check') {
  const problem = abiProblem(path.resolve(process.argv[3] ?? ''), process.argv[4] ?? '');
  if (problem !== null) fail(problem);
  process.exit(0);
}

const electronPackage = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8'));
const electronDist = process.env.ELECTRON_DIST ?? path.join(ROOT, 'node_modules', 'electron', 'dist');
if (!fs.existsSync(electronDist)) {
  fail(
    `Electron ${electronPackage.version} is not on this machine (no ${path.relative(ROOT, electronDist) || electronDist}, no ELECTRON_DIST), so no installer can be built here; run "npm run dist" on the release machine, where the Electron download or cache is available.`,
  );
}
const abi = fs.readFileSync(path.join(ROOT, 'node_modules', 'electron', 'abi_version'), 'utf8').trim();
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const builder = path.join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'electron-builder.cmd' : 'electron-builder');

/** Inside pack a failure throws, so the finally below still restores Node's better-sqlite3. */
function stop(sentence) {
  throw new Error(sentence);
}

function pack() {
  try {
    if (!run(npm, ['run', 'build'])) stop('The build failed (see above); nothing was packed.');
    if (!run(builder, ['install-app-deps'])) stop('Rebuilding better-sqlite3 for Electron failed (see above); nothing was packed.');
    const problem = abiProblem(ADDON, abi);
    if (problem !== null) stop(problem);
    const targets = process.platform === 'win32' ? ['--win', 'nsis', 'portable'] : ['--win', 'nsis', 'portable', '--linux', 'AppImage', 'deb'];
    return run(builder, [...targets, '--x64', '--config', 'electron-builder.yml', `-c.electronDist=${electronDist}`]);
  } finally {
    // A failed or successful Electron rebuild leaves a binary Node's tests cannot load (pitfall 2).
    run(npm, ['rebuild', 'better-sqlite3']);
  }
}

let packProblem = null;
try {
  if (!pack()) packProblem = 'electron-builder failed (see above); the installers in release/ are incomplete.';
} catch (error) {
  packProblem = error instanceof Error ? error.message : String(error);
}
if (packProblem !== null) fail(packProblem);
console.log('Installers written to release/.');
