/** Runs the newest of rapid requests: debounced, one at a time, superseded requests never sent. */

/** What a result answers: its input, and whether a newer request came in meanwhile. */
export interface RunOutcome<I, R> {
  input: I;
  /** False when a newer request is waiting: show the result, but keep saying "drawing". */
  latest: boolean;
  result?: R;
  error?: unknown;
}

/**
 * Dragging a slider asks for dozens of figures a second; the worker answers in order, so sending them all
 * would leave it drawing stale settings. Only the newest waiting request is kept.
 */
export class LatestRunner<I, R> {
  private waiting: { input: I } | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private busy = false;
  private seq = 0;
  private disposed = false;

  constructor(
    private readonly run: (input: I) => Promise<R>,
    private readonly done: (outcome: RunOutcome<I, R>) => void,
    private readonly delayMs: number,
  ) {}

  /** Asks for a run with `input` after the debounce delay (or at once), replacing any waiting request. */
  request(input: I, immediate = false): void {
    this.waiting = { input };
    this.seq++;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), immediate ? 0 : this.delayMs);
  }

  /** True while a run is in progress or waiting. */
  pending(): boolean {
    return this.busy || this.waiting !== null;
  }

  /** Stops delivering results. */
  dispose(): void {
    this.disposed = true;
    if (this.timer !== null) clearTimeout(this.timer);
  }

  private flush(): void {
    this.timer = null;
    if (this.busy || !this.waiting || this.disposed) return;
    const { input } = this.waiting;
    this.waiting = null;
    this.busy = true;
    const seq = this.seq;
    const finish = (o: { result?: R; error?: unknown }): void => {
      this.busy = false;
      if (this.disposed) return;
      this.done({ input, latest: seq === this.seq, ...o });
      // A request that arrived while this one ran and whose delay has passed runs now.
      if (this.waiting && this.timer === null) this.flush();
    };
    this.run(input).then(
      (result) => finish({ result }),
      (error: unknown) => finish({ error }),
    );
  }
}
