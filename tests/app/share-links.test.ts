/** Share links: compression, the edit as a JSON Patch against the shipped file, the hash format and opening a link again. */
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { draftFromText, draftWithValue } from '../../src/app/draft.ts';
import { diffScenario, patchScenario } from '../../src/app/scenario-patch.ts';
import { base64UrlEncode, bytesToBase64Url, compressToBase64Url, decompressFromBase64Url } from '../../src/app/share-codec.ts';
import { shareHashOf, shareStatesOf, shippedHash } from '../../src/app/share-state.ts';
import { linkTooLong, MAX_LINK_CHARS, readShareHash, shareHash } from '../../src/app/share-url.ts';
import { formatScenario, SHIPPED } from '../../src/app/shipped-scenarios.ts';
import { openingDraft } from '../../src/app/startup.ts';
import example from '../fixtures/example-scenario.json';

const gallium = SHIPPED.get('gallium')!;

describe('compressed text in a link', () => {
  it('round-trips any UTF-8 text, and a scenario shrinks to well under half its size', async () => {
    const text = `${gallium.text}\n"Ni ✓ 镍 — 𝔾a"`;
    const packed = await compressToBase64Url(text);
    expect(packed).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(packed.length).toBeLessThan(text.length / 2);
    expect(await decompressFromBase64Url(packed, 1e6)).toBe(text);
  });

  it('reads deflate-raw made by another implementation (zlib)', async () => {
    expect(await decompressFromBase64Url(bytesToBase64Url(deflateRawSync(Buffer.from('{"a":"é"}'))), 100)).toBe('{"a":"é"}');
  });

  it('refuses what is not base64url, not deflate data, or unpacks past the limit', async () => {
    await expect(decompressFromBase64Url('abc$def', 100)).rejects.toThrow('not base64url');
    await expect(decompressFromBase64Url(base64UrlEncode('plain text, not deflated'), 100)).rejects.toThrow('not compressed data');
    const bomb = await compressToBase64Url('0'.repeat(200_000));
    expect(bomb.length).toBeLessThan(1000);
    await expect(decompressFromBase64Url(bomb, 100_000)).rejects.toThrow('more than');
    // cut short when copied: the end of the stream is missing
    await expect(decompressFromBase64Url((await compressToBase64Url(gallium.text)).slice(0, 500), 1e6)).rejects.toThrow('cut short');
  });
});

describe('an edit as a JSON Patch against the shipped file', () => {
  const base = JSON.parse(gallium.text);

  it('is one operation for one field changed, and applying it gives the edited scenario', () => {
    const edited = structuredClone(base);
    edited.disruptions[0].severity.pert[0] = 0.9;
    const patch = diffScenario(base, edited);
    expect(patch).toEqual([{ op: 'replace', path: '/disruptions/0/severity/pert/0', value: 0.9 }]);
    expect(patchScenario(base, patch)).toEqual({ ok: true, data: edited });
    expect(base.disruptions[0].severity.pert[0]).not.toBe(0.9);
  });

  it('removes an item of a list in one operation, not by rewriting the items after it', () => {
    const edited = structuredClone(base);
    edited.disruptions.splice(0, 1);
    const patch = diffScenario(base, edited);
    expect(patch).toEqual([{ op: 'remove', path: '/disruptions/0' }]);
    expect(patchScenario(base, patch)).toEqual({ ok: true, data: edited });
  });

  it('says which operation does not apply, and refuses what is not a patch', () => {
    const result = patchScenario(base, [{ op: 'replace', path: '/disruptions/0/severity/pert/0', value: 1 }, { op: 'remove', path: '/nodes/99' }]);
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining('edit 2 of 2 (remove /nodes/99)') });
    expect(patchScenario(base, { op: 'remove' })).toMatchObject({ ok: false, error: expect.stringContaining('not a list') });
  });
});

describe('the link of a draft', () => {
  it.each([...SHIPPED.keys()])('%s with one field edited: under 2 kB, a patch, and it opens as the same scenario', async (id) => {
    const shipped = SHIPPED.get(id)!;
    const draft = draftWithValue(draftFromText(id, shipped.text), '/nodes/0/capacity', 1234.5);
    const hash = (await shareHashOf(draft))!;
    expect(hash.length).toBeLessThan(2000);
    expect(hash).toMatch(new RegExp(`^#scenario=${id}&base=[0-9a-f]{8}&edit=[A-Za-z0-9_-]+`));
    const opened = await openingDraft(hash);
    expect(opened.warning).toBeUndefined();
    expect(opened.draft.key).toBe(id);
    expect(opened.draft.data).toEqual(draft.data);
    expect(opened.draft.text).toBe(draft.text);
  });

  it('names an unedited shipped scenario by id, with a changed seed and trials beside it', async () => {
    const draft = draftWithValue(draftWithValue(draftFromText('gallium', gallium.text), '/seed', 7), '/trials', 40);
    expect(await shareHashOf(draft)).toBe('#scenario=gallium&seed=7&trials=40');
  });

  it('writes a wholly custom scenario compressed and whole, and opens it again', async () => {
    const text = formatScenario({ ...example, trials: 20 });
    const draft = draftFromText(example.id, text);
    const hash = (await shareHashOf(draft))!;
    expect(hash).toMatch(/^#z=[A-Za-z0-9_-]+&seed=.*&trials=20$/);
    // compressed: shorter than the same JSON in plain base64url
    expect(hash.length).toBeLessThan(base64UrlEncode(JSON.stringify(draft.data)).length * 0.6);
    const opened = await openingDraft(hash);
    expect(opened).toEqual({ draft: { key: example.id, text, data: draft.data } });
  });

  it('keeps the shorter of patch and whole when an edit rewrote most of a shipped file', async () => {
    const other = JSON.parse(SHIPPED.get('lithium')!.text);
    const draft = draftFromText('gallium', formatScenario(other));
    const [patch, whole] = shareStatesOf(draft);
    expect(patch.patch!.length).toBeGreaterThan(0);
    const [p, w] = [await shareHash(patch), await shareHash(whole)];
    expect(w.length).toBeLessThan(p.length);
    expect(await shareHashOf(draft)).toBe(w);
  });

  it('still opens links of the uncompressed form of earlier versions', async () => {
    const opened = await openingDraft(`#s=${base64UrlEncode(JSON.stringify(example))}&trials=9`);
    expect(opened.draft.data).toEqual({ ...example, trials: 9 });
  });

  it('warns when the edit was made to another version of the shipped file, and when it does not apply', async () => {
    const draft = draftWithValue(draftFromText('gallium', gallium.text), '/nodes/0/capacity', 1);
    const hash = (await shareHashOf(draft))!;
    const older = hash.replace(`base=${shippedHash('gallium')}`, 'base=00000000');
    const opened = await openingDraft(older);
    expect(opened.warning).toContain('another version');
    expect(opened.draft.data).toEqual(draft.data);

    const broken = `#scenario=gallium&edit=${await compressToBase64Url(JSON.stringify([{ op: 'remove', path: '/nodes/99' }]))}`;
    const refused = await openingDraft(broken);
    expect(refused.warning).toMatch(/could not be applied \(edit 1 of 1 \(remove \/nodes\/99\)/);
    expect(refused.draft.text).toBe(gallium.text);
  });

  it('says a damaged link is damaged instead of opening something else silently', async () => {
    expect(await readShareHash('#z=AAAA')).toEqual({ error: expect.stringContaining('the scenario in the link is damaged') });
    expect(await readShareHash(`#scenario=gallium&edit=${await compressToBase64Url('{"op":1}')}`)).toEqual({ error: expect.stringContaining('the edit in the link is damaged') });
    expect(await readShareHash('#other=1')).toBeNull();
  });
});

describe('the size a link may have', () => {
  it('accepts a link of the limit and refuses one character more, saying the limit and what to do', () => {
    const url = (n: number) => `http://localhost/#z=${'a'.repeat(n - 'http://localhost/#z='.length)}`;
    expect(linkTooLong(url(MAX_LINK_CHARS))).toBeNull();
    const message = linkTooLong(url(MAX_LINK_CHARS + 1))!;
    expect(message).toContain('32,769 characters');
    expect(message).toContain('32,768');
    expect(message).toContain('Export the scenario');
  });
});
