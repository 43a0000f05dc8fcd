/** Answer statuses and times of a run, printed at its end: shows how deep the mutations got (2xx vs 4xx) and how fast. */
export class RunStats {
  private readonly byStatus = new Map<string, number>();
  private readonly times: number[] = [];
  private readonly started = Date.now();

  record(status: string, ms: number): void {
    this.byStatus.set(status, (this.byStatus.get(status) ?? 0) + 1);
    this.times.push(ms);
  }

  summary(): string {
    const sorted = [...this.times].sort((a, b) => a - b);
    const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(1) : '-');
    const statuses = [...this.byStatus].sort(([a], [b]) => a.localeCompare(b)).map(([s, n]) => `${s}:${n}`);
    return `cases=${sorted.length} statuses={${statuses.join(' ')}} ms p50=${at(0.5)} p99=${at(0.99)} max=${at(1)} wall=${((Date.now() - this.started) / 1000).toFixed(1)}s`;
  }
}
