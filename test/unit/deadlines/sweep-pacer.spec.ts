// R-D1: a mass sweep on SQLite leaves the server's thread to requests for part of the time.
// Fake timers stand for the work: advancing them is the sweep working, a pending pause is its rest.
import { SweepPacer } from '../../../src/deadlines/sweep-pacer';

/** Whether `pause` has ended once the fake clock has moved on by `ms`. */
async function endedAfter(pause: Promise<void>, ms: number): Promise<boolean> {
  let ended = false;
  void pause.then(() => (ended = true));
  await jest.advanceTimersByTimeAsync(ms);
  return ended;
}

beforeEach(() => jest.useFakeTimers({ now: new Date('2026-12-07T02:00:00+08:00') }));
afterEach(() => jest.useRealTimers());

describe('a sweep allowed part of the time', () => {
  it.each([
    [50, 4, 4],
    [20, 2, 8],
  ])('at %i %% rests after %i ms of work for %i ms before going on', async (share, worked, rest) => {
    const pacer = new SweepPacer(share);
    jest.advanceTimersByTime(worked);
    const pause = pacer.pause();
    expect(await endedAfter(pause, rest - 1)).toBe(false);
    expect(await endedAfter(pause, 1)).toBe(true);
  });

  it('owes rests shorter than a millisecond and takes them together', async () => {
    const pacer = new SweepPacer(50);
    jest.advanceTimersByTime(0.4);
    expect(await endedAfter(pacer.pause(), 0)).toBe(true); // 0.4 ms owed: one turn of the loop
    jest.advanceTimersByTime(0.4);
    expect(await endedAfter(pacer.pause(), 0)).toBe(true); // 0.8 ms owed
    jest.advanceTimersByTime(0.4);
    const third = pacer.pause(); // 1.2 ms owed: one millisecond of rest now
    expect(await endedAfter(third, 0)).toBe(false);
    expect(await endedAfter(third, 1)).toBe(true);
  });
});

describe('a sweep allowed all the time (PostgreSQL default)', () => {
  it('lets the loop turn once and goes on without a timer', async () => {
    const pacer = new SweepPacer(100);
    jest.advanceTimersByTime(50);
    expect(await endedAfter(pacer.pause(), 0)).toBe(true);
  });
});
