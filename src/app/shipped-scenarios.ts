/**
 * The real scenarios shipped in scenarios/ and the historical replays in scenarios/replays/, bundled by
 * Vite; the schema file beside them is not a scenario.
 */

export interface ShippedScenario {
  id: string;
  name: string;
  /** the file's JSON, re-indented the way the editor writes it, so "unedited" is a plain text comparison */
  text: string;
  /** 'replay' for a historical replay (scenarios/replays/), listed in the picker under its own heading */
  group: 'scenario' | 'replay';
}

/** The scenario the app opens on. */
export const DEFAULT_SCENARIO_ID = 'gallium';

const files = import.meta.glob<unknown>(['../../scenarios/*.json', '../../scenarios/replays/*.json', '!../../scenarios/scenario.schema.json'], {
  eager: true,
  import: 'default',
});

/** Every shipped scenario by id, the default first, then by name, then the replays by name. */
export const SHIPPED: ReadonlyMap<string, ShippedScenario> = new Map(
  Object.entries(files)
    .map(([path, data]): ShippedScenario => {
      const { id, name } = data as { id: string; name: string };
      return { id, name, text: formatScenario(data), group: path.includes('/replays/') ? 'replay' : 'scenario' };
    })
    .sort((a, b) =>
      Number(a.group === 'replay') - Number(b.group === 'replay') ||
      Number(b.id === DEFAULT_SCENARIO_ID) - Number(a.id === DEFAULT_SCENARIO_ID) ||
      a.name.localeCompare(b.name))
    .map((s) => [s.id, s] as const),
);

/** The editor's layout of a scenario's JSON: two-space indentation. */
export function formatScenario(data: unknown): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}
