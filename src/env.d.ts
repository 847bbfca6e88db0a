/// <reference types="astro/client" />

declare namespace App {
  /** Per-page render context the MDX body components (P/H/Caption) read; set by the article route. */
  interface Locals {
    reading?: {
      locale: import('../core/script.ts').Locale;
      /** Href of the page a "第N版" continuation note refers to, or null when the archive lacks it. */
      continuationHref: (pageNumber: number) => string | null;
    };
  }
}
