import { describe, expect, it } from 'vitest';
import { EventSchedule } from './journey-script';

const event = (type: string) => ({ type, customerId: 'c1' });

describe('EventSchedule', () => {
  it('hands out batches in time order, same instants in the order they were added', () => {
    const schedule = new EventSchedule();
    schedule.add(300, [event('c')]);
    schedule.add(100, [event('a1')]);
    schedule.add(200, [event('b')]);
    schedule.add(100, [event('a2')]);
    expect(schedule.pending).toBe(4);
    const due = schedule.takeUntil(200);
    expect(due.map((b) => [b.at, b.events[0]?.type])).toEqual([
      [100, 'a1'],
      [100, 'a2'],
      [200, 'b'],
    ]);
    expect(schedule.pending).toBe(1);
    expect(schedule.takeUntil(299)).toEqual([]);
    expect(schedule.takeUntil(300).map((b) => b.at)).toEqual([300]);
    expect(schedule.pending).toBe(0);
  });
});
