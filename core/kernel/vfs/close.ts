// Lives in vfs/ rather than fs/ because the lint's Node-module ban matches any path segment named fs.
// The file side of closing a socket fd (fs/file_table.c __fput → socket_file_ops.release =
// sock_close in net/socket.c): drop the file's reference and release the socket.

import type { Host } from '../host/host';
import { kfree, kset } from '../host/kstruct';
import { sock_release } from '../net/socket';
import type { KFile } from '../sched/task';

/** sock_close releases the socket behind a file whose last reference went away (net/socket.c). */
export function sock_close(h: Host, file: KFile): number {
  const sock = file.socket;
  if (sock === null) return 0;
  kset(h, file, 'f_count', file.f.f_count - 1);
  if (file.f.f_count > 0) return 0;
  return h.kcall('sock_close', `file=${file.addr} via socket_file_ops.release`, () => {
    sock.file = null;
    kset(h, sock, 'file', null);
    sock_release(h, sock);
    kfree(h, file);
    return 0;
  });
}
