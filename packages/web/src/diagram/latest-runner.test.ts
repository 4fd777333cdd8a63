import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LatestRunner, type RunOutcome } from './latest-runner.js';

/** A run whose promises the test resolves by hand. */
function harness(delay = 100) {
  const calls: { input: number; resolve: (r: string) => void; reject: (e: Error) => void }[] = [];
  const outcomes: RunOutcome<number, string>[] = [];
  const runner = new LatestRunner<number, string>(
    (input) => new Promise((resolve, reject) => calls.push({ input, resolve, reject })),
    (o) => outcomes.push(o),
    delay,
  );
  return { calls, outcomes, runner };
}

describe('LatestRunner', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('debounces: a burst of requests runs once, with the last input', async () => {
    const { calls, outcomes, runner } = harness();
    for (let i = 1; i <= 5; i++) {
      runner.request(i);
      await vi.advanceTimersByTimeAsync(40);
    }
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(100);
    expect(calls.map((c) => c.input)).toEqual([5]);
    calls[0]!.resolve('r5');
    await vi.advanceTimersByTimeAsync(0);
    expect(outcomes).toEqual([{ input: 5, latest: true, result: 'r5' }]);
    expect(runner.pending()).toBe(false);
  });

  it('runs one at a time and skips requests superseded while busy', async () => {
    const { calls, outcomes, runner } = harness();
    runner.request(1, true);
    await vi.advanceTimersByTimeAsync(0);
    runner.request(2, true);
    runner.request(3, true);
    await vi.advanceTimersByTimeAsync(500);
    expect(calls.map((c) => c.input)).toEqual([1]);
    calls[0]!.resolve('r1');
    await vi.advanceTimersByTimeAsync(0);
    expect(outcomes[0]).toEqual({ input: 1, latest: false, result: 'r1' });
    expect(calls.map((c) => c.input)).toEqual([1, 3]);
    calls[1]!.reject(new Error('boom'));
    await vi.advanceTimersByTimeAsync(0);
    expect(outcomes[1]).toMatchObject({ input: 3, latest: true, error: new Error('boom') });
  });

  it('delivers nothing after dispose', async () => {
    const { calls, outcomes, runner } = harness();
    runner.request(1, true);
    await vi.advanceTimersByTimeAsync(0);
    runner.dispose();
    calls[0]!.resolve('late');
    await vi.advanceTimersByTimeAsync(0);
    expect(outcomes).toEqual([]);
  });
});
