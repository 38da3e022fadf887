/**
 * The world's country outlines for the map, shipped in npm packages and decoded here, so that the map
 * draws offline: world-atlas's Natural Earth 1:110m countries (TopoJSON keyed by ISO 3166-1 numeric
 * codes), joined to the scenarios' alpha-2 codes through i18n-iso-countries's code table. Two codes of
 * the scenarios are no country and have no outline: EU (the European Union as one maker) gets a point
 * at Brussels, XX (rest of world) a point in the South Pacific, away from any coast, drawn as a marker
 * rather than a place.
 */
import { geoArea, geoCentroid } from 'd3';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import atlas from 'world-atlas/countries-110m.json';
import isoCodes from 'i18n-iso-countries/codes.json';

export type CountryFeature = Feature<Polygon | MultiPolygon, { name: string; code: string }>;

/** Where the codes without an outline are drawn, [longitude, latitude]. */
export const POINT_ANCHORS: Record<string, [number, number]> = {
  EU: [4.4, 50.8],
  XX: [-150, -38],
};

const ANTARCTICA = '010';

let cache: { countries: CountryFeature[]; byCode: Map<string, CountryFeature>; land: FeatureCollection } | null = null;

/** Every country outline of the atlas with its alpha-2 code (outlines without an ISO code are kept, coded ""). */
export function worldCountries(): { countries: CountryFeature[]; byCode: Map<string, CountryFeature>; land: FeatureCollection } {
  if (cache) return cache;
  const alpha2 = new Map((isoCodes as string[][]).map(([a2, , numeric]) => [numeric, a2]));
  type Topology = Parameters<typeof feature>[0];
  const topology = atlas as unknown as Topology;
  const all = feature(topology, topology.objects.countries) as unknown as FeatureCollection<Polygon | MultiPolygon, { name: string }>;
  const countries: CountryFeature[] = all.features.map((f) => ({
    ...f,
    properties: { name: f.properties.name, code: f.id !== undefined ? alpha2.get(String(f.id)) ?? '' : '' },
  }));
  const byCode = new Map(countries.filter((c) => c.properties.code).map((c) => [c.properties.code, c]));
  // the map is fitted to the inhabited world: Antarctica would take a fifth of its height for nothing
  const land: FeatureCollection = { type: 'FeatureCollection', features: all.features.filter((f) => String(f.id) !== ANTARCTICA) };
  cache = { countries, byCode, land };
  return cache;
}

/** Where a country's flows start and end: the centroid of its largest polygon (mainland France, not Guiana), or its point anchor. */
export function countryAnchor(code: string): [number, number] | null {
  if (POINT_ANCHORS[code]) return POINT_ANCHORS[code];
  const f = worldCountries().byCode.get(code);
  if (!f) return null;
  return geoCentroid(largestPolygon(f.geometry));
}

/** True when the code has an outline on the map. */
export const hasOutline = (code: string): boolean => worldCountries().byCode.has(code);

function largestPolygon(g: Polygon | MultiPolygon): Geometry {
  if (g.type === 'Polygon') return g;
  let best: Polygon | null = null;
  let bestArea = -1;
  for (const coordinates of g.coordinates) {
    const p: Polygon = { type: 'Polygon', coordinates };
    const a = geoArea(p);
    if (a > bestArea) [best, bestArea] = [p, a];
  }
  return best!;
}
