import { join } from 'node:path';
import { corpusTrainingPages, readHoldout } from './lib/train/trainer.ts';
import { HEAD_TAGS } from './lib/headline.ts';
const pages = corpusTrainingPages(join(import.meta.dirname, '../tests/corpus/pages'), readHoldout(join(import.meta.dirname, '../tests/corpus/holdout.txt')), [() => ({})]);
let bad = 0, all = 0;
for (const p of pages) for (const g of p.heads) { all++; if (g.tags.some((t, i) => !g.constraints.allowed!(i, t))) { bad++; if (bad < 8) console.log(p.name, g.tags.map((t) => HEAD_TAGS[t]).join(' ')); } }
console.log(bad, '/', all);
