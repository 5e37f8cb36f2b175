// A world that has moved a bulk TCP transfer (client → server on the kernel's two-host
// fixture), for measuring the views on a big trace: the e2e performance figures load it
// through a test-only hook in main instead of running a C program for minutes.

import { established, transfer, type World } from '../kernel/index';

/** bulkTransferWorld returns a 3.10 world, traced in full, after bytes moved client → server. */
export function bulkTransferWorld(bytes: number): World {
  const e = established('3.10', { trace: 'full' });
  const got = transfer(
    e,
    new Uint8Array(bytes).map((_, i) => i & 0xff),
  );
  if (got.length !== bytes) throw new Error(`bulkTransferWorld: moved ${got.length} of ${bytes} bytes`);
  return e.w;
}
