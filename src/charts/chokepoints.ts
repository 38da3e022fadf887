/**
 * The maritime chokepoints the world map draws shipping routes through, and which of them a
 * scenario's route ids pass. The list is that of the U.S. Energy Information Administration's "World
 * Oil Transit Chokepoints" (https://www.eia.gov/international/analysis/special-topics/World_Oil_Transit_Chokepoints);
 * positions are the approximate centre of each passage in degrees (longitude, latitude), to 0.1°,
 * which is all a world map can show.
 */

export interface Chokepoint {
  id: string;
  name: string;
  /** the name on the map, short */
  label: string;
  /** [longitude, latitude] in degrees */
  at: [number, number];
}

export const CHOKEPOINTS: readonly Chokepoint[] = [
  { id: 'bab-el-mandeb', name: 'Bab-el-Mandeb (Red Sea)', label: 'Bab-el-Mandeb', at: [43.4, 12.6] },
  { id: 'suez', name: 'Suez Canal', label: 'Suez', at: [32.4, 30.5] },
  { id: 'cape-of-good-hope', name: 'Cape of Good Hope', label: 'Cape of Good Hope', at: [18.5, -34.4] },
  { id: 'malacca', name: 'Strait of Malacca', label: 'Malacca', at: [100.5, 3.0] },
  { id: 'hormuz', name: 'Strait of Hormuz', label: 'Hormuz', at: [56.4, 26.6] },
  { id: 'panama', name: 'Panama Canal', label: 'Panama', at: [-79.7, 9.1] },
];

/** Route ids of the shipped scenarios and common names, with the chokepoints each passes. */
const ROUTE_CHOKEPOINTS: Record<string, string[]> = {
  'suez-red-sea': ['bab-el-mandeb', 'suez'],
  'red-sea': ['bab-el-mandeb', 'suez'],
  'bab-el-mandeb': ['bab-el-mandeb'],
  suez: ['suez'],
  'cape-of-good-hope': ['cape-of-good-hope'],
  cape: ['cape-of-good-hope'],
  malacca: ['malacca'],
  hormuz: ['hormuz'],
  panama: ['panama'],
};

// Words in a route id that name a chokepoint, for ids the table above does not list ("asia-europe-suez").
const WORDS: [RegExp, string][] = [
  [/(^|-)(red-sea|bab-el-mandeb)(-|$)/, 'bab-el-mandeb'],
  [/(^|-)suez(-|$)/, 'suez'],
  [/(^|-)(cape|good-hope)(-|$)/, 'cape-of-good-hope'],
  [/(^|-)malacca(-|$)/, 'malacca'],
  [/(^|-)hormuz(-|$)/, 'hormuz'],
  [/(^|-)panama(-|$)/, 'panama'],
];

/** The chokepoints a route id passes (none when the id names none of them). */
export function routeChokepoints(routeId: string): Chokepoint[] {
  const ids = ROUTE_CHOKEPOINTS[routeId] ?? WORDS.filter(([re]) => re.test(routeId)).map(([, id]) => id);
  return ids.map((id) => CHOKEPOINTS.find((c) => c.id === id)!);
}
