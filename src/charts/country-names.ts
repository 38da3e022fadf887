/**
 * Country names for ISO 3166 alpha-2 codes, from the platform's own list (Intl.DisplayNames, in every
 * current browser and in Node), with the two codes the scenarios use that are no country: XX (rest of
 * world, grouped producers) and EU (the European Union, used as one maker "country").
 */

const SPECIAL: Record<string, string> = {
  XX: 'Rest of world',
  EU: 'European Union',
};

let names: Intl.DisplayNames | null | undefined;

/** The English name of a country code: "CN" -> "China", "XX" -> "Rest of world"; the code itself when unknown. */
export function countryName(code: string): string {
  if (SPECIAL[code]) return SPECIAL[code];
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
    } catch {
      names = null; // a runtime without region names: the code is still a name
    }
  }
  try {
    return names?.of(code) ?? code;
  } catch {
    return code;
  }
}

/** A name with its code, as charts and sentences show it: "China (CN)". */
export const countryLabel = (code: string): string => {
  const name = countryName(code);
  return name === code ? code : `${name} (${code})`;
};
