import { describe, expect, it } from 'vitest';
import { formatValue, sockPart } from './structLayout';

describe('sockPart', () => {
  it.each([
    ['sk_state', 'sock_common'],
    ['inet_dport', 'sock_common'],
    ['sk_sndbuf', 'sock'],
    ['inet_sport', 'inet_sock'],
    ['uc_ttl', 'inet_sock'],
    ['icsk_af_ops', 'inet_connection_sock'],
    ['snd_cwnd', 'tcp_sock'],
  ])('puts %s in struct %s of a tcp_sock', (field, part) => {
    expect(sockPart(field, 'tcp_sock')).toBe(part);
  });

  it('gives a udp_sock its own remaining fields', () => {
    expect(sockPart('pending', 'udp_sock')).toBe('udp_sock');
  });
});

describe('formatValue', () => {
  it('names enums with their number', () => {
    expect(formatValue('tcp_sock', 'sk_state', 1)).toBe('TCP_ESTABLISHED (1)');
    expect(formatValue('socket', 'state', 3)).toBe('SS_CONNECTED (3)');
    expect(formatValue('socket', 'type', 2)).toBe('SOCK_DGRAM (2)');
    expect(formatValue('neighbour', 'nud_state', 2)).toBe('NUD_REACHABLE (2)');
    expect(formatValue('udp_sock', 'sk_protocol', 17)).toBe('IPPROTO_UDP (17)');
  });

  it('decodes a port kept in network byte order', () => {
    expect(formatValue('tcp_sock', 'inet_dport', 0x901f)).toBe('36895 (htons(8080))');
  });

  it('spells a null pointer NULL and leaves other values as they are', () => {
    expect(formatValue('tcp_sock', 'sk_send_head', null)).toBe('NULL');
    expect(formatValue('tcp_sock', 'snd_cwnd', 10)).toBe('10');
    expect(formatValue('tcp_sock', 'sk_prot', 'tcp_prot')).toBe('tcp_prot');
  });

  it('shows an unknown enum value as its number', () => {
    expect(formatValue('tcp_sock', 'sk_state', 99)).toBe('99');
  });
});
