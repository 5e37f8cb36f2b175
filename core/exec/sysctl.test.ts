import { describe, expect, it } from 'vitest';
import { World } from '../kernel/index';
import { setSysctl } from './sysctl';

describe('setSysctl', () => {
  const client = () => new World({ trace: 'off' }).host('client');

  it('sets integer and integer-vector sysctls', () => {
    const h = client();
    expect(setSysctl(h, 'net.ipv4.ip_default_ttl', '32')).toBeNull();
    expect(h.sysctl['net.ipv4.ip_default_ttl']).toBe(32);
    expect(setSysctl(h, 'net.ipv4.ping_group_range', '0 2147483647')).toBeNull();
    expect(h.sysctl['net.ipv4.ping_group_range']).toEqual([0, 2147483647]);
  });

  it('selects a registered congestion control module by name', () => {
    const h = client();
    expect(h.sysctl['net.ipv4.tcp_congestion_control']).toBe('cubic');
    expect(setSysctl(h, 'net.ipv4.tcp_congestion_control', ' reno ')).toBeNull();
    expect(h.sysctl['net.ipv4.tcp_congestion_control']).toBe('reno');
  });

  it('refuses an unregistered module as sysctl(8) does, keeping the old value', () => {
    const h = client();
    expect(setSysctl(h, 'net.ipv4.tcp_congestion_control', 'bbr')).toBe(
      'sysctl: setting key "net.ipv4.tcp_congestion_control": No such file or directory',
    );
    expect(h.sysctl['net.ipv4.tcp_congestion_control']).toBe('cubic');
  });
});
