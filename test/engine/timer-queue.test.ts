import { expect } from 'chai';
import { performance } from 'node:perf_hooks';
import { TimerQueue, type TimerEntry } from '../../src/engine/timer-queue';
import { delay, until } from '../support/io';

class Entry implements TimerEntry<Entry> {
  timerPrev: Entry | null = null;
  timerNext: Entry | null = null;
  timerDue = 0;
  timerQueue: TimerQueue<Entry> | null = null;
  /** When it was last scheduled, and when it expired. */
  scheduledAt = 0;
  expiredAt: number[] = [];
  constructor(readonly name: string) {}
}

/** A queue that records its expiries (names in order, times on the entries). */
function recordingQueue(duration: number, onExpire?: (entry: Entry, queue: TimerQueue<Entry>) => void) {
  const expired: string[] = [];
  const queue: TimerQueue<Entry> = new TimerQueue<Entry>(duration, (entry) => {
    expired.push(entry.name);
    entry.expiredAt.push(performance.now());
    onExpire?.(entry, queue);
  });
  const schedule = (entry: Entry): Entry => {
    entry.scheduledAt = performance.now();
    queue.schedule(entry);
    return entry;
  };
  return { queue, expired, schedule };
}

/** Node's pending timers (the queue's own included). */
function activeTimeouts(): number {
  return process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
}

// Only lower bounds on time are asserted (a loaded machine makes timers late, never early), with the queue's
// tolerance: whole milliseconds, and a head up to 1 ms early counts as due.
describe('TimerQueue', () => {
  it('expires each entry once, in the order they were scheduled, no sooner than its duration', async () => {
    const { expired, schedule } = recordingQueue(30);
    const entries = ['a', 'b', 'c'].map((name) => schedule(new Entry(name)));
    await until(() => expired.length === 3, 'three expiries');
    expect(expired).to.deep.equal(['a', 'b', 'c']);
    for (const entry of entries) expect(entry.expiredAt[0] - entry.scheduledAt).to.be.at.least(28);
    await delay(60);
    expect(expired).to.have.length(3);
  });

  it('pushes a rescheduled entry back by a whole duration, behind the others', async () => {
    const { expired, schedule } = recordingQueue(40);
    const a = schedule(new Entry('a'));
    schedule(new Entry('b'));
    await delay(20);
    schedule(a);
    await until(() => expired.length === 2, 'two expiries');
    expect(expired).to.deep.equal(['b', 'a']);
    expect(a.expiredAt[0] - a.scheduledAt).to.be.at.least(38);
  });

  it('moves an entry between queues, and a cancelled entry never expires', async () => {
    const slow = recordingQueue(5000);
    const fast = recordingQueue(10);
    const moved = new Entry('moved');
    const cancelled = new Entry('cancelled');
    slow.schedule(moved);
    fast.schedule(cancelled);
    fast.schedule(moved);
    expect(moved.timerQueue).to.equal(fast.queue);
    fast.queue.cancel(cancelled);
    slow.queue.cancel(moved); // not in that queue any more: nothing happens
    expect(cancelled.timerQueue).to.equal(null);
    await until(() => fast.expired.length === 1, 'the expiry');
    await delay(30);
    expect(fast.expired).to.deep.equal(['moved']);
    expect(slow.expired).to.deep.equal([]);
    expect(moved.timerQueue).to.equal(null);
  });

  it('serves an entry that schedules itself again from its expiry, and the others no later than due', async () => {
    const { expired, schedule } = recordingQueue(60, (entry) => {
      if (entry.name === 'again' && entry.expiredAt.length < 2) schedule(entry);
    });
    schedule(new Entry('again'));
    await delay(20);
    const later = schedule(new Entry('later'));
    await until(() => expired.length === 3, 'three expiries');
    // 'later' expired before the second 'again': its timer was not pushed back by the re-scheduling.
    expect(expired).to.deep.equal(['again', 'later', 'again']);
    expect(later.expiredAt[0] - later.scheduledAt).to.be.at.least(58);
  });

  it('holds one Node timer for all its entries, and none once empty', () => {
    const before = activeTimeouts();
    const { queue, schedule } = recordingQueue(1000);
    const entries = Array.from({ length: 100 }, (_, i) => schedule(new Entry(String(i))));
    expect(activeTimeouts() - before).to.equal(1);
    for (const entry of entries) queue.cancel(entry);
    expect(activeTimeouts() - before).to.equal(0);
  });
});
