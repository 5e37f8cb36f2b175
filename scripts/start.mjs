// `npm start` and `npm run web`: build when the sources are newer than the build, then run
// the desktop app — or, where Electron's binary cannot be had (offline installs such as this
// one), say so and serve the same app in the browser (web mode).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const stamp = join(root, 'out', '.build-stamp');
const args = process.argv.slice(2);
const webOnly = args[0] === '--web';
const passThrough = webOnly ? args.slice(1) : args;

function newestSource() {
  let newest = statSync(join(root, 'package.json')).mtimeMs;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const dir of ['main', 'renderer', 'core', 'labs'])
    if (existsSync(join(root, dir))) walk(join(root, dir));
  return newest;
}

function buildIfNeeded() {
  if (existsSync(stamp) && statSync(stamp).mtimeMs >= newestSource()) return;
  console.log('Building SockLab…');
  const result = spawnSync(join(root, 'node_modules', '.bin', 'electron-vite'), ['build'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    console.error('The build failed; see the messages above.');
    process.exit(result.status ?? 1);
  }
  writeFileSync(stamp, new Date().toISOString() + '\n');
}

const electronDir = join(root, 'node_modules', 'electron');
const unavailableMarker = join(root, 'out', '.electron-unavailable');
const DAY_MS = 24 * 60 * 60 * 1000;

/** installedElectron is the path of Electron's executable when its binary is present. */
function installedElectron() {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

/**
 * electronBinary finds Electron's executable, fetching it once if it was never downloaded
 * (Electron downloads its binary on first use). A failed fetch is remembered for a day so
 * that offline machines start web mode at once.
 */
function electronBinary() {
  const found = installedElectron();
  if (found || !existsSync(join(electronDir, 'install.js'))) return found;
  if (existsSync(unavailableMarker) && Date.now() - statSync(unavailableMarker).mtimeMs < DAY_MS)
    return undefined;
  console.log("Fetching Electron's binary (first start only)…");
  spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    cwd: electronDir,
    stdio: 'ignore',
    timeout: 120_000,
  });
  const fetched = installedElectron();
  if (!fetched) writeFileSync(unavailableMarker, new Date().toISOString() + '\n');
  return fetched;
}

function run(command, commandArgs) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 : 1)));
}

buildIfNeeded();
const electron = webOnly ? undefined : electronBinary();
if (electron) {
  run(electron, [root, ...passThrough]);
} else {
  if (!webOnly) {
    console.log(
      [
        "SockLab's desktop window needs Electron's binary, which npm downloads from outside the",
        'package registry on first use. It is not installed here (an offline or restricted',
        'install), so SockLab starts in web mode instead: the same app, served on 127.0.0.1 and',
        'opened in your browser. To get the desktop window, reinstall on a machine that can',
        'download Electron (`rm -rf node_modules/electron && npm install`).',
        '',
      ].join('\n'),
    );
  }
  run(process.execPath, [join(root, 'out', 'main', 'web.js'), ...passThrough]);
}
