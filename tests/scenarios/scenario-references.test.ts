/**
 * Every shipped scenario and replay (issue 11): month 0 is set, every node and disruption names the
 * references behind it, every reference is cited by something, and no reference is a mirror, a
 * scrape or a listing page (only the publisher's own page counts as a source).
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import type { Scenario } from '../../src/model/schema.ts';

/** URL patterns that mark a copy rather than the publisher's page, each with the reason it is refused. */
export const MIRROR_PATTERNS: { pattern: RegExp; reason: string }[] = [
  { pattern: /acphonor\.com/i, reason: 'a mirror of Financial Times articles with injected text' },
  { pattern: /mastermetalsblog\.blogspot\./i, reason: 'a blog reposting Financial Times articles' },
  { pattern: /bing\.com|cloudns\.|[?&]form=YFNR|\/news\/search\?/i, reason: 'a Bing news-search scrape, not an article' },
  { pattern: /gatexx\.net|gate\.(io|com)\/[a-z-]*\/?post|openpunks\.io|wzchjq\.com|binance\.com\/[a-z-]+\/square/i, reason: 'a crypto-exchange social feed copying other sources' },
  { pattern: /[\w.+-]+@[\w-]+\.[\w.]+/, reason: 'a URL carrying an e-mail address (a broken or tracking link)' },
  { pattern: /\/page\/\d+\/?($|\?)|\/topic\/[^/]+\/?$|\/tag\/[^/]+\/?$/i, reason: 'a listing page whose content changes; cite the article' },
  { pattern: /fdocuments\.|abcdocz\.com|docslib\.org|yumpu\.com|scribd\.com/i, reason: 'a document-sharing copy of a publication; cite the publisher' },
  { pattern: /php-proxy|clevelandohioweatherforecast\.com/i, reason: 'a web proxy serving another site' },
  { pattern: /sinoliftdrum\.com|24newsglobe\.com|forumverona\.com|barran\.press\/.*\/print/i, reason: 'a site republishing news copied from elsewhere' },
  { pattern: /wikimili\.com|indexmundi\.com/i, reason: 'a copy of Wikipedia or of USGS tables' },
  { pattern: /statranker\.org|crossdockinsights\.com|bhcarbons\.com|feedman\.me/i, reason: 'an aggregator or company blog restating figures without the primary source' },
];

const dirs = ['../../scenarios/', '../../scenarios/replays/'].map((d) => new URL(d, import.meta.url));
const files = dirs.flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json' && f !== 'comparisons.json')
    .map((f) => ({ name: f, url: new URL(f, dir) })),
);

/** Every reference id a scenario cites, from any place that can cite one. */
function citedIds(s: Scenario): Set<string> {
  const ids = new Set<string>();
  const add = (list: string[] | undefined) => (list ?? []).forEach((id) => ids.add(id));
  s.nodes.forEach((n) => add(n.refs));
  (s.disruptions ?? []).forEach((d) => add(d.refs));
  (s.strategies ?? []).forEach((st) => {
    add(st.refs);
    st.levers.forEach((l) => ('newCapacity' in l ? l.newCapacity.nodes.forEach((n) => add(n.refs)) : undefined));
  });
  (s.assumptions ?? []).forEach((a) => add(a.references));
  Object.values(s.stageShares ?? {}).forEach((share) => share && ids.add(share.reference));
  (s.observed ?? []).forEach((o) => {
    ids.add(o.reference);
    o.points.forEach((p) => p.reference && ids.add(p.reference));
  });
  return ids;
}

describe('the mirror patterns', () => {
  it('catch the kinds of copy the audit found and pass publishers', () => {
    const refused = (url: string) => MIRROR_PATTERNS.some((m) => m.pattern.test(url));
    expect(refused('http://m.acphonor.com/interactive/169618/en')).toBe(true);
    expect(refused('https://mining.com/commodity/graphite/page/2')).toBe(true);
    expect(refused('https://energytech.com/energy-storage/article/55280540/mveazey@endeavorb2b.com')).toBe(true);
    expect(refused('https://www.gatexx.net/tr/post/status/16473749')).toBe(true);
    expect(refused('https://rvls.rickyun0019.cloudns.biz/news/search?form=YFNR&q=Black')).toBe(true);
    expect(refused('https://www.ciphernews.com/topic/renewable-energy/')).toBe(true);
    expect(refused('https://www.fastmarkets.com/insights/chinas-graphite-exports-plunge-in-december-after-introduction-of-export-controls')).toBe(false);
    expect(refused('https://www.cnbc.com/2023/09/20/china-exports-zero-germanium-gallium-in-august-amid-national-security-curbs.html')).toBe(false);
  });
});

describe.each(files)('$name', ({ url }) => {
  const s = JSON.parse(readFileSync(url, 'utf8')) as Scenario;

  it('sets month 0', () => {
    expect(s.monthZero).toMatch(/^[0-9]{4}-(0[1-9]|1[0-2])$/);
  });

  it('names the references behind every node and disruption', () => {
    const bare = [...s.nodes.filter((n) => !n.refs?.length).map((n) => `node ${n.id}`), ...(s.disruptions ?? []).filter((d) => !d.refs?.length).map((d) => `disruption ${d.id}`)];
    expect(bare).toEqual([]);
  });

  it('cites every reference it lists', () => {
    const cited = citedIds(s);
    expect((s.references ?? []).map((r) => r.id).filter((id) => !cited.has(id))).toEqual([]);
  });

  it('cites no mirror, scrape or listing page', () => {
    const bad = (s.references ?? []).flatMap((r) => MIRROR_PATTERNS.filter((m) => m.pattern.test(r.url)).map((m) => `${r.id} ${r.url}: ${m.reason}`));
    expect(bad).toEqual([]);
  });
});
