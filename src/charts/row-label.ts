/** The label of a row of a ranked chart: its name on up to two lines, a smaller line under it, the whole name in the hover. */
import { hover, LABEL_SIZE, type G } from './frame.ts';
import { INK, INK_SOFT } from './palette.ts';
import { truncate, wrapLines } from './format.ts';

const LINE = LABEL_SIZE + 2;
const SUB_SIZE = LABEL_SIZE - 2;

/** The height a row label takes: two name lines and the small line. */
export const ROW_LABEL_HEIGHT = 2 * LINE + SUB_SIZE + 4;

/** Draws the label centred on `mid`, within `width` pixels from x. */
export function rowLabel(g: G, at: { x: number; mid: number; width: number }, name: string, sub: string): void {
  const lines = wrapLines(name, at.width, LABEL_SIZE, 2);
  const height = lines.length * LINE + (sub ? SUB_SIZE + 2 : 0);
  const top = at.mid - height / 2 + LABEL_SIZE - 1;
  const text = g.append('text').attr('class', 'row-label').attr('x', at.x).attr('y', top).attr('fill', INK);
  lines.forEach((line, i) => text.append('tspan').attr('x', at.x).attr('dy', i === 0 ? 0 : LINE).text(line));
  hover(text, () => name);
  if (!sub) return;
  g.append('text').attr('class', 'row-sub').attr('x', at.x + 10).attr('y', top + (lines.length - 1) * LINE + SUB_SIZE + 3)
    .attr('fill', INK_SOFT).attr('font-size', SUB_SIZE).text(truncate(sub, at.width - 10, SUB_SIZE));
}
