/** A chart's data table reads the chart's CSV back cell for cell. */
import { describe, expect, it } from 'vitest';
import { cellText, headerText, parseCsv } from '../../src/app/data-table.ts';

describe('the CSV behind a data table', () => {
  it('reads quoted cells, doubled quotes, commas and line breaks inside quotes, and CRLF rows', () => {
    const csv = 'strategy_id,strategy,p50_pct\r\nbaseline,"Baseline, ""as is""",95.5\r\nmix,"two\nlines",\r\n';
    expect(parseCsv(csv)).toEqual([
      ['strategy_id', 'strategy', 'p50_pct'],
      ['baseline', 'Baseline, "as is"', '95.5'],
      ['mix', 'two\nlines', ''],
    ]);
    expect(parseCsv('a,b\n1,2')).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('shows numbers to six significant digits with separators, and text as written', () => {
    expect(cellText('4804270618.123')).toBe('4,804,270,000');
    expect(cellText('0.95123456789')).toBe('0.951235');
    expect(cellText('CN')).toBe('CN');
    expect(cellText('')).toBe('');
    expect(headerText('flow_t_ga_per_year')).toBe('flow t ga per year');
  });
});
