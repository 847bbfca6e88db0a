/**
 * The 纠错 (report an error) link of every article (issue 11): a mailto: or web-form URL template
 * from the build's environment, `BAOKU_CORRECTION_URL`, with `{id}`, `{url}` and `{title}` filled
 * in (percent-encoded), so a reader's report names the article an archivist has to open.
 */

/** Used when BAOKU_CORRECTION_URL is unset: the reader's mail program, subject and body prefilled, recipient to fill in. */
export const DEFAULT_REPORT_TEMPLATE = 'mailto:?subject=%E7%BA%A0%E9%94%99%EF%BC%9A{title}%EF%BC%88{id}%EF%BC%89&body=%E6%96%87%E7%AB%A0%EF%BC%9A{url}%0A%0A%E9%94%99%E5%9C%A8%E5%93%AA%E9%87%8C%EF%BC%9A';

/** The configured template (read at build time). */
export function reportTemplate(env: Record<string, string | undefined> = process.env): string {
  return env.BAOKU_CORRECTION_URL?.trim() || DEFAULT_REPORT_TEMPLATE;
}

/**
 * The link for one article: each `{id}`, `{url}`, `{title}` of the template replaced by the value,
 * percent-encoded (so it is one query value, whatever it holds); other text of the template is kept.
 */
export function reportLink(template: string, fields: { id: string; url: string; title: string }): string {
  return template.replace(/\{(id|url|title)\}/g, (_, k: keyof typeof fields) => encodeURIComponent(fields[k]));
}
