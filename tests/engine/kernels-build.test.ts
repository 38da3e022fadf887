import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script, no types
import { compileKernels, kernelsModuleText, KERNELS_MODULE } from '../../scripts/kernels-build.mjs';

describe('the engine\'s WebAssembly kernels', () => {
  it('are current: compiling assembly/ again gives the committed src/engine/kernels-wasm.ts (run npm run kernels after changing it)', async () => {
    const kernels: { binary: Uint8Array; declarations: string } = await compileKernels();
    expect(kernels.binary.length).toBeGreaterThan(100);
    expect(readFileSync(KERNELS_MODULE, 'utf8')).toBe(kernelsModuleText(kernels));
  });
});
