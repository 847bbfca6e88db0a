/**
 * @fileoverview The fictional newspaper page the PDF fixtures typeset (issue #16): 青岚日报, page 3.
 * Every place, person and event is invented; the text is written for the fixtures, so it can be
 * committed and changed freely. Each article lists its parts in reading order.
 */

/** One paragraph-level piece of an article body: running text, a section heading (小标题). */
export interface BodyPiece {
  type: 'p' | 'h';
  text: string;
}

/** An article as the page prints it; `null` parts are not printed. */
export interface ArticleContent {
  id: string;
  /** A recurring column label printed above the title (boxed), e.g. 青岚时评. */
  column: string | null;
  /** 引题 — the headline line above the title. */
  kicker: string | null;
  /** 主题 — the main title. */
  title: string;
  /** 副题 — the headline line below the title. */
  subtitle: string | null;
  /** A credit printed as its own line. */
  byline: string | null;
  body: BodyPiece[];
  /** Caption of the photo printed at the foot of the article, if any. */
  caption: string | null;
  /**
   * The persons its credit names, as an archivist records them (the gold schema's rule: names
   * without spaces; a photographer of a caption is no author). Written by hand, never derived.
   */
  authors: string[];
}

/** The page header (报眉) pieces, left to right. */
export const HEADER = ['青岚日报', '2031年4月18日 星期五', '责任编辑：宋一帆', '第3版 城事'];

const p = (text: string): BodyPiece => ({ type: 'p', text });
const h = (text: string): BodyPiece => ({ type: 'h', text });

/** The page's articles, in reading order. */
export const ARTICLES: ArticleContent[] = [
  {
    id: 'a1',
    authors: ['林晓岚', '许家宁'],
    column: null,
    kicker: '南渡河两岸十二个村共建共享',
    title: '梧桐镇文化客厅正式启用',
    subtitle: '老粮站变身阅读空间 每周末开放非遗课堂',
    byline: null,
    caption: null,
    body: [
      p('本报讯（记者 林晓岚 通讯员 许家宁）17日上午，位于梧桐镇南渡河畔的文化客厅正式启用。这座由上世纪七十年代老粮站改造而成的公共空间，保留了三座青砖粮仓和一段运粮码头，面积约两千平方米，设有阅读区、展陈区、非遗工坊和一座可容纳两百人的小剧场。'),
      p('梧桐镇地处青岚市西南，南渡河自北向南穿镇而过，两岸共有十二个行政村。过去，村民看书要到二十公里外的市图书馆，孩子们的周末大多在手机上度过。去年春天，镇里征集民意时，“家门口有个读书看戏的地方”成了呼声最高的一条。'),
      h('老粮站里的新书香'),
      p('走进文化客厅，最先看到的是二号粮仓改成的阅读区。高达九米的仓顶下，一排排木质书架沿墙而立，藏书一万二千余册，其中少儿读物占三成。粮仓原有的通风窗被保留下来，午后的阳光从窗格间洒落，落在读者的书页上。'),
      p('“我们没有拆一块老砖。”项目负责人周明远介绍，改造中工人们把粮仓墙面逐块清洗、勾缝，地面铺上了从附近旧屋收来的老石板。码头边的一台木制风车也经过修复，重新摆回了原处，成为孩子们最喜欢的合影地点。'),
      p('阅读区与市图书馆实行通借通还，读者用一张借书证就能借阅全市的图书。开馆当天，白发苍苍的退休教师方桂英一口气借了五本书，她说：“以前想看书得坐一小时公交车，现在走十分钟就到了。”'),
      h('非遗课堂进村入户'),
      p('文化客厅每周六、周日开放非遗课堂，邀请竹编、剪纸、南渡河渔歌等项目的传承人授课。首期竹编课报名人数超过了八十人，年纪最小的学员只有七岁。镇文化站还组织传承人走进各村文化礼堂，把课堂开到村民家门口。'),
      p('梧桐镇党委书记陈若溪表示，下一步将把文化客厅与沿河的古桥、老街和茶园串联起来，打造一条十五公里长的南渡河文化走廊，让更多村民和游客在家门口感受乡村文化的魅力。'),
    ],
  },
  {
    id: 'a2',
    authors: ['方卓'],
    column: null,
    kicker: null,
    title: '云溪县春季护林防火巡查启动',
    subtitle: null,
    byline: '本报记者 方卓',
    caption: null,
    body: [
      p('日前，云溪县启动春季护林防火巡查，一百二十名护林员分成三十个小组，对全县四十八万亩林地开展为期两个月的巡查。'),
      p('今年，巡查队首次配备了六架无人机。无人机每天早晚各飞一次，一旦发现烟点，画面会实时传回县应急指挥中心。护林员老许说，过去巡一座山要走大半天，现在坐在山脚下就能把整片林子看个清楚。'),
      p('县林业局同时在各村口设置了两百余块宣传牌，提醒村民上山不带火种、祭扫文明用火。'),
    ],
  },
  {
    id: 'a3',
    authors: ['方卓'],
    column: null,
    kicker: null,
    title: '白鹭湾湿地迎来首批越冬候鸟',
    subtitle: null,
    byline: null,
    caption: '白鹭湾湿地保护区内，成群的候鸟在浅滩觅食。本报记者 方卓 摄',
    body: [
      p('本报讯（记者 方卓）连日来，青岚市白鹭湾湿地保护区迎来今年首批越冬候鸟。记者在保护区观鸟台看到，数百只白鹭、苍鹭和野鸭在浅滩间觅食嬉戏，不时成群掠过水面。'),
      p('白鹭湾湿地面积约三千二百公顷，是候鸟迁徙途中重要的停歇地。保护区管理站工作人员介绍，近五年来，保护区先后退出养殖塘四百余亩，恢复浅滩和芦苇荡，湿地水质明显好转，来此越冬的候鸟从三十多种增加到六十多种。'),
      p('为了让候鸟安心过冬，管理站在核心区设置了十二处监测点，并组织志愿者每周开展鸟类调查。市民如发现受伤的鸟类，可拨打保护区值班电话求助。'),
    ],
  },
  {
    id: 'a4',
    authors: ['周明远'],
    column: null,
    kicker: null,
    title: '南渡河大桥合龙',
    subtitle: null,
    byline: null,
    caption: null,
    body: [
      p('本报讯（通讯员 周明远）16日上午十时，随着最后一段钢箱梁缓缓落位，南渡河大桥主桥顺利合龙。'),
      p('大桥全长一千二百八十米，双向六车道，是连接梧桐镇与青岚市区的重要通道。大桥建成后，两地车程将由四十分钟缩短至十五分钟。'),
      p('据介绍，大桥预计今年十月建成通车。'),
    ],
  },
  {
    id: 'a5',
    authors: ['林晓岚'],
    column: null,
    kicker: null,
    title: '青岚市公布首批老字号名录',
    subtitle: null,
    byline: null,
    caption: null,
    body: [
      p('本报讯（记者 林晓岚）近日，青岚市公布首批老字号名录，桂香斋糕点、南门酱园、许记竹器等二十家企业入选。'),
      p('入选企业平均经营历史超过八十年，涵盖餐饮、食品、手工艺等行业。市商务局表示，将为老字号提供品牌推广和场地支持，帮助老手艺走进新市场。'),
      p('桂香斋第四代传人方晓梅说，入选名录让她更有信心把祖传的手艺传下去。'),
    ],
  },
  {
    id: 'a6',
    authors: ['苏言'],
    column: '青岚时评',
    kicker: null,
    title: '让老街巷留住烟火气',
    subtitle: null,
    byline: '■ 苏言',
    caption: null,
    body: [
      p('城市更新，改的是房子，留的是人心。近年来，不少老街巷在改造中换了新颜，却也丢了往日的热闹：小吃摊搬走了，老邻居散开了，街面上只剩下整齐划一的招牌。'),
      p('老街巷的价值，不只在青砖黛瓦，更在于巷口的早点铺、树下的棋摊和邻里间的一声招呼。改造之前多听听居民的想法，改造之中少一些大拆大建，改造之后给小店留一条活路，老街巷才能既有面子，也有里子。'),
      p('梧桐镇把老粮站改成文化客厅，没有拆一块老砖，却让村民天天愿意来。这样的做法，值得更多地方借鉴。'),
    ],
  },
];
