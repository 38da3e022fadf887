/**
 * Colours, dash patterns and symbol shapes shared by every chart. Colours are Okabe & Ito's
 * colour-blind-safe set ("Color Universal Design", 2008, https://jfly.uni-koeln.de/color/);
 * every chart pairs them with a dash, a symbol or a text label, so no reading depends on colour.
 */
import { symbolCircle, symbolCross, symbolDiamond, symbolSquare, symbolStar, symbolTriangle, symbolWye, type SymbolType } from 'd3';

export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
} as const;

/** Text and rules: near-black so that they print; secondary text stays dark too. */
export const INK = '#1a1a1a';
export const INK_SOFT = '#3d3d3d';
/** Grid lines and shaded spans: light, but never used for text. */
export const GRID = '#d0d0d0';
export const SHADE = '#8c8c8c';

/** Neutral fill for "rest of world" (XX): grouped producers are no one country, so they get no hue. */
export const REST_OF_WORLD = '#a6a6a6';

// Yellow is left out of the strategy colours: as a thin line on white it nearly vanishes in print.
const STRATEGY_COLOURS = [
  OKABE_ITO.black,
  OKABE_ITO.blue,
  OKABE_ITO.vermillion,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.orange,
  OKABE_ITO.skyBlue,
];

/** SVG stroke-dasharray values; '' is a solid line (the baseline). */
const DASHES = ['', '7 3', '2 2', '9 3 2 3', '4 4', '1 3', '12 4'];

const SYMBOLS: SymbolType[] = [symbolCircle, symbolSquare, symbolTriangle, symbolDiamond, symbolCross, symbolStar, symbolWye];
const SYMBOL_NAMES = ['circle', 'square', 'triangle', 'diamond', 'cross', 'star', 'wye'];

/** The strategy's colour; index 0 is the baseline. */
export const strategyColour = (index: number): string => STRATEGY_COLOURS[index % STRATEGY_COLOURS.length];

/** The strategy's dash pattern (stroke-dasharray); '' for solid. */
export const strategyDash = (index: number): string => DASHES[index % DASHES.length];

/** The strategy's symbol shape. */
export const strategySymbol = (index: number): SymbolType => SYMBOLS[index % SYMBOLS.length];

/** The name of the strategy's symbol shape (for data attributes and tests). */
export const strategySymbolName = (index: number): string => SYMBOL_NAMES[index % SYMBOL_NAMES.length];

// The countries of the shipped scenarios get fixed colours, so a country keeps its colour from one
// scenario to the next; the assignment was chosen (by a small search) to leave as few countries of
// one scenario sharing a colour as seven hues and black allow. Other codes are hashed onto the
// palette. Collisions are harmless: every country-coloured mark also carries its code as text.
const COUNTRY_COLOURS: Record<string, string> = {
  CN: OKABE_ITO.vermillion,
  US: OKABE_ITO.blue,
  EU: OKABE_ITO.skyBlue,
  AU: OKABE_ITO.orange,
  JP: OKABE_ITO.reddishPurple,
  AR: OKABE_ITO.yellow,
  BR: OKABE_ITO.black,
  CA: OKABE_ITO.yellow,
  CD: OKABE_ITO.bluishGreen,
  CL: OKABE_ITO.reddishPurple,
  DE: OKABE_ITO.black,
  FI: OKABE_ITO.blue,
  GB: OKABE_ITO.blue,
  ID: OKABE_ITO.reddishPurple,
  IN: OKABE_ITO.black,
  KR: OKABE_ITO.black,
  MG: OKABE_ITO.orange,
  MM: OKABE_ITO.bluishGreen,
  MY: OKABE_ITO.blue,
  MZ: OKABE_ITO.bluishGreen,
  NC: OKABE_ITO.orange,
  PH: OKABE_ITO.bluishGreen,
  RU: OKABE_ITO.yellow,
  TW: OKABE_ITO.bluishGreen,
  TZ: OKABE_ITO.reddishPurple,
  ZW: OKABE_ITO.bluishGreen,
  XX: REST_OF_WORLD,
};

const HASHED = [
  OKABE_ITO.orange,
  OKABE_ITO.skyBlue,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.yellow,
  OKABE_ITO.blue,
  OKABE_ITO.vermillion,
  OKABE_ITO.reddishPurple,
];

/** A stable colour for an ISO 3166 alpha-2 code (XX, rest of world, is neutral grey). */
export function countryColour(code: string): string {
  const fixed = COUNTRY_COLOURS[code];
  if (fixed) return fixed;
  let h = 0;
  for (let i = 0; i < code.length; i++) h = (h * 31 + code.charCodeAt(i)) >>> 0;
  return HASHED[h % HASHED.length];
}
