/**
 * @fileoverview Font subsetting with HarfBuzz's hb-subset (the WebAssembly build shipped inside the
 * `harfbuzzjs` npm package). pdfkit subsets fonts itself, but its CFF subsetter keeps every global
 * subroutine slot of Noto CJK (about 50 KB per font even for one glyph); cutting the font down to
 * the page's characters first keeps each fixture PDF small.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

interface HbExports {
  memory: WebAssembly.Memory;
  malloc(n: number): number;
  free(p: number): void;
  hb_blob_create(data: number, length: number, mode: number, user: number, destroy: number): number;
  hb_blob_destroy(b: number): void;
  hb_blob_get_data(b: number, length: number): number;
  hb_blob_get_length(b: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(f: number): void;
  hb_face_reference_blob(f: number): number;
  hb_set_add(s: number, cp: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(i: number): void;
  hb_subset_input_unicode_set(i: number): number;
  hb_subset_or_fail(face: number, input: number): number;
}

let hb: HbExports | null = null;

function harfbuzz(): HbExports {
  if (hb) return hb;
  const path = createRequire(import.meta.url).resolve('harfbuzzjs/dist/harfbuzz-subset.wasm');
  const module = new WebAssembly.Module(readFileSync(path));
  hb = new WebAssembly.Instance(module, {}).exports as unknown as HbExports;
  return hb;
}

/** The font `faceIndex` of a font file (a collection's member) cut down to the given characters. */
export function subsetFont(file: Uint8Array, faceIndex: number, chars: Iterable<string>): Uint8Array {
  const h = harfbuzz();
  const ptr = h.malloc(file.length);
  new Uint8Array(h.memory.buffer).set(file, ptr);
  const blob = h.hb_blob_create(ptr, file.length, 2 /* HB_MEMORY_MODE_WRITABLE */, 0, 0);
  const face = h.hb_face_create(blob, faceIndex);
  h.hb_blob_destroy(blob);
  const input = h.hb_subset_input_create_or_fail();
  const set = h.hb_subset_input_unicode_set(input);
  for (const ch of chars) h.hb_set_add(set, ch.codePointAt(0)!);
  const sub = h.hb_subset_or_fail(face, input);
  try {
    if (!sub) throw new Error('hb-subset failed');
    const out = h.hb_face_reference_blob(sub);
    const data = h.hb_blob_get_data(out, 0);
    const bytes = new Uint8Array(h.memory.buffer).slice(data, data + h.hb_blob_get_length(out));
    h.hb_blob_destroy(out);
    return bytes;
  } finally {
    if (sub) h.hb_face_destroy(sub);
    h.hb_subset_input_destroy(input);
    h.hb_face_destroy(face);
    h.free(ptr);
  }
}
