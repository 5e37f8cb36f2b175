import { describe, expect, it } from 'vitest';
import { MSG_NOSIGNAL } from '../include/uapi/socket';
import { established } from '../testing/tcp';
import { send, shutdown } from '../syscalls';

/** afterShutWr returns an established pair whose client already shut its sending side, and the signals the client gets. */
function afterShutWr() {
  const e = established('3.10');
  shutdown(e.c, e.cp, e.cfd, 1);
  e.w.sim.runUntilIdle();
  const signals: Array<[number, number]> = [];
  e.c.onSignal = (t, sig) => signals.push([t.pid, sig]);
  return { ...e, signals };
}

describe('sk_stream_error and SIGPIPE', () => {
  it('sends SIGPIPE to the task through send_sig when send() fails with EPIPE', () => {
    const { w, c, cp, cfd, signals } = afterShutWr();
    expect(send(c, cp, cfd, new Uint8Array(1))).toBe(-32);
    expect(signals).toEqual([[cp, 13]]);
    expect(
      w.trace
        .ofKind('call')
        .filter((e) => e.fn === 'send_sig')
        .map((e) => e.args),
    ).toEqual([`SIGPIPE, pid=${cp}`]);
  });

  it('sends no signal when the call passes MSG_NOSIGNAL', () => {
    const { c, cp, cfd, signals } = afterShutWr();
    expect(send(c, cp, cfd, new Uint8Array(1), MSG_NOSIGNAL)).toBe(-32);
    expect(signals).toEqual([]);
  });
});
