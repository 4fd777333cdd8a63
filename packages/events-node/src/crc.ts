/** CRC-32C for Node: native (@node-rs/crc32) for long ranges, the JS table for short ones. */
import { crc32c } from '@node-rs/crc32';
import type { Crc32cFn } from '@nnlens/events';
import { crc32cInt } from '@nnlens/events';

// Measured on this machine: a native call costs ~200 ns, the JS table ~1 GB/s; they meet near 200 bytes.
const NATIVE_FROM = 256;

/** CRC-32C of `buf[start, end)`, choosing the faster implementation by length. */
export const crc32cNode: Crc32cFn = (buf, start, end) =>
  end - start < NATIVE_FROM ? crc32cInt(buf, start, end) : crc32c(buf.subarray(start, end));
