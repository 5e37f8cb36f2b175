// Entry of web mode (`npm run web`): starts the SessionHost behind a 127.0.0.1 WebSocket,
// prints the page's URL (with its token) and opens a browser unless told not to.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { SessionHost } from '../host/sessionHost';
import { appVersion, defaultWorkspaceDir } from '../host/settings';
import { DiskWorkspace } from '../store/diskWorkspace';
import { parseWebArgs, WEB_USAGE } from './args';
import { startWebServer } from './server';

async function main(): Promise<void> {
  const parsed = parseWebArgs(process.argv.slice(2));
  if (!parsed.ok) {
    console.error(`socklab web: ${parsed.message}\n${WEB_USAGE}`);
    process.exit(2);
  }
  const { args } = parsed;
  const workspaceDir = defaultWorkspaceDir(args.workspace);
  const host = new SessionHost({
    mode: 'web',
    version: appVersion,
    workspaceDir,
    workspace: new DiskWorkspace(workspaceDir),
  });
  const rendererDir = fileURLToPath(new URL('../renderer', import.meta.url));
  let server;
  try {
    server = await startWebServer({ host, rendererDir, port: args.port });
  } catch (error) {
    console.error(`socklab web: cannot listen on 127.0.0.1:${args.port}: ${(error as Error).message}`);
    process.exit(1);
  }
  console.log(`SockLab ${appVersion} (web mode), workspace ${workspaceDir}`);
  console.log(`Open ${server.url}`);
  if (args.open) openBrowser(server.url);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** openBrowser asks the desktop to open the URL; without a desktop it does nothing. */
function openBrowser(url: string): void {
  const command =
    process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const child = spawn(command, [url], { detached: true, stdio: 'ignore' });
  child.on('error', () => console.log('(no browser could be opened here: open the URL above yourself)'));
  child.unref();
}

void main();
