// Runs in: benchmark tooling. One row of the `npm run bench` table.
export interface BenchRow {
  group: string;
  name: string;
  value: number;
  unit: string;
  /** The same work done the plainest way, in the same run, same unit. */
  baseline?: number;
  baselineName?: string;
  goal?: string;
  pass?: boolean;
}
