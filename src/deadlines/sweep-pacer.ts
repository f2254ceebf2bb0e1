const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Paces a mass sweep: it may take at most `sharePercent` of the wall time, resting after each
 * stretch of work in proportion to it. Going flat out, a sweep on SQLite keeps the server's one
 * thread and one of two cores busy, and requests wait for them; the legal clocks do not need the
 * speed — 10,000 due at once are allowed 10 s. Rests shorter than the
 * timer's millisecond are owed and taken together; at 100 % a pause is one turn of the event loop.
 */
export class SweepPacer {
  private resumed = performance.now();
  private owed = 0;

  constructor(private readonly sharePercent: number) {}

  async pause(): Promise<void> {
    const worked = performance.now() - this.resumed;
    this.owed += worked * (100 / this.sharePercent - 1);
    if (this.owed < 1) await nextTurn();
    else {
      const from = performance.now();
      await sleep(Math.floor(this.owed));
      // A timer fires late, never early: what it overslept is counted as rest already taken.
      this.owed -= performance.now() - from;
    }
    this.resumed = performance.now();
  }
}
