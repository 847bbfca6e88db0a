/**
 * @fileoverview The one schema of Baoku's data (issue 14). Every shape that crosses a boundary is a
 * zod schema here and every type is inferred from it:
 *
 * - the gold page (`GoldPageSchema`): what an archivist publishes from one page, and what
 *   `ingest --json` prints (the archivists' gold schema);
 * - the catalog (`CatalogSchema`): `seeds/catalog.json`, edited by hand;
 * - the content collections the ingest writes and the site reads: article frontmatter
 *   (`ArticleFrontmatterSchema`, src/content/generated/articles/*.mdx) and page records
 *   (`PageRecordSchema`, src/content/generated/pages/*.json), plus `report.json` (`ReportSchema`);
 * - the search files the indexer writes and the search page reads: `search-docs/layout.json`
 *   (`SearchLayoutSchema`) and the per-article result documents (`ScriptDocSchema`).
 *
 * Each field is defined once, with its meaning; shapes that share fields reuse the definitions.
 * The gold shape keeps the archivists' snake_case keys (`continued_from`); the site's frontmatter
 * uses camelCase (`continuedFrom`) for the same field definition.
 *
 * zod comes from `astro/zod`, so the content collections (src/content.config.ts) use these very
 * schemas. It is never bundled for the browser (its namespace export would add ~90 KB gzip to the
 * search page); the search client checks what it downloads with src/lib/search/checks.ts, which
 * tests/search/checks.test.ts holds to the same verdicts as these schemas.
 */
import { z } from 'astro/zod';

// ── Text blocks ──────────────────────────────────────────────────────────────────────────────

/** Kinds of blocks of an article's body: paragraph, section heading (小标题), photo caption. */
export const BODY_BLOCK_TYPES = ['p', 'h', 'caption'] as const;

/** A block of an article's body. */
export const BodyBlockSchema = z.object({
  type: z.enum(BODY_BLOCK_TYPES),
  /** The block's text as printed, layout line breaks removed. */
  text: z.string(),
});
export type BodyBlock = z.infer<typeof BodyBlockSchema>;

/**
 * Kinds of page blocks that belong to no article: banner or slogan, 导读 teasers, series label and
 * intro, stray caption or credit, other text; and the page furniture of the gold schema's judgement
 * calls (date/editor header, standing notice, classified notices, display advertisement).
 */
export const OTHER_BLOCK_TYPES = ['banner', 'teasers', 'label', 'intro', 'header', 'notice', 'classified', 'ad', 'caption', 'credit', 'text'] as const;

/** A page block that belongs to no article. */
export const OtherBlockSchema = z.object({
  type: z.enum(OTHER_BLOCK_TYPES),
  text: z.string(),
});
export type OtherBlock = z.infer<typeof OtherBlockSchema>;

// ── Article fields, each defined once ────────────────────────────────────────────────────────

const nullableText = (meaning: string) => z.string().nullable().describe(meaning);

/** The headline parts and credit of an article: the same fields in the gold shape and the frontmatter. */
export const HeadlinePartsSchema = z.object({
  column: nullableText('recurring column or section label printed with the article (苕溪时评), or null'),
  kicker: nullableText('kicker — 引题: the headline line above the main title, or null'),
  title: nullableText('title — 主题: the main title (null only if the page prints none)'),
  subtitle: nullableText('subtitle — 副题: the headline line below the main title, or null'),
  byline: nullableText('a credit printed as its own line (唐骏 龚 檬), or null when the credit sits in the first paragraph'),
  authors: z.array(z.string()).describe('person names in the credit, spaces removed; [] if none'),
});
export type HeadlineParts = z.infer<typeof HeadlinePartsSchema>;

const continuedFrom = nullableText('"第1版" when the page says (上接第1版) or (紧接第1版)');
const continuedTo = nullableText('"第3版" when the page says (下转第3版)');
const truncatedStart = z.boolean().describe('the body visibly begins mid-sentence (its start is not on this page)');
const truncatedEnd = z.boolean().describe('the body visibly stops mid-sentence (the rest is not on this page)');

// ── Page geometry (issue #16: pages read from PDFs) ──────────────────────────────────────────

/** A box on a printed page in PDF points (1/72 in), origin at the top-left corner of the page as displayed, y downwards. */
export const BoxSchema = z.strictObject({
  x: z.number(),
  y: z.number(),
  w: z.number().nonnegative(),
  h: z.number().nonnegative(),
});
export type Box = z.infer<typeof BoxSchema>;

/**
 * Where an article is printed: the union box of its lines in each block, merged where the merged
 * box covers nothing else (one rectangle for a rectangular article, several for an L-shaped one).
 * Only pages read from a PDF have them.
 */
const regions = z.array(BoxSchema).describe('where the article is printed on its page (PDF points, top-left origin); only for pages read from a PDF');

/** Where a PDF page's text came from (report.json; scripts/lib/pdf-page.ts). */
export const PdfTextSchema = z.strictObject({
  /** `pdf`: the PDF's own text layer, in its geometric reading order; `txt`: the page's `.txt` (the layer could not be trusted). */
  text: z.enum(['pdf', 'txt']),
  /** The trust check of the text layer (pdf/trust.ts): every font passed, some did not, or there is no text at all. */
  trust: z.enum(['ok', 'garbled', 'none']),
  /** The fonts that failed it, and why. */
  untrusted: z.array(z.strictObject({ font: z.string(), reason: z.string() })),
  /** With text from the `.txt`: the share of characters lined up with the PDF's lines by order and length (regions need 0.9), or null. */
  aligned: z.number().min(0).max(1).nullable(),
  /** A `.txt` beside a PDF whose text layer is trusted is not used. */
  txtIgnored: z.boolean(),
});
export type PdfText = z.infer<typeof PdfTextSchema>;

// ── The gold page (ingest --json) ────────────────────────────────────────────────────────────

/** An article as the gold schema records it. */
export const ArticleSchema = z.strictObject({
  ...HeadlinePartsSchema.shape,
  continued_from: continuedFrom,
  continued_to: continuedTo,
  truncated_start: truncatedStart,
  truncated_end: truncatedEnd,
  body: z.array(BodyBlockSchema),
  regions: regions.optional(),
});
export type Article = z.infer<typeof ArticleSchema>;

/** One page in the gold schema: its articles in reading order and its non-article blocks. */
export const GoldPageSchema = z.strictObject({
  /** The page file's name, e.g. `000_3f2cd97355706aaa.txt`. */
  seed: z.string().min(1),
  articles: z.array(ArticleSchema),
  other: z.array(OtherBlockSchema),
  /** The archivist's free-text notes (gold files only; never printed by the ingest). */
  notes: z.string().optional(),
});
export type GoldPage = z.infer<typeof GoldPageSchema>;

// ── The catalog (seeds/catalog.json) ─────────────────────────────────────────────────────────

/** True for a real calendar date in `YYYY-MM-DD` form (no 2025-02-30). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** A URL slug an archivist may give a paper: lower-case ASCII letters and digits in runs joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** What a page record and the site know of a page beyond its text; every field may be unknown. */
export const PageMetaSchema = z.object({
  paper: nullableText('newspaper name as printed in the masthead (青禾日报), or null'),
  date: z.string().refine(isCalendarDate).nullable().describe('issue date as printed, ISO YYYY-MM-DD, or null; never invented'),
  pageNumber: z.number().int().positive().nullable().describe('page number (版次), 2 for 第2版, or null'),
  pageName: nullableText('page name (版名), e.g. 要闻, or null'),
  paperSlug: z
    .string()
    .regex(SLUG_PATTERN)
    .optional()
    .describe("the paper's URL slug from the catalog's papers (papers/<slug>/), absent: then it comes from the name (core/archive.ts paperSlugOf)"),
  paperFormerSlugs: z.array(z.string()).optional().describe("slugs the catalog says the paper was published under before: each becomes a redirect"),
});
export type PageMeta = z.infer<typeof PageMetaSchema>;

/** The metadata of a page absent from the catalog. */
export const EMPTY_META: PageMeta = { paper: null, date: null, pageNumber: null, pageName: null };

/** A catalog text field: trimmed; absent, null or blank is unknown. */
const catalogText = z
  .string({ error: 'must be a string' })
  .trim()
  .nullish()
  .transform((s) => s || null);

const WHOLE = 'must be a positive whole number';

/** One entry of the catalog as an archivist writes it: any field may be left out. */
export const CatalogEntrySchema = z
  .strictObject({
    paper: catalogText,
    date: catalogText.refine((s) => s === null || isCalendarDate(s), {
      error: (issue) => `"${String(issue.input).trim()}" is not a calendar date in YYYY-MM-DD form`,
    }),
    pageNumber: z.number({ error: WHOLE }).int({ error: WHOLE }).positive({ error: WHOLE }).nullish().transform((n) => n ?? null),
    pageName: catalogText,
    /** Free text for archivists; not published. */
    note: z.string().optional(),
  })
  .transform(({ paper, date, pageNumber, pageName }): PageMeta => ({ paper, date, pageNumber, pageName }));

/** What the catalog says of a paper (keyed by its name as printed). */
export const PaperEntrySchema = z.strictObject({
  /**
   * Its URL segment, `papers/<slug>/` (e.g. `yuhang-chenbao`). Without one the slug is the name
   * itself made URL-safe (core/archive.ts paperSlugOf); give one for an ASCII URL. Changing a
   * published slug breaks no link: the old URLs become redirect pages only while the old slug is
   * listed in `formerSlugs`.
   */
  slug: z
    .string({ error: 'must be a string' })
    .regex(SLUG_PATTERN, { error: 'must be lower-case letters a–z and digits, in runs joined by single hyphens (yuhang-chenbao)' })
    .refine((s) => s !== UNKNOWN_PAPER_SLUG, { error: '"unknown" is reserved for pages whose paper is not printed' })
    .optional(),
  /** Slugs the paper was published under before (each becomes a redirect to the current one). */
  formerSlugs: z.array(z.string().regex(/^[^\s/?#%\\]+$/, { error: 'must be one URL segment' })).optional(),
  /** Free text for archivists; not published. */
  note: z.string().optional(),
});
export type PaperEntry = z.infer<typeof PaperEntrySchema>;

/** URL segment of the pages whose paper is not printed (papers/unknown/). */
export const UNKNOWN_PAPER_SLUG = 'unknown';

/**
 * The catalog: metadata keyed by page id (the page file name without `.txt`; see README "Adding
 * pages" for ids under the folder convention), and what is known of each paper.
 */
export const CatalogSchema = z.object({
  pages: z.record(z.string(), CatalogEntrySchema).default({}),
  papers: z.record(z.string(), PaperEntrySchema).default({}),
});
export type Catalog = z.infer<typeof CatalogSchema>;

// ── Corrections and permanent ids (issue 11) ─────────────────────────────────────────────────

/** The headline parts and credit that hold page text (each counted by the conservation check). */
export const TEXT_FIELDS = ['column', 'kicker', 'title', 'subtitle', 'byline'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

/** A quote of the page's text as printed: white space is ignored when it is looked for. */
const quote = z
  .string({ error: 'must be a quote of the page text' })
  .refine((s) => s.replace(/\s+/gu, '').length > 0, { error: 'must quote some text of the page' });
const note = z.string().optional().describe('free text for archivists; a text correction shows it as its reason');

/**
 * One correction of a corrections file (`seeds/<page>.fix.yaml`, README "Corrections"). Each names
 * its operation by its one key, whose value is a quote anchoring it; the other keys are options.
 */
export const CORRECTION_SCHEMAS = {
  /** A new article begins at the quoted text. */
  split: z.strictObject({ split: quote, note }),
  /** The article holding `merge` and the one holding `with` are one article (in that order). */
  merge: z.strictObject({ merge: quote, with: quote, note }),
  /** The headline part or credit line holding the quote goes to the article holding `to`, as `as` (default: the part it is now). */
  move: z.strictObject({ move: quote, to: quote, as: z.enum(TEXT_FIELDS).optional(), note }),
  /** Fields of the article holding the quote: text fields take page text (a quote) or null; the rest are values. */
  set: z.strictObject({
    set: quote,
    column: quote.nullable().optional(),
    kicker: quote.nullable().optional(),
    title: quote.nullable().optional(),
    subtitle: quote.nullable().optional(),
    byline: quote.nullable().optional(),
    authors: z.array(z.string().min(1)).optional(),
    continued_from: z.string().min(1).nullable().optional(),
    continued_to: z.string().min(1).nullable().optional(),
    truncated_start: z.boolean().optional(),
    truncated_end: z.boolean().optional(),
    note,
  }),
  /** The headline part or block holding the quote (with `whole: true`, its whole article) belongs to no article, as a block of `type`. */
  other: z.strictObject({ other: quote, type: z.enum(OTHER_BLOCK_TYPES), whole: z.boolean().optional(), note }),
  /** The non-article block holding the quote is article text: a block of type `as` in the article holding `into`, or an article of its own. */
  article: z.strictObject({ article: quote, into: quote.optional(), as: z.enum(BODY_BLOCK_TYPES).optional(), note }),
  /** The quote runs across a paragraph break that is not one: the paragraphs it spans are one. */
  join: z.strictObject({ join: quote, note }),
  /** A new paragraph begins at the quoted text. */
  break: z.strictObject({ break: quote, note }),
  /** The block holding the quote is of type `as` (p, h, caption). */
  retype: z.strictObject({ retype: quote, as: z.enum(BODY_BLOCK_TYPES), note }),
  /** The printed text `correct` reads `to` (an empty string deletes it); `in` quotes its context when it occurs more than once. The printed text is kept. */
  correct: z.strictObject({ correct: quote, to: z.string(), in: quote.optional(), note }),
} as const;

/** The operations of a corrections file, in the order README documents them. */
export type CorrectionOp = keyof typeof CORRECTION_SCHEMAS;
export const CORRECTION_OPS = Object.keys(CORRECTION_SCHEMAS) as CorrectionOp[];
/** One correction, typed by its operation. */
export type Correction = { [K in CorrectionOp]: z.infer<(typeof CORRECTION_SCHEMAS)[K]> }[CorrectionOp];

/** A text correction as the article shows it (frontmatter `corrections`): the printed text is kept and shown. */
export const TextCorrectionSchema = z.object({
  /** Where: a headline part, or `body` (the body block `block`, from 0). */
  field: z.enum([...TEXT_FIELDS, 'body']),
  block: z.number().int().nonnegative().nullable(),
  /** The text as printed. */
  original: z.string(),
  /** The text as corrected. */
  corrected: z.string(),
  /** The printed text around it (up to 20 characters each side), as printed: what search finds. */
  context: z.string(),
  note: z.string().nullable(),
});
export type TextCorrection = z.infer<typeof TextCorrectionSchema>;

/** What became of one correction of a page's file (report.json). */
export const CorrectionStatusSchema = z.object({
  /** 1-based place in the file, and the file's line where it starts. */
  n: z.number().int().positive(),
  line: z.number().int().positive().nullable(),
  op: z.enum(Object.keys(CORRECTION_SCHEMAS) as [CorrectionOp, ...CorrectionOp[]]),
  /** `applied`: it changed the parse; `holds`: the parse already was so; `stale`: it no longer applies (an error unless downgraded). */
  status: z.enum(['applied', 'holds', 'stale']),
  /** Why it is stale, in Chinese, naming the text looked for. */
  message: z.string().nullable(),
});
export type CorrectionStatus = z.infer<typeof CorrectionStatusSchema>;

/** How an article id stopped being a live article. */
export const GONE_KINDS = ['merged', 'split', 'withdrawn'] as const;

/** One id of the registry (`seeds/ids.json`): live while `gone` is absent. */
export const RegisteredArticleSchema = z.strictObject({
  id: z.string().min(1),
  title: z.string().nullable(),
  /** Distinct three-character shingles of the article's text (white space removed). */
  n: z.number().int().nonnegative(),
  /** The smallest shingle hashes (base 36, space-separated): a sample of the text to match by similarity (scripts/lib/id-registry.ts). */
  sketch: z.string(),
  gone: z.enum(GONE_KINDS).optional(),
  /** Where its text went (merged, split): ids on the same page. */
  to: z.array(z.string()).optional(),
  /** In Chinese, for the page left at its URL. */
  reason: z.string().optional(),
});
export type RegisteredArticle = z.infer<typeof RegisteredArticleSchema>;

/** A page's ids in the registry: live ones in reading order, then gone ones by id. */
export const RegistryPageSchema = z.strictObject({
  seed: z.string().min(1),
  articles: z.array(RegisteredArticleSchema),
});
export type RegistryPage = z.infer<typeof RegistryPageSchema>;

/** `seeds/ids.json`: every article id ever published, by page (committed with the seeds). */
export const IdRegistrySchema = z.strictObject({
  format: z.literal(1),
  pages: z.record(z.string(), RegistryPageSchema),
});
export type IdRegistry = z.infer<typeof IdRegistrySchema>;

/** `gone/<id>.json`: an id whose article no longer exists, and where its text went (the `gone` collection). */
export const GoneArticleSchema = z.object({
  id: z.string().min(1),
  page: z.string().min(1),
  title: z.string().nullable(),
  status: z.enum(GONE_KINDS),
  /** Live article ids holding its text now (empty when withdrawn). */
  to: z.array(z.string()),
  /** In Chinese: what happened. */
  reason: z.string(),
});
export type GoneArticle = z.infer<typeof GoneArticleSchema>;
/** Columns of a CSV catalog (`seeds/catalog.csv`), in their usual order; `page` is required, the rest may be left empty. */
export const CATALOG_CSV_COLUMNS = ['page', 'paper', 'date', 'pageNumber', 'pageName', 'note'] as const;

// ── The content collections (src/content/generated/) ─────────────────────────────────────────

/** Encodings a page file is read in (scripts/lib/decode.ts). */
export const PAGE_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'big5'] as const;
export type PageEncoding = (typeof PAGE_ENCODINGS)[number];

/** How the extraction set a page's text (scripts/lib/lines.ts `Layout`). */
export const PAGE_LAYOUTS = ['column', 'paragraph'] as const;

/** Frontmatter of an article file (`articles/<id>.mdx`): the `articles` collection's data. */
export const ArticleFrontmatterSchema = z.object({
  /** Page id plus a hash of the article's opening text (scripts/lib/ids.ts): the article's URL. */
  id: z.string().min(1),
  /** Id of the page the article is printed on. */
  page: z.string().min(1),
  /** Place in the page's reading order, from 1. */
  order: z.number().int().positive(),
  ...HeadlinePartsSchema.shape,
  continuedFrom,
  continuedTo,
  truncatedStart,
  truncatedEnd,
  /** First and last source line of the article in the page file. */
  lines: z.tuple([z.number().int().positive(), z.number().int().positive()]),
  /** The article's lines as extracted, for readers who want to check the cleaning. */
  source: z.string(),
  /** Plain text of the body's paragraphs, white space removed, at most 120 characters: descriptions and feeds. */
  excerpt: z.string(),
  /** Text corrections of the article (issue 11): the text above is corrected, the printed text kept here and in `source`. */
  corrections: z.array(TextCorrectionSchema).optional(),
  regions: regions.optional(),
});
export type ArticleFrontmatter = z.infer<typeof ArticleFrontmatterSchema>;

/**
 * The printed page of a page read from a PDF (issue #16): the PDF to offer, and the page's images
 * (WebP, rendered by scripts/lib/pdf/render-fs.ts), as files of the ingest output's `media/`
 * folder, published at the same paths under the site's base.
 */
export const FacsimileSchema = z.strictObject({
  /** Page size in PDF points: the coordinate space of the articles' regions. */
  width: z.number().positive(),
  height: z.number().positive(),
  pdf: z.strictObject({
    /** Its path in the output (`media/<hash>/original.pdf`). */
    file: z.string(),
    /** The file name it is offered under (the seed file's). */
    name: z.string(),
    /** This page's number in it (1-based), and its number of pages (an issue's PDF holds several). */
    page: z.number().int().positive(),
    pages: z.number().int().positive(),
    /** SHA-256 of its bytes: the key of its renders. */
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    bytes: z.number().int().nonnegative(),
  }),
  /** The page's images, narrowest first (`media/<hash>/p<page>-w<width>.webp`). */
  images: z.array(z.strictObject({ width: z.number().int().positive(), height: z.number().int().positive(), file: z.string() })).min(1),
});
export type Facsimile = z.infer<typeof FacsimileSchema>;

/** A page record (`pages/<id>.json`): the `pages` collection's data. */
export const PageRecordSchema = z.object({
  /** The page file's name without `.txt`, made URL-safe (scripts/lib/ids.ts). */
  id: z.string().min(1),
  /** The page file's name. */
  seed: z.string().min(1),
  ...PageMetaSchema.shape,
  layout: z.enum(PAGE_LAYOUTS),
  encoding: z.enum(PAGE_ENCODINGS),
  /** Article ids in reading order. */
  articles: z.array(z.string()),
  other: z.array(OtherBlockSchema),
  /** The printed page, for a page read from a PDF (absent for text pages). */
  facsimile: FacsimileSchema.optional(),
});
export type PageRecord = z.infer<typeof PageRecordSchema>;

/** A decision the parser was not sure of, with its source line, for an archivist to review. */
export const DoubtSchema = z.object({
  line: z.number().int().positive(),
  /** In Chinese: the article, its lines, what the line was read as and what else it could be. */
  message: z.string(),
  /** The article concerned (0-based, reading order), when one is. */
  article: z.number().int().nonnegative().optional(),
  kind: z.enum(['boundary', 'headline', 'rejoin', 'assignment', 'missing-headline']).optional(),
  /** The calibrated chance that the decision is right. */
  confidence: z.number().min(0).max(1).optional(),
});

export type Doubt = z.infer<typeof DoubtSchema>;

/** How sure the parse is of one article (scripts/lib/confidence.ts): calibrated chances of being right. */
export const ArticleConfidenceSchema = z.object({
  /** The article's id (its URL is articles/<id>/). */
  id: z.string(),
  title: z.string().nullable(),
  /** First and last source line. */
  lines: z.tuple([z.number().int().positive(), z.number().int().positive()]),
  /** Its start and end. */
  boundary: z.number().min(0).max(1),
  /** Its headline parts; null when it has none on the page. */
  headline: z.number().min(0).max(1).nullable(),
  regions: regions.optional(),
});

/** What the report says of one page file. */
export const PageReportSchema = z.object({
  seed: z.string(),
  id: z.string(),
  ok: z.boolean(),
  error: z.string().optional(),
  articles: z.number().int().nonnegative().optional(),
  layout: z.enum(PAGE_LAYOUTS).optional(),
  encoding: z.enum(PAGE_ENCODINGS).optional(),
  doubts: z.array(DoubtSchema).optional(),
  /** Per article, in reading order: how sure the parse is (lowest first is what to review). */
  confidence: z.array(ArticleConfidenceSchema).optional(),
  /** Byte offsets of invalid UTF-8 sequences read as U+FFFD (only with `ingest --replace-invalid-utf8`). */
  replaced: z.array(z.number().int().nonnegative()).optional(),
  /** The page's corrections file (`<page>.fix.yaml`), if any, and what became of each correction. */
  corrections: z.object({ file: z.string(), items: z.array(CorrectionStatusSchema) }).optional(),
  /** A page read from a PDF (issue #16): the file and page, and where its text came from. */
  pdf: PdfTextSchema.extend({ file: z.string(), page: z.number().int().positive(), pages: z.number().int().positive() }).optional(),
});
export type PageReport = z.infer<typeof PageReportSchema>;

/** `report.json`: the whole run, for an archivist and for scripts. */
export const ReportSchema = z.object({
  pages: z.number().int().nonnegative(),
  converted: z.number().int().nonnegative(),
  articles: z.number().int().nonnegative(),
  doubts: z.number().int().nonnegative(),
  /** Inputs that could not be converted; the rest of the archive still builds. */
  warnings: z.array(z.string()),
  /** Pages whose characters were not conserved: these fail the build. */
  fatal: z.array(z.string()),
  reports: z.array(PageReportSchema),
});
export type Report = z.infer<typeof ReportSchema>;

/** A converted page as the ingest's page cache keeps it between runs (`.cache/ingest/<key>.json`, issue 6). */
export const CachedPageSchema = z.object({
  /** Output files of the page: path relative to the output folder, content. */
  files: z.array(z.tuple([z.string(), z.string()])),
  report: PageReportSchema,
  /** The page's ids as the registry holds them after this conversion (issue 11). */
  ids: RegistryPageSchema.optional(),
  /** Warnings the conversion gave (stale corrections downgraded to warnings). */
  warnings: z.array(z.string()).optional(),
});
export type CachedPage = z.infer<typeof CachedPageSchema>;

// ── The search files (dist/search-docs/) ─────────────────────────────────────────────────────

/** `search-docs/layout.json`: where the result documents and character files are, and the variants (core/search/shards.ts). */
export const SearchLayoutSchema = z.object({
  /** Version of the index format; a client reads only its own (SEARCH_FORMAT). */
  format: z.number().int().positive(),
  /** 0: one file per document (`<id>.<script>.sdoc`); N: `s<k>.<script>.sdoc` holding {id: doc}. */
  shards: z.number().int().nonnegative(),
  /** Number of articles indexed (ranks run from 0 to records − 1). */
  records: z.number().int().nonnegative(),
  /** Number of character files, `c<k>.sdoc` (core/search/tokens.ts). */
  charBuckets: z.number().int().positive(),
  /**
   * Pagefind indexes of consecutive ranks (scripts/lib/search/build-fs.ts): the first in pagefind/,
   * slice k in pagefind/s<k>/, merged into the first by the client.
   */
  slices: z.number().int().positive(),
  /** The archive's script-variant classes (core/search/variants.ts), space-separated. */
  variants: z.string(),
});
export type SearchLayout = z.infer<typeof SearchLayoutSchema>;

/**
 * What the search page fetches to show and verify a result in one script
 * (`search-docs/<result id>.<script>.sdoc`, gzipped JSON): display labels in that script and the
 * indexed text.
 */
export const ScriptDocSchema = z.object({
  id: z.string(),
  paper: z.string().nullable(),
  date: z.string().nullable(),
  /** The page's label as the site prints it (core/archive.ts pageLabel). */
  page: z.string().nullable(),
  column: z.string().nullable(),
  kicker: z.string().nullable(),
  title: z.string().nullable(),
  subtitle: z.string().nullable(),
  /** The indexed text (the page's data-pagefind-body), block breaks as newlines. */
  text: z.string(),
});
export type ScriptDoc = z.infer<typeof ScriptDocSchema>;

/** A document shard (`s<k>.<script>.sdoc`): result id → document. */
export const DocShardSchema = z.record(z.string(), ScriptDocSchema);

/**
 * `search-docs/meta.sdoc` (issue 12): per archive rank, what the search page filters, counts and
 * sorts by — the paper, the date (YYYYMMDD as a number, 0 unknown) and the column — as indexes into
 * the lists of names (-1 unknown). The page filters and sorts its results with it, so a date range,
 * counts beside every filter value and newest/oldest order cost one small download.
 */
export const SearchMetaSchema = z.strictObject({
  papers: z.array(z.string()),
  columns: z.array(z.string()),
  /**
   * Pagefind's result id of each rank: the page maps ranks (character files, shards) to results
   * with it, without asking Pagefind for the whole archive in rank order.
   */
  ids: z.array(z.string()),
  /** One row per rank: [paper index, date as YYYYMMDD or 0, column index]. */
  rows: z.array(z.tuple([z.number().int().min(-1), z.number().int().nonnegative(), z.number().int().min(-1)])),
});
export type SearchMeta = z.infer<typeof SearchMetaSchema>;

/** A character file (`c<k>.sdoc`): character → archive ranks of the articles holding it, delta-coded. */
export const CharFileSchema = z.record(z.string(), z.array(z.number().int().nonnegative()));

// ── Open data (issue 12: dist/articles/<id>.json, pages/<id>.json, papers/<slug>/<date>.json, data/) ──

/** Version of the open data's shape; a change that renames or removes a field raises it. */
export const OPEN_DATA_FORMAT = 1;

/**
 * One article as the open data gives it: the gold schema's fields (same names, snake_case), the
 * metadata of its page, where it is on the site, and its plain text in both scripts. Every article
 * file, line of a JSON Lines download and row of a CSV download has these fields (the CSV without
 * `body`, `authors` joined with "、").
 */
export const OpenArticleSchema = z.strictObject({
  id: z.string().describe('the article id (its address is articles/<id>/); permanent: the id registry (seeds/ids.json) keeps it through re-parses and corrections, and a gone id keeps a page saying where its text went'),
  url: z.string().describe("the article's web page: absolute when the archive was built with SITE_URL, else a path under the site's base"),
  paper: nullableText('newspaper name as printed, or null when the page does not print it'),
  date: z.string().nullable().describe('issue date YYYY-MM-DD as printed, or null; never estimated'),
  page_number: z.number().int().positive().nullable().describe('page number (版次), or null when not printed'),
  page_name: nullableText('page name (版名), e.g. 要闻, or null'),
  page_id: z.string().describe('id of the page the article is printed on (pages/<page_id>/)'),
  seed: z.string().describe('file name of the page text the article was rebuilt from'),
  order: z.number().int().positive().describe("place in the page's reading order, from 1"),
  ...HeadlinePartsSchema.shape,
  continued_from: continuedFrom,
  continued_to: continuedTo,
  truncated_start: truncatedStart,
  truncated_end: truncatedEnd,
  body: z.array(BodyBlockSchema).describe('the body in order: blocks of type p (paragraph), h (section heading, 小标题) or caption (photo caption), each {type, text}'),
  text_zh_hans: z.string().describe('plain text as printed (simplified): headline lines, credit line, then the body, blocks separated by blank lines'),
  text_zh_hant: z.string().describe('the same text in traditional characters (OpenCC cn→tw, no change of wording)'),
});
export type OpenArticle = z.infer<typeof OpenArticleSchema>;

/** One page as the open data gives it (`pages/<id>.json`): its metadata, its articles in reading order and its other blocks. */
export const OpenPageSchema = z.strictObject({
  format: z.literal(OPEN_DATA_FORMAT),
  id: z.string(),
  url: z.string(),
  seed: z.string(),
  paper: z.string().nullable(),
  date: z.string().nullable(),
  page_number: z.number().int().positive().nullable(),
  page_name: z.string().nullable(),
  /** The page's issue (`papers/<slug>/<date>.json`), when dated and its paper known. */
  issue: z.string().nullable(),
  articles: z.array(OpenArticleSchema),
  other: z.array(OtherBlockSchema),
});
export type OpenPage = z.infer<typeof OpenPageSchema>;

/** One issue as the open data gives it (`papers/<slug>/<date>.json`): its pages in page order. */
export const OpenIssueSchema = z.strictObject({
  format: z.literal(OPEN_DATA_FORMAT),
  paper: z.string(),
  paper_slug: z.string(),
  date: z.string(),
  url: z.string(),
  pages: z.array(OpenPageSchema.omit({ format: true })),
});
export type OpenIssue = z.infer<typeof OpenIssueSchema>;

/** One download of the whole archive (`data/<file>`), as the manifest `data/index.json` lists it. */
export const DownloadSchema = z.strictObject({
  file: z.string(),
  url: z.string(),
  format: z.enum(['jsonl', 'csv']),
  /** The year its articles were printed in, or null for the articles whose date is not printed. */
  year: z.string().nullable(),
  articles: z.number().int().nonnegative(),
  /** Size of the gzipped file in bytes, and the SHA-256 of those bytes. */
  bytes: z.number().int().nonnegative(),
  sha256: z.string(),
});
export type Download = z.infer<typeof DownloadSchema>;

/** `data/index.json`: the archive's downloads, for harvesters. */
export const DownloadManifestSchema = z.strictObject({
  format: z.literal(OPEN_DATA_FORMAT),
  articles: z.number().int().nonnegative(),
  files: z.array(DownloadSchema),
});
export type DownloadManifest = z.infer<typeof DownloadManifestSchema>;
