import { describe, expect, it } from 'vitest';
import { socket } from '../../syscalls';
import { harness } from '../../testing/harness';
import type { KernelVersion } from '../../profiles';

/** chain runs socket(AF_INET, type, protocol) and returns its call events as indented names. */
function chain(kernel: KernelVersion, type: number, protocol: number): string[] {
  const { w, h, pid } = harness(kernel);
  socket(h, pid, 2, type, protocol);
  return w.trace.ofKind('call').map((c) => `${'  '.repeat(c.depth)}${c.fn}`);
}

// prettier-ignore
const WANT: Readonly<Record<KernelVersion, readonly string[]>> = {
  '2.6.32': [
    'sys_socket', '  sock_create', '    __sock_create', '      security_socket_create', '      sock_alloc',
    '      inet_create', '        build_ehash_secret', '        sk_alloc', '          sk_prot_alloc', '        sock_init_data',
    '        tcp_v4_init_sock', '      security_socket_post_create',
    '  sock_map_fd', '    sock_alloc_fd', '      get_unused_fd_flags', '      get_empty_filp', '    sock_attach_fd', '    fd_install',
  ],
  '3.10': [
    'sys_socket', '  sock_create', '    __sock_create', '      security_socket_create', '      sock_alloc',
    '      inet_create', '        build_ehash_secret', '        sk_alloc', '          sk_prot_alloc', '        sock_init_data',
    '        tcp_v4_init_sock', '          tcp_init_sock', '      security_socket_post_create',
    '  sock_map_fd', '    get_unused_fd_flags', '    sock_alloc_file', '    fd_install',
  ],
  '6.x': [
    '__sys_socket', '  __sys_socket_create', '    update_socket_protocol', '    sock_create', '      __sock_create',
    '        security_socket_create', '        sock_alloc', '        inet_create', '          sk_alloc', '            sk_prot_alloc',
    '          sock_init_data', '          tcp_v4_init_sock', '            tcp_init_sock', '        security_socket_post_create',
    '  sock_map_fd', '    get_unused_fd_flags', '    sock_alloc_file', '      alloc_file_pseudo', '    fd_install',
  ],
};

describe('sys_socket call chain (reference §1.1, §1.5, §1.6)', () => {
  for (const kernel of ['2.6.32', '3.10', '6.x'] as const) {
    it(`traces the ${kernel} chain in order when socket(AF_INET, SOCK_STREAM, 0) runs`, () => {
      const got = chain(kernel, 1, 0);
      expect(got.join('\n'), `got\n${got.join('\n')}\nwant\n${WANT[kernel].join('\n')}`).toBe(
        WANT[kernel].join('\n'),
      );
    });
  }

  it('tries both module loads before EPROTONOSUPPORT when no inetsw entry matches', () => {
    const got = chain('3.10', 1, 17).filter((l) => l.includes('request_module'));
    expect(got).toEqual(['        request_module', '        request_module']);
  });

  it('skips build_ehash_secret when the socket is SOCK_DGRAM', () => {
    expect(chain('3.10', 2, 0).some((l) => l.includes('build_ehash_secret'))).toBe(false);
  });

  it('runs udp_init_sock then udp_lib_init_sock only when the kernel is 6.x', () => {
    expect(chain('6.x', 2, 0).filter((l) => l.includes('udp_'))).toEqual([
      '          udp_init_sock',
      '            udp_lib_init_sock',
    ]);
    expect(chain('3.10', 2, 0).filter((l) => l.includes('udp_'))).toEqual([]);
  });
});
