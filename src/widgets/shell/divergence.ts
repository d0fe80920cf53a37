/**
 * Counts the members that diverged in the runs of one plan. When every member of every run diverged (and
 * divergence is not how the experiment is meant to end), the widget ends with its "diverged" message.
 */
export class DivergenceWatch {
  private readonly diverged = new Set<string>();
  private members = 0;

  constructor(private readonly runs: number, private readonly endsRun: boolean) {}

  /** One member of run `index` diverged. */
  member(index: number, member: number): void {
    this.diverged.add(`${index}:${member}`);
  }

  /** A progress event told how many members a run has (the engine sends `diverged` before it). */
  progress(members: number): void {
    this.members = Math.max(this.members, members);
  }

  get all(): boolean {
    if (this.endsRun || this.members === 0) return false;
    return this.diverged.size >= this.members * Math.max(1, this.runs);
  }
}
