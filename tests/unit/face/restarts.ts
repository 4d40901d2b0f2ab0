// Runs in: vitest (Node). A JPEG as phones write it: the same picture with a restart marker every
// `rows` MCU rows, put in losslessly by Debian's jpegtran (the coefficients untouched).
import { execFileSync } from 'node:child_process';

export const withRestarts = (jpeg: Buffer, rows = 1, ...more: string[]): Buffer =>
  execFileSync('jpegtran', ['-restart', String(rows), '-copy', 'all', ...more], {
    input: jpeg,
    maxBuffer: 64 << 20,
  });
