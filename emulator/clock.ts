// The emulated wall clock. Tests set and advance it; executions read it through the host, which
// adds the simulated time the running execution has spent so far.

export class Clock {
  private ms: number;

  constructor(start: Date) {
    this.ms = start.getTime();
  }

  now(): Date {
    return new Date(this.ms);
  }

  nowMs(): number {
    return this.ms;
  }

  set(date: Date): void {
    if (Number.isNaN(date.getTime())) throw new Error("clock.set: invalid date");
    this.ms = date.getTime();
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new Error(`clock.advance: bad duration ${ms}`);
    this.ms += ms;
  }
}
