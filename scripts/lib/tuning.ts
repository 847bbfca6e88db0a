/**
 * @fileoverview Every hand-set constant of the ingest, in one place, each with its reason (issue
 * #10). The line tagger's weights are learned (model/tagger.json); what remains here are the costs
 * of the page-wide headline assignment, the scores of rejoining text printed out of order, and the
 * thresholds of the confidence report. `npm run sensitivity` moves each and reports what the
 * corpus scores do (bench/sensitivity.md). The object is read at call time, so that report can
 * vary it; nothing else writes it.
 */
export const TUNING = {
  /** Headline assignment (assemble/assign.ts): the cost of each reading of the page's headline groups. */
  assign: {
    /** An article left without a headline: rare on a page, and the commonest error when a group is misassigned. */
    noHeadline: 4,
    /** Taking the headline printed after the body, the first time on a page (print order puts headlines first)… */
    after: 1.5,
    /** …and when the previous article did the same: extractions put headlines after bodies page-wide, in runs. */
    afterAgain: 0.5,
    /** Each further article back that a headline printed behind a run of bodies reaches (headlines put together after the bodies). */
    afterFar: 1,
    /** Each further article ahead that a headline printed before a run of bodies reaches (headlines put together first). */
    beforeFar: 1,
    /** An article that opens with a dateline (本报讯) whose headline would come after it. */
    afterWhenOpening: 0.5,
    /** Weight of a group reading's distance from the headline chain's best (its calibrated log-odds). */
    altReading: 2,
    /** Weight of how much of a headline its article restates (share of its character pairs in the body, 0–1). */
    match: 8,
    /** A headline line no article takes, between two articles. */
    leftoverLine: 2,
    /** Lines after the page's last article that no article takes: short ones are banners or slogans… */
    bannerShort: 0.25,
    /** …long ones more likely a headline. */
    bannerLong: 2,
    /** Width (cells) up to which a trailing line counts as short. */
    bannerShortWidth: 10,
  },
  /** Rejoining text printed out of order (assemble/rejoin.ts). */
  rejoin: {
    /** Score a continuation must reach to be joined to an open paragraph (below: left where it is). */
    minScore: 0.5,
    /** Both pieces set in columns of the same width (column layouts). */
    sameWidth: 1,
    /** Pieces set in columns of different widths. */
    otherWidth: -1.5,
    /** Weight of the shared wording (character pairs not common on the page), from 0 to 1. */
    wording: 3,
    /** The character pair across the join occurs elsewhere on the page. */
    joinSeen: 0.5,
    /** The open piece is the one two pieces back: side-by-side articles extracted alternately. */
    alternate: 0.75,
    /** The open piece is the one right before (a photo or sidebar came between). */
    adjacent: 0.25,
    /** Shared character pairs below this many are no evidence at all (a shared 发展 glued unrelated stories). */
    minSharedPairs: 3,
  },
  /** Section headings told from new articles by the bodies around them (assemble/sections.ts). */
  sections: {
    /** Shared wording (share of rare character pairs) the text after the line must have with the article before it. */
    minSimilarity: 0.05,
    /** …and how much more than with any other body on the page. */
    overOthers: 1,
    /** A line the tagger read as a headline with at least this score margin stays one. */
    sureMargin: 150,
  },
  /** Confidence (report.json; the calibration itself is learned with the weights). */
  confidence: {
    /** Decisions below this confidence are listed as doubts. */
    doubtBelow: 0.7,
  },
};

export type Tuning = typeof TUNING;
