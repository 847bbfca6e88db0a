/**
 * Route data of the RSS feed: the newest articles (simplified), dated pages newest first across
 * papers, undated after, at most FEED_ITEMS — a feed tells what is new, and must not grow with the
 * archive (issue 6). Dates only where the page date is known.
 */
import { articleTitle, type Archive } from '../../../core/archive.ts';
import { routes } from '../../../core/paths.ts';
import type { FeedItem } from '../seo.ts';
import { absolute } from '../site.ts';

/** Items in the feed at most. */
export const FEED_ITEMS = 100;

/** The feed's items: archive order, then newest date first (stable, so reading order holds within a date). */
export function feedItems(archive: Archive, site: URL | undefined, max = FEED_ITEMS): FeedItem[] {
  const items = archive.articleOrder.map((id) => {
    const a = archive.articles.get(id)!;
    const date = archive.pages.get(a.page)!.date;
    return { title: articleTitle(a), link: absolute(site, 'zh-hans', routes.article(id)), description: a.excerpt, date };
  });
  items.sort((x, y) => (x.date === y.date ? 0 : x.date === null ? 1 : y.date === null ? -1 : x.date < y.date ? 1 : -1));
  return items.slice(0, max);
}
