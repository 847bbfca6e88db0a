/**
 * @fileoverview Credits (署名): recognising a credit line and reading person names out of it.
 * A credit is printed as its own line (`某某日报记者 王小明`, `○李 华`, `■ 本报评论员`, `读者 张明`),
 * in brackets at the start of the lead (`本报讯（记者 王 芳 赵 小明）`), inline after the dateline
 * (`本报讯 记者 王芳 通讯员 赵明 从…`), as the lead's opening words (`本报记者王芳报道`), or in
 * brackets closing the last paragraph (`（通讯员 赵明 记者 王芳）`, `（王芳 赵明）`, `（记者 王芳 摄）`).
 * SCHEMA.md: roles and organisations are not names; an institutional credit names no one.
 */
import type { Article } from './assemble.ts';
import { CAPTION_CREDIT, DISPATCH_CREDIT, PRODUCTION_ROLES, INLINE_CREDIT, SCHOOL_CREDIT, LEAD_CREDIT_BRACKETS, OPENING_REPORTER, OPENING_DATED, OPENING_XUN, OPENING_RELAYED } from './conventions.ts';
import { ORG_SUFFIX, hanCount } from './text.ts';

/**
 * Chinese surnames: the single-character surnames of the 百家姓 and of the national surname
 * frequency tables (both scripts where they differ). Used only to tell a bare list of names
 * (`唐骏 龚 檬`) from a short phrase, and a name glued to a role word (`记者王芳`) from other words.
 */
const SURNAMES = new Set(
  (
    '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛奚范彭郎鲁韦昌马苗凤花方俞任袁柳酆鲍史唐费廉岑薛雷贺倪汤滕殷罗毕郝邬安常乐于时傅皮卞齐康伍余元卜顾孟平黄' +
    '和穆萧尹姚邵湛汪祁毛禹狄米贝明臧计伏成戴谈宋茅庞熊纪舒屈项祝董梁杜阮蓝闵席季麻强贾路娄危江童颜郭梅盛林刁钟徐邱骆高夏蔡田樊胡凌霍虞万支柯昝管卢莫经房裘缪干解应宗丁宣贲邓郁单杭洪包诸左石崔吉钮龚' +
    '程嵇邢滑裴陆荣翁荀羊於惠甄曲家封芮羿储靳汲邴糜松井段富巫乌焦巴弓牧隗山谷车侯宓蓬全郗班仰秋仲伊宫宁仇栾暴甘钭厉戎祖武符刘景詹束龙叶幸司韶郜黎蓟薄印宿白怀蒲邰从鄂索咸籍赖卓蔺屠蒙池乔阴胥能苍' +
    '双闻莘党翟谭贡劳逄姬申扶堵冉宰郦雍却璩桑桂濮牛寿通边扈燕冀郏浦尚农温别庄晏柴瞿阎充慕连茹习宦艾鱼容向古易慎戈廖庾终暨居衡步都耿满弘匡国文寇广禄阙东殴殳沃利蔚越夔隆师巩厍聂晁勾敖融冷訾辛阚那简饶空' +
    '曾毋沙乜养鞠须丰巢关蒯相查后荆红游竺权逯盖益桓公晋楚闫法汝鄢涂钦归海岳帅缑亢况郈有琴商牟佘佴伯赏墨哈谯笪年爱阳佟言福付肖覃闭由冼练粟蔺揭母佴苑迟邝区仝亓修赫战慕银隋' +
    '趙錢孫衛蔣瀋韓楊許呂張嚴華魏陶謝鄒喬竇蘇潘範彭魯韋馬鳳費廉薛賀湯羅畢鄔齊伍餘顧黃蕭堯鄧鄭馮陳褚鮑倪龐熊紀項祝董梁杜藍閔賈婁顏郭盛劉葉龍黎鄂賴藺蒙喬陸榮翁羅歐鍾徐駱夏蔡樊霍萬莫盧錢聶龔'
  ).split(''),
);
const COMPOUND_SURNAMES = ['欧阳', '歐陽', '司马', '司馬', '上官', '诸葛', '諸葛', '东方', '東方', '皇甫', '尉迟', '尉遲', '公孙', '公孫', '慕容', '长孙', '長孫', '宇文', '司徒', '夏侯', '轩辕', '軒轅', '令狐', '端木', '独孤', '獨孤', '南宫', '南宮', '西门', '西門', '濮阳', '濮陽', '澹台', '澹臺', '申屠', '太史', '呼延'];

/** Marks printed before a credit or a commentator's name: U+25CB ○, U+25CE ◎, U+25CF ●, U+25A1 □, U+25A0 ■, U+25C6 ◆ … */
const NAME_MARKS = /^[○◎●□■◆◇△▲☆★]\s*/u;

/**
 * Role words of a credit, longest first, in both scripts: staff roles, photo and writing credits,
 * and the signature of a reader's letter. A role glued to an organisation (`杭州日报记者`, `晚报记者`)
 * is stripped with it.
 */
const ROLE = '(?:本[报報]特约评论员|本[报報]評論員|本[报報]评论员|特约评论员|特約評論員|评论员|評論員|本[报報]记者|本[报報]記者|本[报報]通讯员|本[报報]通訊員|特约记者|特約記者|特派记者|特派記者|特派员|特派員|见习记者|見習記者|摄影记者|攝影記者|记者|記者|通讯员|通訊員|实习生|實習生|摄影|攝影|撰稿|撰文|整理|编辑|編輯|读者|讀者|文\\s*[/／]\\s*图|文\\s*[/／]\\s*圖|图\\s*[/／]\\s*文|圖\\s*[/／]\\s*文|[文图圖摄攝]\\s*[/／]|报道|報導)';
/** One-character credits (文, 图, 摄) are roles only as words of their own, or 摄 glued after a name. */
const ROLE_AT_START = new RegExp(`^(.*?)${ROLE}(.*)$`, 'u');
const ROLE_ONLY = new RegExp(`^(${ROLE}|摄|攝|文|图|圖)+$`, 'u');
/** Roles printed after the name (`王芳 摄`, `聂晨阳报道`, `王芳 文/图`); a staff role after a word (`晚报记者`) follows an organisation. */
const ROLE_AFTER_NAME = /(摄影|攝影|摄|攝|报道|報導|文\s*[/／]\s*图|文\s*[/／]\s*圖|图\s*[/／]\s*文|圖\s*[/／]\s*文|撰文|整理)$/u;

/**
 * Role words spaced out by justification (`记　者`, `通 讯 员`, `本 报 记 者`): each written with
 * spaces between its characters, to be read closed up.
 */
const SPACED_ROLE = new RegExp(
  ['本报记者', '本報記者', '特约记者', '特約記者', '见习记者', '見習記者', '记者', '記者', '通讯员', '通訊員', '实习生', '實習生', '评论员', '評論員', '读者', '讀者', '摄影', '攝影']
    .map((w) => [...w].join('[ \\t\\u3000]*'))
    .join('|'),
  'gu',
);

/** A credit text with its spaced-out role words closed up (`通   讯员 某某` → `通讯员 某某`). */
export function closeRoleSpaces(s: string): string {
  return s.replace(SPACED_ROLE, (w) => w.replace(/[ \t\u3000]+/gu, ''));
}

/** True when a token (spaces removed) reads as a person's name: surname + one or two characters. */
export function looksLikeName(token: string): boolean {
  if (!/^\p{Script=Han}{2,4}$/u.test(token)) return false;
  if (COMPOUND_SURNAMES.some((s) => token.startsWith(s))) return token.length >= 3;
  return SURNAMES.has(token[0]) && token.length <= 3;
}

/**
 * Groups the space-separated tokens of a credit into names. Typesetters space out two-character
 * names to the width of three (`王 芳`, `赵 小明`), so a lone character joins the token after it.
 */
function groupNameTokens(tokens: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const next = tokens[i + 1];
    if (t.length === 1 && next !== undefined && t.length + next.length <= 3 && /^\p{Script=Han}+$/u.test(next) && !ROLE_ONLY.test(next)) {
      out.push(t + next);
      i++;
    } else if (COMPOUND_SURNAMES.includes(t) && next !== undefined && next.length <= 2 && /^\p{Script=Han}+$/u.test(next)) {
      // `欧阳 娜`: a compound surname set apart from the given name.
      out.push(t + next);
      i++;
    } else out.push(t);
  }
  return out;
}

/** The pupil a school credit names (SCHOOL_CREDIT), when it reads as a name (not `…班同学合影`). */
function schoolPupil(credit: string): string | null {
  const m = SCHOOL_CREDIT.exec(credit);
  const name = m?.[1].replace(/\s+/gu, '') ?? '';
  return name && looksLikeName(name) ? name : null;
}

/** The furniture line's production roles, and the few a credit box adds (统筹, 监制, 设计); longest first. */
const PRODUCTION_ROLE = `(?:${[...PRODUCTION_ROLES, '值班編輯', '统筹', '統籌', '监制', '監製', '设计', '設計'].sort((a, b) => b.length - a.length).join('|')})`;
/**
 * The page's production staff with their names (`责任编辑：某某`, `版式 某某`, `校对：某某`): they made
 * the page, they wrote none of its articles — their names are never an article's authors.
 */
const PRODUCTION_CREDIT = new RegExp(`${PRODUCTION_ROLE}\\s*[：:]?\\s*(?:(?!${PRODUCTION_ROLE})\\p{Script=Han}[ \\t\\u3000]?){1,4}(?![\\p{Script=Han}])`, 'gu');

/** Person names in a credit text, spaces removed, in printed order; roles and organisations dropped. */
export function namesInCredit(credit: string): string[] {
  const pupil = schoolPupil(credit);
  if (pupil) return [pupil];
  const cleaned = closeRoleSpaces(credit)
    .replace(PRODUCTION_CREDIT, ' ')
    // The place a dispatch comes from is no name: `記者某某／台北報導` → `記者某某`.
    .replace(/[／/]\s*\p{Script=Han}{1,12}?(報導|報道|报道|报导)/gu, ' ')
    .replace(NAME_MARKS, '')
    .replace(/[（(][^（）()]*[)）]/gu, ' ')
    .replace(/[：:、，,；;]/gu, ' ');
  const tokens: string[] = [];
  // Names glued to a role word (`记者王芳`, joined across a line break) must read as names by
  // themselves; names set apart by spaces are names by their place in the credit.
  const glued = new Set<string>();
  for (const raw of cleaned.split(/\s+/u).filter(Boolean)) {
    // Trailing roles first (`王芳摄`, `聂晨阳报道`), then what precedes the last role word:
    // `某某日报记者` is an organisation and a role (nothing left), `记者王芳` a role and a name.
    let t = raw;
    while (t && ROLE_AFTER_NAME.test(t) && !ROLE_ONLY.test(t)) t = t.replace(ROLE_AFTER_NAME, '');
    for (let guard = 0; guard < 4; guard++) {
      const m = ROLE_AT_START.exec(t);
      if (!m) break;
      t = m[2];
      if (t) glued.add(t);
      else break;
    }
    if (t && !ROLE_ONLY.test(t)) tokens.push(t);
  }
  const names: string[] = [];
  for (const t of groupNameTokens(tokens)) {
    if (!/^\p{Script=Han}{2,4}$/u.test(t)) continue;
    if (glued.has(t) && !looksLikeName(t)) continue;
    if (t.length >= 3 && ORG_SUFFIX.test(t) && !looksLikeName(t)) continue;
    if (t.length === 4 && !COMPOUND_SURNAMES.some((s) => t.startsWith(s))) continue;
    names.push(t);
  }
  return names;
}

/**
 * True when a whole line is a credit printed on its own: role words with names
 * (`某某日报记者 王小明`), an ornament with a name or an institution (`○李 华`, `■ 本报评论员`),
 * a reader's signature (`读者 张明`), or a bare list of names (`唐骏 龚 檬`).
 * Sentences, headlines and captions are not credits.
 */
const creditMemo = new Map<string, boolean>();

export function isCreditLine(line: string): boolean {
  const known = creditMemo.get(line);
  if (known !== undefined) return known;
  const v = creditLine(line);
  if (creditMemo.size > 20_000) creditMemo.clear();
  creditMemo.set(line, v);
  return v;
}

function creditLine(line: string): boolean {
  const s = closeRoleSpaces(line.trim());
  if (!s || s.length > 40 || /[，。！？,!?；;“”"]/u.test(s)) return false;
  if (schoolPupil(s)) return true;
  if (/(摄|攝)$/u.test(s) && !/(文\s*[/／]\s*图|文\s*[/／]\s*圖)/u.test(s)) return false;
  const bare = s.replace(NAME_MARKS, '');
  if (NAME_MARKS.test(s)) {
    const rest = bare.replace(/\s+/g, '');
    if (looksLikeName(rest) || ROLE_ONLY.test(rest) || /^本[报報]?(评论员|評論員)$/u.test(rest)) return true;
  }
  if (new RegExp(ROLE, 'u').test(bare)) {
    const names = namesInCredit(s);
    const words = bare.split(/\s+/u).filter(Boolean);
    // Every word is a role, an organisation or a name: nothing that reads as a sentence.
    return (names.length > 0 || ROLE_ONLY.test(bare.replace(/\s+/g, ''))) && hanCount(s) <= 30 && words.length <= 8;
  }
  // A bare list of at least two names.
  const grouped = groupNameTokens(bare.split(/\s+/u));
  return grouped.length >= 2 && grouped.every(looksLikeName);
}

/** A photo credit in brackets closing a line: （图片由…提供）, （本报记者 某某 摄）, （视觉中国供图）. */
const BRACKETED_END = /[（(][^（）()]{1,40}[)）]\s*$/u;
/** A writer's and photographer's credit in one (`（文/图 某某）`): the article's, not a caption's. */
const TEXT_AND_PHOTO = /文\s*[/／]\s*[图圖]|[图圖]\s*[/／]\s*文/u;

/** What an agency's photo credit says before its bracket: 新华社发(某某 摄), 中新社记者(…). */
const AGENCY_CREDIT = /^(新华社|新華社|中新社|中通社|人民图片|人民圖片)(记者|記者)?(发|發)?$/u;

/**
 * Where a line's photo credit sits: `alone` — a bracketed credit is all the line holds
 * (`（图片由余杭区委宣传部提供）` under a caption's words); `closing` — the credit closes a caption's words
 * (`谭德厚在铺子里编织竹篮。（严文博 摄）`, `径山村（图片由…提供）`, `列车从西站驶出 郑锋龙 摄`); null — no
 * photo credit, or a line that is a credit and nothing else (`本报记者 卫雅 摄`, `新华社发(某某 摄)`),
 * which papers print as a photo-news item's byline too.
 * Either way the credit is typeset as part of a caption or a photo item's text, never as a byline,
 * and a credit alone ends the caption or paragraph above it. On the hand-made and generated pages
 * none of the lines found so is a credit line, headline or heading, and none alone opens an article
 * (tests/ingest/credit.test.ts has the counts' examples).
 */
export function photoCreditPlace(text: string): 'alone' | 'closing' | null {
  const t = text.trim();
  if (!CAPTION_CREDIT.test(t) || TEXT_AND_PHOTO.test(t)) return null;
  const bracket = BRACKETED_END.exec(t);
  if (bracket) {
    const before = t.slice(0, bracket.index).replace(/\s/gu, '');
    if (before === '') return 'alone';
    return AGENCY_CREDIT.test(before) ? null : 'closing';
  }
  // Unbracketed (… 某某 摄): a caption's words when what precedes 摄 is not a credit line itself.
  const rest = t.replace(/\s*(摄影|攝影|摄|攝|发|發)\s*$/u, '');
  return rest && !isCreditLine(rest) && !AGENCY_CREDIT.test(rest.replace(/\s/gu, '')) ? 'closing' : null;
}

/** The credit text of a lead paragraph (`本报讯（记者 俞杰）…` → `记者 俞杰`), or null. */
export function leadCredit(paragraph: string): string | null {
  const t = closeRoleSpaces(paragraph.trim());
  const dateline = OPENING_XUN.exec(t) ?? OPENING_DATED.exec(t) ?? OPENING_RELAYED.exec(t);
  const rest = dateline ? t.slice(dateline[0].length) : t;
  const dispatch = DISPATCH_CREDIT.exec(rest);
  if (dispatch) return dispatch[1];
  const m = LEAD_CREDIT_BRACKETS.exec(rest);
  if (m) return m[0].trim().replace(/^[（(]|[)）]$/gu, '');
  if (dateline && INLINE_CREDIT.test(t)) {
    // 本报讯 记者 王芳 通讯员 赵明 从…: role and name words up to the first word that is neither.
    const words = rest.trim().split(/\s+/u);
    const kept: string[] = [];
    const role = new RegExp(ROLE, 'u');
    for (const w of words) {
      // A role, a name after a role, or a name glued to a role (`蓝溪通讯员`, `记者蓝溪`).
      if (ROLE_ONLY.test(w) || (/^\p{Script=Han}{1,4}$/u.test(w) && kept.length > 0) || (role.test(w) && w.length <= 10 && /^\p{Script=Han}+$/u.test(w) && namesInCredit(w).length > 0)) kept.push(w);
      else break;
    }
    if (kept.length >= 2) return kept.join(' ');
  }
  const r = OPENING_REPORTER.exec(t);
  if (r) return r[0];
  return null;
}

/** A credit in brackets closing a paragraph: （通讯员 赵明 记者 王芳）, （王芳 赵明）, （王芳）, （记者 王芳 摄）. */
export function closingCredit(paragraph: string): string | null {
  const m = /[（(]([^（）()]{2,40})[)）]\s*$/u.exec(paragraph.trim());
  if (!m) return null;
  const inner = closeRoleSpaces(m[1].trim());
  if (/(作者|作者系|作者为|作者為)/u.test(inner)) return null;
  if (new RegExp(ROLE, 'u').test(inner) && namesInCredit(inner).length > 0 && !/[，。,]/u.test(inner)) return inner;
  const words = inner.split(/\s+/u);
  if (words.length >= 2 && groupNameTokens(words).every(looksLikeName)) return inner;
  // One name alone in brackets closing the text (…两万多斤。（柯文军））: its writer (29 of 30
  // such paragraphs in the training pages credit their author so).
  if (words.length === 1 && looksLikeName(inner)) return inner;
  return null;
}

/** A photographer's credit closing a photo-news text without brackets: `… 本报记者 王芳 摄`. */
function trailingPhotoCredit(paragraph: string): string | null {
  const m = /\s((?:(?:本[报報])?(?:记者|記者|通讯员|通訊員)\s*)?(?:\p{Script=Han}\s?){2,4}(?:\s+(?:\p{Script=Han}\s?){2,4})*)\s*(摄|攝|摄影|攝影)\s*$/u.exec(paragraph.trim());
  return m && namesInCredit(m[1]).length ? m[1] : null;
}

/**
 * The credit that names an article's authors: its byline, else the lead's credit, else a credit
 * closing the last paragraph (a report's or a photo's). Captions never: their photographer is not
 * an author of a written report (SCHEMA.md, Photos).
 */
export function creditOfArticle(a: Pick<Article, 'byline' | 'body'>): string | null {
  if (a.byline) return a.byline;
  const paras = a.body.filter((b) => b.type === 'p');
  for (const p of paras.slice(0, 2)) {
    const c = leadCredit(p.text.replace(/^[（(][^（）()]*(接|轉|转)[^（）()]*[)）]\s*/u, ''));
    if (c) return c;
  }
  const last = paras[paras.length - 1];
  if (last) return closingCredit(last.text) ?? trailingPhotoCredit(last.text);
  return null;
}
