/** Calendar months against month 0, and reported periods as spans of months. */
import { describe, expect, it } from 'vitest';
import { monthAt, monthNumber, monthsBetween, periodSpan, shortMonth } from '../../src/model/calendar.ts';

describe('calendar months', () => {
  it('count months across years, both ways', () => {
    expect(monthsBetween('2023-01', '2023-08')).toBe(7);
    expect(monthsBetween('2019-07', '2020-03')).toBe(8);
    expect(monthsBetween('2023-01', '2022-01')).toBe(-12);
    expect(monthAt('2019-07', 8)).toBe('2020-03');
    expect(monthAt('2023-01', -1)).toBe('2022-12');
    expect(monthAt('2024-10', 0)).toBe('2024-10');
    for (const k of [-30, -13, -12, -1, 0, 5, 11, 12, 40]) expect(monthsBetween('2024-10', monthAt('2024-10', k))).toBe(k);
  });
  it('read as a reader writes them', () => {
    expect(shortMonth('2023-08')).toBe('Aug 2023');
    expect(shortMonth('2020-12')).toBe('Dec 2020');
  });
  it('refuse what is not a month, naming it', () => {
    expect(() => monthNumber('2023-13')).toThrow('"2023-13"');
    expect(() => monthAt('2023-01', 1.5)).toThrow('whole number');
  });
});

describe('reported periods', () => {
  it('are months, quarters, years or spans, inclusive', () => {
    expect(periodSpan('2023-08')).toEqual({ from: '2023-08', to: '2023-08' });
    expect(periodSpan('2023-Q4')).toEqual({ from: '2023-10', to: '2023-12' });
    expect(periodSpan('2023-Q1')).toEqual({ from: '2023-01', to: '2023-03' });
    expect(periodSpan('2022')).toEqual({ from: '2022-01', to: '2022-12' });
    expect(periodSpan('2020-03/2020-12')).toEqual({ from: '2020-03', to: '2020-12' });
  });
  it('refuse anything else, and a span that ends before it starts', () => {
    expect(() => periodSpan('2020-12/2020-03')).toThrow('ends before it starts');
    expect(() => periodSpan('2020-Q5')).toThrow('"2020-Q5"');
  });
});
