// The Internet checksum (RFC 1071), its incremental update (RFC 1624 §3) and the IPv4
// pseudo-header that TCP (RFC 9293 §3.1) and UDP (RFC 768) add to it. Sums are kept unfolded in
// a plain number (always below 2^32 after each step) and folded to 16 bits at the end, like the
// kernel's csum_partial / csum_fold pair (arch/x86/include/asm/checksum_64.h).

/** checksumAdd adds the 16-bit big-endian words of data[start, end) to a running sum (end is clamped to the data); chunks must meet at even offsets (RFC 1071 §2(A)). */
export function checksumAdd(sum: number, data: Uint8Array, start = 0, end = data.length): number {
  const stop = Math.min(end, data.length);
  let s = sum;
  let i = start;
  for (; i + 1 < stop; i += 2) {
    s += (data[i] << 8) | data[i + 1];
    if (s > 0xffffffff - 0x1ffff) s = (s & 0xffff) + Math.floor(s / 0x10000);
  }
  if (i < stop) s += data[i] << 8;
  return s;
}

/** checksumAddWord adds one 16-bit value to a running sum. */
export function checksumAddWord(sum: number, word: number): number {
  return checksumFold(sum + (word & 0xffff));
}

/** checksumFold folds a running sum to its 16-bit one's-complement value (not yet inverted), like csum_fold without the final not. */
export function checksumFold(sum: number): number {
  let s = sum;
  while (s > 0xffff) s = (s & 0xffff) + Math.floor(s / 0x10000);
  return s;
}

/** checksumFinish turns a running sum into the value written in a header: the one's complement of the folded sum. */
export function checksumFinish(sum: number): number {
  return ~checksumFold(sum) & 0xffff;
}

/** internetChecksum computes the RFC 1071 checksum of data[start, end), ready to store in a header. */
export function internetChecksum(data: Uint8Array, start = 0, end = data.length): number {
  return checksumFinish(checksumAdd(0, data, start, end));
}

/** checksumValid tells whether data[start, end), checksum field included, sums to 0xffff (RFC 1071 §1). */
export function checksumValid(data: Uint8Array, start = 0, end = data.length): boolean {
  return checksumFold(checksumAdd(0, data, start, end)) === 0xffff;
}

/** pseudoHeaderSum is the running sum of the IPv4 pseudo-header (source, destination, zero, protocol, length) used by TCP and UDP, like csum_tcpudp_nofold. */
export function pseudoHeaderSum(src: number, dst: number, protocol: number, length: number): number {
  return checksumFold(
    (src >>> 16) + (src & 0xffff) + (dst >>> 16) + (dst & 0xffff) + (protocol & 0xff) + (length & 0xffff),
  );
}

/** checksumUpdate16 patches a stored checksum after one 16-bit header word changed from oldWord to newWord, by RFC 1624 §3 eqn. 3: HC' = ~(~HC + ~m + m'). */
export function checksumUpdate16(check: number, oldWord: number, newWord: number): number {
  return checksumFinish((~check & 0xffff) + (~oldWord & 0xffff) + (newWord & 0xffff));
}

/** checksumUpdate32 patches a stored checksum after one 32-bit header field (an address, a sequence number) changed. */
export function checksumUpdate32(check: number, oldValue: number, newValue: number): number {
  const step = checksumUpdate16(check, oldValue >>> 16, newValue >>> 16);
  return checksumUpdate16(step, oldValue & 0xffff, newValue & 0xffff);
}
