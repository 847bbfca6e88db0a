/**
 * @fileoverview Printing conventions of Chinese newspapers that a line shows by itself (issue #10):
 * openings of reports, credits, captions, page furniture, notices, interview labels, sidebars.
 * Each is a named pattern tested in tests/ingest/conventions.test.ts on examples written for it;
 * none decides alone — they are features that the learned line scorer (tagger.ts) weighs.
 */

const HAN = '\\p{Script=Han}';

/** 本报讯 / 本報訊 / 本刊讯 / 某某网讯 / 某某日报讯: the dateline of a staff report. */
export const OPENING_XUN = new RegExp(`^\\s*[【［\\[]?\\s*(本[报報刊]訊|本[报報刊]讯|${HAN}{1,8}(网|網|报|報|台|社)(讯|訊))\\s*[】］\\]]?`, 'u');

/** A dated dispatch: 本报北京3月5日电, 新华社杭州1月5日电, 本报讯 记者 … 报道 is not one. */
export const OPENING_DATED = new RegExp(`^\\s*(据\\s*)?(本[报報]|新华社|新華社|中新社|${HAN}{2,6}(社|网|網|报|報))\\s*${HAN}{0,8}\\s*([0-9０-９]{1,2}\\s*月\\s*[0-9０-９]{1,2}\\s*日)?\\s*(电|電)(?![子话話视視脑腦力梯影网網器池线線缆纜费費])`, 'u');

/** 据新华社…电 / 据某某报道 / 据央视新闻: a report relayed from an agency or another outlet. */
export const OPENING_RELAYED = new RegExp(`^\\s*据\\s*(新华社|新華社|中新社|人民日报|人民日報|央视|央視|${HAN}{2,8}(社|网|網|报|報|台))`, 'u');

/** 本报记者某某报道 / 记者 某某 报道 as the opening words of a lead. */
export const OPENING_REPORTER = new RegExp(`^\\s*(本[报報])?(记者|記者)\\s*(${HAN}\\s?){2,4}\\s*(报道|報導|报导)`, 'u');

/**
 * A dispatch credit naming reporters and the place they report from, as papers in traditional
 * script print it: `〔記者陳某某／台北報導〕`, `〔自由時報記者甲某、乙某/綜合報導〕`,
 * `〔駐美特派員某某/華府二十日報導〕`, or `記者某某／新竹報導` on its own line. Group 1 is the role
 * and names; the place (and date) before 報導 is dropped from the credit.
 */
export const DISPATCH_CREDIT = new RegExp(`^\\s*[〔［\\[【（(]?\\s*(${HAN}{0,8}?(?:記者|记者|特派員|特派员|通訊員|通讯员)\\s*${HAN}{2,4}(?:[、，,\\s]\\s*${HAN}{2,4}){0,5})\\s*[／/]\\s*${HAN}{1,12}?(?:報導|報道|报道|报导)\\s*[〕］\\]】）)]?`, 'u');

/**
 * A pupil's credit under a composition in a school or children's paper: the school, the class and
 * the pupil, with the supervising teacher after it (`某某县实验小学 四（2）班 某某 指导老师：某某`).
 * Group 1 is the pupil; the teacher supervised and is not an author (SCHEMA: credits name writers).
 */
export const SCHOOL_CREDIT = new RegExp(`^\\s*[□■○◎●◆]?\\s*${HAN}{2,16}(?:小学|小學|中学|中學|学校|學校|中心校)\\s*(?:[一二三四五六七八九初高]{1,2}\\s*(?:年级|年級)?\\s*[（(]\\s*[0-9０-９一二三四五六七八九十]{1,2}\\s*[)）]\\s*班|[一二三四五六七八九初高](?:年级|年級)\\s*[0-9０-９一二三四五六七八九十]{1,2}\\s*班)\\s*((?:${HAN}\\s?){2,4}?)\\s*(?:(?:指导|指導)(?:老师|教师|老師|教師)\\s*[：:]?\\s*(?:${HAN}\\s?){2,4})?\\s*$`, 'u');

/** A bracketed credit at the start of a lead: （记者 林小禾 通讯员 周一鸣）. */
export const LEAD_CREDIT_BRACKETS = /^\s*[（(][^（）()]{0,60}?(记者|記者|通讯员|通訊員|实习生|實習生|特约|特約|融媒体中心|融媒體中心|见习|見習)[^（）()]{0,60}?[)）]/u;

/** Credit words inline after a dateline without brackets: 本报讯 记者 林小禾 通讯员 周一鸣 从…. */
export const INLINE_CREDIT = new RegExp(`^\\s*(本[报報刊][讯訊]|${HAN}{1,8}(网|網|报|報)(讯|訊))\\s*(记者|記者|通讯员|通訊員)\\s*(${HAN}\\s?){2,4}`, 'u');

/** Any opening of a report by itself (dateline, dispatch, relay, reporter opening, bracketed credit). */
export function opensReport(text: string): boolean {
  return OPENING_XUN.test(text) || OPENING_DATED.test(text) || OPENING_RELAYED.test(text) || OPENING_REPORTER.test(text) || DISPATCH_CREDIT.test(text) || LEAD_CREDIT_BRACKETS.test(text);
}

/** Role words of a credit (记者, 通讯员, 实习生, 摄影, 评论员 …), in simplified and traditional script. */
export const CREDIT_ROLE = /(本[报報]评论员|本[报報]評論員|评论员|評論員|特约记者|特約記者|特派记者|特派記者|特派员|特派員|见习记者|見習記者|记者|記者|通讯员|通訊員|实习生|實習生|摄影|攝影|摄|攝|文\s*[/／]\s*图|文\s*[/／]\s*圖|撰稿|编辑|編輯|读者|讀者|特约评论员|特約評論員)/u;

/** Ornaments printed before a credit or a commentator's name: U+25A0 ■ U+25A1 □ U+25CB ○ U+25CE ◎ U+25CF ● U+25C6 ◆ U+25C7 ◇ U+2605 ★ U+2606 ☆ U+25B2 ▲ U+25B3 △. */
export const ORNAMENT_START = /^\s*[■□○◎●◆◇★☆▲△]/u;

/** An ornament-only or rule line (`***`, `———`, `◆◆◆`). */
export const ORNAMENT_ONLY = /^[\s*＊·•■□○◎●◆◇★☆▲△—\-=_~～]+$/u;

/** Photo credit at the end of a caption: 某某 摄, （记者 某某 摄）, （图片由…提供）, （视觉中国供图）, 新华社发. */
export const CAPTION_CREDIT = new RegExp(
  `([（(]\\s*(图片由|圖片由|图由|照片由|图片来源|圖片來源|图\\s*[/／:：]|摄影?\\s*[:：]).{0,40}[)）]|[（(]\\s*(资料|資料)?(图|圖|照片)\\s*[)）]|\\s(${HAN}\\s?){2,4}\\s*(摄|攝|摄影|攝影)|[（(]\\s*(本[报報])?(记者|記者|通讯员|通訊員)?\\s*[^（）()]{2,24}\\s*(摄|攝|摄影|攝影)\\s*[)）]|[（(]\\s*${HAN}{2,12}(供图|供圖|提供|发|發)\\s*[)）]|(新华社|新華社|中新社)(记者|記者)?\\s*(${HAN}\\s?){0,4}\\s*(发|發|摄|攝))\\s*$`,
  'u',
);

/** Caption openings: 图为…, 上图：…, 下图：…, 左图 右图, 图① 图1. */
export const CAPTION_START = /^\s*(图为|圖為|[上下左右中]图[：:]|[上下左右中]圖[：:]|图\s*[①②③④⑤⑥1-9]|圖\s*[①②③④⑤⑥1-9])/u;

/** A continuation marker, with or without 第: （上接第1版）（下转2版）（转A3）（上接A1版）（紧接第3版）. */
export const MARKER_ANY = /[（(]\s*(上接|紧接|緊接|接|下转|下轉|转|轉|续|續|转至|轉至)\s*((?:第\s*)?[A-Za-z]?\s*[\d０-９一二三四五六七八九十]{1,3}\s*(?:版|页|頁)?)\s*[)）]/u;

/** True when a marker word points forward (下转, 转): the article goes on elsewhere. */
export function markerPointsOn(word: string): boolean {
  return /^(下转|下轉|转|轉|转至|轉至)$/u.test(word);
}

/** Page furniture: a date/weekday/editor line (2025年4月18日 星期五 责任编辑：林晓). */
/** The page's production staff, as a page's furniture line names them (责任编辑：某某 美编：某某). */
export const PRODUCTION_ROLES = ['责任编辑', '責任編輯', '责编', '責編', '版式', '美编', '美編', '校对', '校對', '组版', '組版', '值班编辑', '本版编辑', '本版編輯'];
export const FURNITURE = new RegExp(`(星期[一二三四五六日天]|週[一二三四五六日]|${PRODUCTION_ROLES.join('|')}|\\b[A-Z]?\\d{1,2}\\s*版\\s*$|^第?\\s*[A-Z]?\\d{1,2}\\s*版\\s|^\\s*\\d{4}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日\\s*$)`, 'u');

const ENDS_ON_MARKER = new RegExp(`(?:${MARKER_ANY.source})\\s*$`, 'u');

/** The continuation marker a text ends on (……（下转第3版）, ……（上接A1版）), or null. */
export function endsOnMarker(text: string): RegExpExecArray | null {
  return ENDS_ON_MARKER.exec(text);
}

/** 导读 teasers: lines pointing to another page (>>>>详见第5版, 详见A3版, 見第2版). */
export const TEASER_POINTER = /[>》]{2}[^>》]{0,40}(第\s*\S{1,4}\s*版|[A-Z]\d{1,2})|(详见|詳見|见|見)\s*(第\s*\S{1,4}\s*版|[A-Z]\d{1,2}\s*版?)/u;

/** Words of notices and classified ads: 特此公告, 遗失声明, 作废, 联系电话, 地址, 邮箱, 截止. */
export const NOTICE_WORDS = /(特此(公告|通告|声明|聲明|告知|通知)|遗失|遺失|作废|作廢|声明|聲明|联系电话|聯繫電話|咨询电话|諮詢電話|联系人|聯繫人|电话[:：]|電話[:：]|地址[:：]|邮箱|郵箱|投稿|征稿|徵稿|来稿|來稿|截止|报名|報名)/u;

/** A phone number or long digit run (7+ digits, with dashes). */
export const PHONE = /\d{3,4}[-—－]?\d{7,8}|1[3-9]\d{9}|\d{7,}/u;

/** An interview speaker label at the start: 记者：, 本报记者：, 问：, 答：, 主持人：, 某某：. */
export const SPEAKER = new RegExp(`^\\s*(记者|記者|本[报報]记者|本[报報]記者|主持人|问|問|答|${HAN}{2,4})\\s*[：:]`, 'u');

/** A numbered item: 一、 （一） 1. 1、 (1) ①. */
export const NUMBERED = /^\s*([一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}\s*[.．、]|[①②③④⑤⑥⑦⑧⑨⑩])/u;

/** A sidebar or box label on its own line: 链接, 背景, 相关阅读, 延伸阅读, 小贴士, 记者手记, 编者按. */
export const BOX_LABEL = /^\s*[【\[［]?\s*(新闻链接|新聞鏈接|相关链接|相關鏈接|链接|鏈接|背景|相关阅读|相關閱讀|延伸阅读|延伸閱讀|小贴士|小貼士|记者手记|記者手記|编者按|編者按|数读|數讀|短评|短評|快评|快評)\s*[】\]］]?\s*[：:]?\s*$/u;

/** 编者按 opening a paragraph: an editor's note (SCHEMA: the first paragraph of its article). */
export const EDITOR_NOTE = /^\s*[【\[［]?\s*(编者按|編者按|编者的话|編者的話)/u;

/** （作者系…） / （作者为…） closing a commentary. */
export const AUTHOR_NOTE = /[（(]\s*(作者|作者系|作者為|作者为|本文作者)[^（）()]{1,60}[)）]\s*$/u;

/** A subtitle line: starts with a dash (——, —, －－). */
export const SUBTITLE_DASH = /^\s*(——|—|－－|--)/u;

/** A line letter-spaced as a label (`云 岭 论 坛`): single characters separated by spaces. */
export const LETTER_SPACED = new RegExp(`^(${HAN}\\s+){1,7}${HAN}$`, 'u');

/** A column label set letter-spaced before a headline on the same line: `东 湖 漫 笔 春天里的约定`. */
export const LETTER_SPACED_PREFIX = new RegExp(`^((?:${HAN}\\s){2,6}${HAN})\\s+(\\S{2,}.*)$`, 'u');

/** A date on a line of its own (a notice's or letter's date: 2025年9月2日, 二〇二五年九月二日). */
export const DATE_LINE = /^\s*([0-9０-９]{4}|[〇零一二三四五六七八九]{4})\s*年\s*[0-9０-９一二三四五六七八九十]{1,2}\s*月\s*[0-9０-９一二三四五六七八九十]{1,3}\s*日\s*$/u;

/** A line that is only an organisation's name (a notice's signing body): ends with 局, 委员会, 公司, 人民政府 …, no punctuation. */
export const ORG_LINE = /^[\p{Script=Han}（）()·]{4,30}(人民政府|委员会|管委会|办公室|局|厅|署|处|所|站|支队|大队|公司|集团|中心|法院|检察院|部|社|协会|学会|学校|大学|学院|医院|银行)$/u;

/** The closing formula of a notice: 特此公告。特此通告。特此声明。 */
export const NOTICE_CLOSE = /^\s*特此(公告|通告|声明|聲明|通知|告知|公示)[。.]?\s*$/u;

/**
 * Connectives that open a sentence (此外， 同时， 近日， 据了解，…): a line that starts with one begins
 * a sentence anew, so the line before it, even if it stops mid-sentence, ended its paragraph (its
 * continuation is lost from the page).
 */
export const SENTENCE_OPENER = /^[\s\u3000]*(此外|同时|另外|与此同时|然而|但是|因此|而且|其次|最后|首先|总之|近日|日前|目前|如今|据悉|据了解|另一方面|对此|为此|随后|此前|眼下|當前|此外|同時|另外|與此同時|因此|近日|日前|目前|據悉|據了解|對此|為此|隨後|此前|眼下)[，,]/u;
