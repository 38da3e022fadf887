/**
 * The world map's scale and legend: five classes of share, light to dark (ColorBrewer's sequential
 * "Blues", Brewer 2003, colorbrewer2.org, print- and colour-blind-safe as a light-to-dark ramp), the
 * flows by the stage they leave, chokepoints, outlines of what disruptions hit, and EU and rest of world
 * with their figures, since they have no outline to shade.
 */
import { symbolCircle, symbolDiamond } from 'd3';
import type { ChainStage, CountryFlow, WorldMapData } from './data-types.ts';
import type { LegendItem } from './legend.ts';
import { INK, OKABE_ITO } from './palette.ts';
import { formatShare, withUnit } from './format.ts';
import { countryName } from './country-names.ts';
import { routeChokepoints } from './chokepoints.ts';
import { POINT_ANCHORS } from './world-atlas.ts';
import type { CountryShare } from './world-map-data.ts';

/** Upper bounds of the share classes (fractions) and their fills. */
const CLASSES: { below: number; fill: string; label: string }[] = [
  { below: 0.05, fill: '#deebf7', label: 'under 5%' },
  { below: 0.15, fill: '#9ecae1', label: '5–15%' },
  { below: 0.35, fill: '#6baed6', label: '15–35%' },
  { below: 0.65, fill: '#3182bd', label: '35–65%' },
  { below: Infinity, fill: '#08519c', label: '65% and more' },
];

/** The fill of a country with no capacity at the stage (or outside the scenario). */
export const NO_SHARE = '#e9ecef';
/** Outlines of disruption targets: vermillion, dashed, so they read without colour too. */
export const TARGET_COLOUR = OKABE_ITO.vermillion;
export const TARGET_DASH = '4 2';

/** The fill of a share (fraction 0..1). */
export const shareColour = (share: number): string => CLASSES.find((c) => share < c.below)!.fill;

/** Flows leaving extraction are solid, leaving processing dashed, anything else dotted. */
export const flowDash = (stage?: ChainStage): string => (stage === 'processing' ? '6 3' : stage === 'manufacturing' ? '1 3' : '');

/** The legend: share classes, flows, chokepoints, targets, then EU and rest of world with their figures. */
export function mapLegendItems(data: WorldMapData, stage: ChainStage | null, shares: CountryShare[], flows: CountryFlow[]): LegendItem[] {
  const items: LegendItem[] = [
    { label: stage ? `Share of ${stage} capacity:` : 'Share of capacity:', colour: INK, swatch: 'none' },
    ...CLASSES.map((c, i): LegendItem => ({ label: c.label, colour: c.fill, swatch: 'rect', series: `share-${i}` })),
  ];
  const max = Math.max(0, ...flows.map((f) => f.value));
  const stages = [...new Set(flows.map((f) => f.stage))];
  for (const s of stages) {
    items.push({
      label: `Flow${s ? ` of ${s} output` : ''}${s === stages[0] ? ` (width: volume; widest ${withUnit(max, data.unit)} a year)` : ''}`,
      colour: INK,
      swatch: 'line',
      dash: flowDash(s),
      series: `flow-${s ?? 'all'}`,
    });
  }
  const routes = [...new Set([...data.routes.map((r) => r.id), ...flows.flatMap((f) => (f.route ? [f.route] : []))])];
  if (routes.some((r) => routeChokepoints(r).length > 0)) items.push({ label: 'Chokepoint of a named route', colour: '#ffffff', stroke: INK, swatch: 'symbol', symbol: symbolDiamond, series: 'chokepoint' });
  if (data.targets.some((t) => t.kind === 'supply')) items.push({ label: 'Hit by a disruption (outlined)', colour: TARGET_COLOUR, swatch: 'line', dash: TARGET_DASH, series: 'target' });
  for (const code of Object.keys(POINT_ANCHORS)) {
    const share = shares.find((s) => s.country === code);
    const into = data.flows.filter((f) => f.to === code && f.from !== code).reduce((a, f) => a + f.value, 0);
    const out = data.flows.filter((f) => f.from === code && f.to !== code).reduce((a, f) => a + f.value, 0);
    if (!share && into === 0 && out === 0) continue;
    const figures = [
      stage && (share ? `${formatShare(share.share)} of ${stage} capacity` : `no ${stage} capacity`),
      out > 0 && `ships ${withUnit(out, data.unit)} a year`,
      into > 0 && `receives ${withUnit(into, data.unit)} a year`,
    ].filter(Boolean);
    const where = code === 'EU' ? 'drawn at Brussels' : 'a marker, not a place';
    items.push({
      label: `${code} (${countryName(code)}, ${where}): ${figures.join('; ')}`,
      colour: share ? shareColour(share.share) : NO_SHARE,
      swatch: 'symbol',
      symbol: symbolCircle,
      stroke: INK,
      series: `point-${code}`,
    });
  }
  return items;
}
