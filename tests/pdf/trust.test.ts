/**
 * The trust check (issue #16): a text layer without ToUnicode is reported as garbled, font by
 * font and line by line, while its regions stay usable; readable text passes.
 */
import { describe, expect, it } from 'vitest';
import { checkFont, commonHan } from '../../scripts/lib/pdf/trust.ts';
import type { PdfGlyph } from '../../scripts/lib/pdf/types.ts';
import { loadCase } from './fixtures.ts';

const glyphs = (text: string): PdfGlyph[] => [...text].map((ch, i) => ({ text: ch, box: { x: i * 10, y: 0, w: 10, h: 10 }, size: 10, font: 0, vertical: false, space: ch === ' ', seq: i }));
const NEWS = '本报讯（记者 王小明）近日，某某市举行春季植树活动，两千余名市民参加，共种下树苗一万二千株。活动现场还设置了科普展板，介绍树木养护知识。';

describe('trust check of a font’s text', () => {
  it('knows the 3,755 common characters of GB 2312 level 1', () => {
    const set = commonHan();
    expect(set.size).toBe(3755);
    for (const ch of '的一是在不了有和人这中大为上个国') expect(set.has(ch)).toBe(true);
    // Level 2 and beyond are not "common".
    for (const ch of '亍丌兀丐廿卅丕亘') expect(set.has(ch)).toBe(false);
  });

  it('trusts ordinary newspaper text', () => {
    const t = checkFont('F', glyphs(NEWS));
    expect(t).toMatchObject({ trusted: true, bad: 0, implausible: 0, reason: null });
    expect(t.han).toBeGreaterThan(40);
  });

  it('flags control characters, private-use characters, U+FFFD and glyphs mapped to nothing', () => {
    for (const bad of ['\u0001\u0002\u0003', '\uE000\uE001\uE002', '\uFFFD\uFFFD\uFFFD']) {
      const t = checkFont('F', glyphs(NEWS.slice(0, 20) + bad));
      expect(t.trusted, JSON.stringify(bad)).toBe(false);
      expect(t.bad).toBe(3);
    }
    const empty = glyphs(NEWS.slice(0, 20)).concat(glyphs('xxx').map((g) => ({ ...g, text: '' })));
    expect(checkFont('F', empty).trusted).toBe(false);
  });

  it('flags text of glyph ids read as code points (Latin letters in place of Han)', () => {
    const t = checkFont('F', glyphs('ǻǼǽǾÂǿ!Ȁĸ»ƴȁǚȂ$ȃ6ȄefǹǺŷŸűIĕƎ-ǔźŻǕǖ'));
    expect(t.trusted).toBe(false);
    expect(t.implausible).toBeGreaterThan(20);
  });

  it('flags Han text made of rare characters (a wrong mapping into the Han block)', () => {
    const rare = '亍丌兀丐廿卅丕亘丞鬲孬噩丨禺丿匕乇夭爻卮氐囟胤馗毓睾鼗丶亟鼐乜乩亓芈孛啬嘏仄厍厝厣厥厮靥赝匚叵匦匮匾赜卦卣刂刈刎刭刳刿剀剌剞剡剜蒯剽劂劁劐劓冂罔亻仃仉仂仨仡仫仞伛仳伢佤仵伥伧伉伫佞佧攸佚佝';
    const t = checkFont('F', glyphs(rare));
    expect(t.bad + t.implausible).toBe(0);
    expect(t.trusted).toBe(false);
    expect(t.reason).toMatch(/common/);
  });
});

describe('trust of the fixture pages', () => {
  it('reports the page without ToUnicode as garbled, every font and every line', async () => {
    const { page } = await loadCase('front-no-tounicode');
    expect(page.trust.text).toBe('garbled');
    expect(page.trust.fonts.every((f) => !f.trusted)).toBe(true);
    expect(page.lines.every((l) => !l.trusted)).toBe(true);
  });

  it('trusts the pages whose fonts map their glyphs', async () => {
    for (const name of ['front', 'front-identity-v']) {
      const { page } = await loadCase(name);
      expect(page.trust.text, name).toBe('ok');
      expect(page.lines.every((l) => l.trusted), name).toBe(true);
    }
  });
});
