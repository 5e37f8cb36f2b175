// The `socklab` command (built to out/main/socklab.js, started by bin/socklab.mjs): runs the
// command line through the subcommand table and exits with its status.

import { socklab } from './dispatch';
import { processIo } from './io';

const io = processIo();
socklab(process.argv.slice(2), io).then(
  (status) => process.exit(status),
  (err: unknown) => {
    io.stderr(
      `socklab: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exit(70);
  },
);
