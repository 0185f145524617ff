import { describe, expect, it } from 'vitest';
import { periodDates, reportQuery, startOfIstDay, todayIst } from './period';

describe('liability period', () => {
  it('reads calendar dates in IST', () => {
    // 20:00 UTC on 31 March is already 1 April in India.
    expect(todayIst(new Date('2030-03-31T20:00:00Z'))).toBe('2030-04-01');
    expect(startOfIstDay('2030-04-01')?.toISOString()).toBe('2030-03-31T18:30:00.000Z');
    expect(startOfIstDay('1 April')).toBeNull();
  });

  it('covers whole days: from the start of the first to the end of the as-of day', () => {
    const q = reportQuery({ from: '2029-04-01', asOf: '2030-03-31' });
    expect(q.get('from')).toBe('2029-03-31T18:30:00.000Z');
    expect(q.get('to')).toBe('2030-03-31T18:30:00.000Z');
  });

  it('defaults to the year up to today, and passes bad input through for the API to name', () => {
    expect(periodDates({}, new Date('2030-06-15T06:00:00Z'))).toEqual({
      from: '2029-06-16',
      asOf: '2030-06-15',
    });
    expect(periodDates({ asOf: ['2030-01-31'], from: '2030-01-01' })).toEqual({
      from: '2030-01-01',
      asOf: '2030-01-31',
    });
    expect(reportQuery({ from: 'soon', asOf: '2030-01-31' }).get('from')).toBe('soon');
  });
});
