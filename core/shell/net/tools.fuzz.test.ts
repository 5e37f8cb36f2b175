// The world's tools under random arguments: whatever a student types to ss, ip, arp, tcpdump,
// iptables, tc, sysctl, kill, jobs, trace, inspect, kernel or on/sudo, the shell answers with
// the tool's own error or output, never an internal error, and gets its prompt back.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LabSession } from '../../session/index';
import { LabShell } from '../shell';
import { MemoryWorkspace } from '../memoryWorkspace';

const commands = [
  'ss',
  'ip',
  'arp',
  'tcpdump',
  'iptables',
  'tc',
  'sysctl',
  'kill',
  'jobs',
  'trace',
  'inspect',
];
const words = [
  ...commands,
  ...['kernel', 'fg', 'bg', 'wait', 'ps', 'sleep', 'reset', 'sudo', 'on', 'server', 'client', 'mars'],
  ...[
    '-t',
    '-u',
    '-l',
    '-a',
    '-n',
    '-p',
    '-m',
    '-i',
    '-e',
    '-X',
    '-r',
    '-w',
    '-c',
    '-A',
    '-I',
    '-D',
    '-F',
    '-L',
    '-S',
  ],
  ...[
    'addr',
    'link',
    'route',
    'neigh',
    'get',
    'set',
    'flush',
    'show',
    'dev',
    'eth0',
    'lo',
    'mtu',
    '0',
    '70000',
  ],
  ...[
    'qdisc',
    'add',
    'del',
    'root',
    'netem',
    'delay',
    'loss',
    '5%',
    '100ms',
    'INPUT',
    'OUTPUT',
    '-j',
    'DROP',
  ],
  ...['-p', 'tcp', '--dport', '80', '--tcp-flags', 'SYN', 'net.core.somaxconn=1', 'net.ipv4.tcp_rmem', '-w'],
  ...[
    '%1',
    '%+',
    '-9',
    '-KILL',
    'fd',
    '3',
    'last',
    'level',
    'full',
    'off',
    'host',
    'port',
    'and',
    'or',
    'not',
  ],
  ...['x.pcap', 'a.c', '(', ')', '!', '2.6.32', '6.x', 'y', '&', '|', ';', '>', 'out.txt'],
];

describe('network tools fuzz', () => {
  it('never reports an internal error and always returns to the prompt', () => {
    const line = fc
      .tuple(fc.constantFrom(...commands), fc.array(fc.constantFrom(...words), { maxLength: 8 }))
      .map(([c, rest]) => [c, ...rest].join(' '));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), (lines) => {
        let out = '';
        const session = new LabSession({ seed: 1 });
        const workspace = new MemoryWorkspace({ 'a.c': 'int main(void) { return 0; }\n' });
        const shell = new LabShell({ workspace, session, write: (d) => (out += d) });
        shell.start();
        for (const l of lines) {
          shell.input(l + '\r');
          session.settle(20);
          shell.input('\x04\x03');
          session.settle(20);
        }
        expect(out).not.toContain('internal error');
        expect(shell.busy).toBe(false);
      }),
      { seed: 1123, numRuns: 300 },
    );
  });
});
