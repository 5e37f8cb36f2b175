// Where the SockLab project lives on disk, found from this file's own location, so the same code
// works from main/cli/ (tests) and from out/main/ (the built CLI) whatever the bundler's chunks.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** projectRoot returns the nearest folder above this module whose package.json is SockLab's. */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'socklab')
      return dir;
    const up = dirname(dir);
    if (up === dir)
      throw new Error(`projectRoot: no socklab package.json above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
}

/** projectVersion returns the version in SockLab's package.json. */
export function projectVersion(): string {
  return (JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')) as { version: string })
    .version;
}
