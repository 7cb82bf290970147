/** One printed figure of a benchmark; see docs/architecture.md. */
export interface BenchRow {
  bench: string;
  metric: string;
  value: number;
  unit: string;
  target?: string;
  ok?: boolean;
}
