// Where SockLab keeps the student's files: `--workspace DIR`, else $SOCKLAB_WORKSPACE,
// else ~/SockLab (DESIGN.md).
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { version } from '../../package.json';

/** appVersion is SockLab's version from package.json. */
export const appVersion: string = version;

/** defaultWorkspaceDir picks the workspace folder from an explicit choice, the environment or the home folder. */
export function defaultWorkspaceDir(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (explicit) return resolve(explicit);
  if (env.SOCKLAB_WORKSPACE) return resolve(env.SOCKLAB_WORKSPACE);
  return join(homedir(), 'SockLab');
}
