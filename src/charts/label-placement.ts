/**
 * Placing text labels next to marks without covering other labels, marks or lines: each label takes
 * the first candidate place (and the first of its wordings, widest first) whose box is inside the
 * bounds and overlaps nothing already taken. Greedy, in the order labels are asked for, which is
 * what small charts need (a handful of labels); lines enter as the boxes of their segments.
 */
import { textWidth } from './format.ts';

/** An axis-aligned box in SVG pixels. */
export interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/**
 * A candidate place relative to the anchor point: the first line's baseline at (x + dx, y + dy), or
 * with `grow: 'up'` the last line's, so that a wrapped label above its mark grows away from it.
 */
export interface Place {
  dx: number;
  dy: number;
  anchor: 'start' | 'end' | 'middle';
  grow?: 'down' | 'up';
}

export interface LabelRequest {
  /** the anchor point (the mark the label names) */
  x: number;
  y: number;
  /** wordings to try in order, each as its lines (e.g. the name on one line, then wrapped narrower) */
  variants: string[][];
  places: readonly Place[];
  fontSize: number;
  /** baseline-to-baseline distance of the lines (default 1.2 x fontSize) */
  lineHeight?: number;
}

export interface PlacedLabel {
  lines: string[];
  place: Place;
  /** where to draw: x with the place's anchor, and the first line's baseline */
  x: number;
  y: number;
  box: Box;
  /** false when no place was free and the label sits at the first place inside the bounds anyway */
  free: boolean;
}

/** The box a block of lines takes with its first baseline at (x, baseline). */
export function textBlockBox(x: number, baseline: number, lines: string[], fontSize: number, anchor: Place['anchor'], lineHeight = fontSize * 1.2): Box {
  const w = Math.max(0, ...lines.map((l) => textWidth(l, fontSize)));
  const x0 = anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2;
  // ascent about 0.8 of the size above the first baseline, descent 0.25 below the last
  return { x0, x1: x0 + w, y0: baseline - fontSize * 0.8, y1: baseline + (lines.length - 1) * lineHeight + fontSize * 0.25 };
}

/** True when two boxes share some area (touching edges do not count). */
export const boxesOverlap = (a: Box, b: Box): boolean => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** True when box a lies wholly inside bounds b. */
export const boxInside = (a: Box, b: Box): boolean => a.x0 >= b.x0 && a.x1 <= b.x1 && a.y0 >= b.y0 && a.y1 <= b.y1;

/** A square box of half-size r around a point (a symbol, a dot). */
export const pointBox = (x: number, y: number, r: number): Box => ({ x0: x - r, x1: x + r, y0: y - r, y1: y + r });

/**
 * The boxes covering a polyline, each grown by pad: one per segment when it runs along an axis (a step
 * line), else pieces of at most `piece` pixels, so that a diagonal does not block its whole bounding box.
 */
export function polylineBoxes(points: [number, number][], pad = 2, piece = 12): Box[] {
  const boxes: Box[] = [];
  for (let i = 1; i < points.length; i++) {
    const [xa, ya] = points[i - 1];
    const [xb, yb] = points[i];
    const axisAligned = xa === xb || ya === yb;
    const n = axisAligned ? 1 : Math.max(1, Math.ceil(Math.hypot(xb - xa, yb - ya) / piece));
    for (let k = 0; k < n; k++) {
      const [x0, y0] = [xa + ((xb - xa) * k) / n, ya + ((yb - ya) * k) / n];
      const [x1, y1] = [xa + ((xb - xa) * (k + 1)) / n, ya + ((yb - ya) * (k + 1)) / n];
      boxes.push({ x0: Math.min(x0, x1) - pad, x1: Math.max(x0, x1) + pad, y0: Math.min(y0, y1) - pad, y1: Math.max(y0, y1) + pad });
    }
  }
  return boxes;
}

/**
 * Places one label: the first wording and place whose box is inside `bounds` and clear of `taken`;
 * failing that, the last (most compact) wording at its first place inside the bounds. The caller adds
 * the returned box to `taken` before placing the next label.
 */
export function placeLabel(request: LabelRequest, taken: readonly Box[], bounds: Box): PlacedLabel {
  const { x, y, variants, places, fontSize } = request;
  const lineHeight = request.lineHeight ?? fontSize * 1.2;
  const baseline = (lines: string[], pl: Place) => y + pl.dy - (pl.grow === 'up' ? (lines.length - 1) * lineHeight : 0);
  const boxAt = (lines: string[], pl: Place) => textBlockBox(x + pl.dx, baseline(lines, pl), lines, fontSize, pl.anchor, lineHeight);
  const result = (lines: string[], place: Place, free: boolean): PlacedLabel => ({ lines, place, x: x + place.dx, y: baseline(lines, place), box: boxAt(lines, place), free });
  for (const lines of variants) {
    for (const place of places) {
      const box = boxAt(lines, place);
      if (boxInside(box, bounds) && !taken.some((t) => boxesOverlap(t, box))) return result(lines, place, true);
    }
  }
  const lines = variants[variants.length - 1];
  return result(lines, places.find((pl) => boxInside(boxAt(lines, pl), bounds)) ?? places[0], false);
}
