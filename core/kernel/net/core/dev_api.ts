// The device settings behind the shell's `ip link set dev DEV mtu N | txqueuelen N`
// (net/core/dev.c dev_set_mtu, dev_change_tx_queue_len). Routes cached on sockets keep
// working; later packets see the new MTU in ip_finish_output. Each returns null or the
// error text ip prints.

import type { Host } from '../../host/host';
import { kset } from '../../host/kstruct';

/** MTU_RANGE holds each device's min_mtu and max_mtu (ETH_MIN_MTU 68 … ETH_MAX_MTU 65535; lo up to 1 << 30 is not needed here). */
const MTU_RANGE: Readonly<Record<string, readonly [number, number]>> = {
  lo: [68, 65536], // loopback_setup: max_mtu = LOOPBACK_MTU in 6.x
  eth0: [68, 65535], // ether_setup min_mtu, ETH_MAX_MTU for SockLab's NIC
};

/** dev_set_mtu is `ip link set dev DEV mtu N`. */
export function dev_set_mtu(h: Host, dev: string, mtu: number): string | null {
  const d = h.net.devices.get(dev);
  if (d === undefined) return `Cannot find device "${dev}"`;
  const [lo, hi] = MTU_RANGE[dev] ?? [68, 65535];
  if (!Number.isInteger(mtu) || mtu < lo || mtu > hi)
    return `Error: mtu ${mtu} is outside ${lo}..${hi} for ${dev}.`;
  h.kcall('dev_set_mtu', `dev=${dev}, new_mtu=${mtu}`, () => kset(h, d, 'mtu', mtu), 'net/core/dev.c');
  return null;
}

/** dev_change_tx_queue_len is `ip link set dev DEV txqueuelen N`. */
export function dev_change_tx_queue_len(h: Host, dev: string, len: number): string | null {
  const d = h.net.devices.get(dev);
  if (d === undefined) return `Cannot find device "${dev}"`;
  if (!Number.isInteger(len) || len < 0 || len > 0xffffffff) return `Error: txqueuelen ${len} is invalid.`;
  h.kcall(
    'dev_change_tx_queue_len',
    `dev=${dev}, new_len=${len}`,
    () => kset(h, d, 'tx_queue_len', len),
    'net/core/dev.c',
  );
  return null;
}
