import { settleAll } from './parallel';

describe('settleAll', () => {
  const tick = () => new Promise(r => setTimeout(r, 5));

  it('runs at most `limit` at a time, starts in order, returns outcomes in order', async () => {
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    const results = await settleAll([1, 2, 3, 4, 5], 2, async n => {
      started.push(n);
      running += 1;
      peak = Math.max(peak, running);
      await tick();
      running -= 1;
      if (n === 2) throw new Error('two failed');
      return n * 10;
    });
    expect(peak).toBe(2);
    expect(started).toEqual([1, 2, 3, 4, 5]);
    expect(
      results.map(r =>
        r.status === 'fulfilled' ? r.value : (r.reason as Error).message,
      ),
    ).toEqual([10, 'two failed', 30, 40, 50]);
  });

  it('with a limit of 1, one after another', async () => {
    const events: string[] = [];
    await settleAll(['a', 'b'], 1, async x => {
      events.push(`start ${x}`);
      await tick();
      events.push(`end ${x}`);
    });
    expect(events).toEqual(['start a', 'end a', 'start b', 'end b']);
  });

  it('handles no items', async () => {
    await expect(settleAll([], 4, async () => 1)).resolves.toEqual([]);
  });
});
