/**
 * @fileoverview Credits (署名): recognising a credit line and reading person names out of it.
 * A credit is either printed as its own line (`某某日报记者 王小明`, `○李 华`, `张明 刘 芳`) or
 * sits in brackets at the start of the lead (`本报讯（记者 王 芳 赵 小明）`).
 */
import { CREDIT_ROLES, LEAD_CREDIT, ORG_SUFFIX, hanCount } from './text.ts';

/**
 * Common Chinese surnames (single and compound), from the 百家姓 and the national surname
 * frequency tables. Used only to tell a bare list of names (`唐骏 龚 檬`) from a short phrase.
 */
const SURNAMES = new Set(
  (
    '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤' +
    '常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由' +
    '濮'
  ).split(''),
);
const COMPOUND_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '轩辕', '令狐', '端木', '独孤', '南宫', '西门'];

/** Marks printed before a commentator's name: U+25CB ○, U+25CE ◎, U+25CF ●, U+25A1 □, U+25A0 ■. */
const NAME_MARKS = /^[○◎●□■△▲☆★]\s*/u;

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
    if (t.length === 1 && next !== undefined && t.length + next.length <= 3 && /^\p{Script=Han}+$/u.test(next)) {
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

/** Person names in a credit text, spaces removed, in printed order; roles and organisations dropped. */
export function namesInCredit(credit: string): string[] {
  const cleaned = credit.replace(NAME_MARKS, '').replace(/[：:]/g, ' ');
  const raw = cleaned.split(/\s+/u).filter(Boolean);
  const tokens: string[] = [];
  // Names glued to a role word (`记者濮玉慧`, joined across a line break) must read as names by
  // themselves; names set apart by spaces are names by their place in the credit.
  const glued = new Set<string>();
  for (let t of raw) {
    // `杭州日报记者` → role glued to an organisation; `记者濮玉慧` → role glued to a name.
    const m = /^(.*?)(本报记者|特约记者|见习记者|记者|通讯员|实习生)(.*)$/u.exec(t);
    if (m) {
      if (m[3]) {
        tokens.push(m[3]);
        glued.add(m[3]);
      }
      continue;
    }
    t = t.replace(CREDIT_ROLES, '');
    if (t) tokens.push(t);
  }
  const names: string[] = [];
  for (const t of groupNameTokens(tokens)) {
    if (!/^\p{Script=Han}{2,4}$/u.test(t)) continue;
    if (glued.has(t) && !looksLikeName(t)) continue;
    if (t.length >= 4 && ORG_SUFFIX.test(t)) continue;
    if (t.length === 4 && !COMPOUND_SURNAMES.some((s) => t.startsWith(s))) continue;
    names.push(t);
  }
  return names;
}

/**
 * True when a whole line is a credit printed on its own: role words with names
 * (`某某日报记者 王小明`), a commentator mark with a name (`○李 华`), or a bare list of names
 * (`唐骏 龚 檬`). Sentences, headlines and captions are not credits.
 */
export function isCreditLine(line: string): boolean {
  const s = line.trim();
  if (!s || s.length > 40 || /[，。！？,!?；;“”"（）()]/u.test(s)) return false;
  if (/摄$/u.test(s)) return false;
  if (NAME_MARKS.test(s)) {
    const rest = s.replace(NAME_MARKS, '').replace(/\s+/g, '');
    return looksLikeName(rest);
  }
  const tokens = s.split(/\s+/u);
  if (/(记者|通讯员|实习生)/u.test(s)) {
    const names = namesInCredit(s);
    return names.length > 0 && hanCount(s) <= 30;
  }
  // A bare list of at least two names.
  const grouped = groupNameTokens(tokens);
  return grouped.length >= 2 && grouped.every(looksLikeName);
}

/** The credit text of a lead paragraph (`本报讯（记者 俞杰）…` → `记者 俞杰`), or null. */
export function leadCredit(paragraph: string): string | null {
  const m = LEAD_CREDIT.exec(paragraph);
  return m ? m[1] : null;
}
