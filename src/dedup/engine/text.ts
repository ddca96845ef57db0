/**
 * Text preparation for 查重, pure: Chinese proposals and catalog entries are folded into a sequence
 * of "units" (one character, or one whole synonym phrase) that keep the span of the original text
 * they came from, so that a shared phrase can be highlighted in both original texts.
 *
 * - NFKC + lower case per character (full-width letters and digits fold to ASCII);
 * - synonyms (`SYNONYMS`): every phrase of a group becomes the group's single unit, longest match
 *   first, so 审批 / 审核 / 核准 compare equal and 办事大厅 / 服务大厅 too;
 * - buzzwords (`BUZZWORDS`): 大数据, 智慧, 一体化, 平台, 系统 … become a break, like punctuation:
 *   they carry no meaning about what is built, and proposals add them to look new;
 * - place names and filler words of the jurisdictions (`FILLERS`) are breaks too, so that another
 *   department or county proposing the same system is not hidden by its own name.
 */

/** Phrases that mean the same thing in proposals and catalogs; the first of a group is its label. */
export const SYNONYMS: readonly (readonly string[])[] = [
  ['审批', '审核', '核准', '批准', '审查', '审定'],
  ['申报', '申请', '报送', '填报', '上报', '报请'],
  ['查询', '检索', '查看', '查阅', '查找', '搜索'],
  ['统计', '汇总', '报表', '统计分析', '数据分析', '分析研判'],
  ['监管', '监督', '督查', '督导', '监督管理', '监管执法'],
  ['监测', '监控', '在线监测', '实时监测', '动态监测'],
  ['预警', '告警', '报警', '风险提示'],
  ['企业', '市场主体', '法人单位', '经营主体', '商户'],
  ['群众', '居民', '市民', '公众', '老百姓', '民众', '办事人'],
  ['老年人', '老人', '长者', '高龄老人'],
  ['车辆', '机动车'],
  ['公路', '道路', '路段'],
  ['移动端', '手机端', '掌上', '小程序', 'app', '手机应用', '移动应用'],
  ['投诉', '举报', '诉求', '意见反映'],
  ['台账', '档案', '名录', '名册', '花名册'],
  ['大屏', '驾驶舱', '可视化', '指挥屏', '看板'],
  ['补贴', '补助', '津贴', '救助金'],
  ['发放', '拨付', '兑付', '支付'],
  ['电子证照', '电子证件', '电子执照'],
  ['统一身份认证', '统一认证', '单点登录', '身份认证', '登录认证'],
  ['公文', '收发文', '文件流转', '公文流转', '来文'],
  ['一网通办', '网上办事', '网上办理', '在线办理', '全程网办'],
  ['办事大厅', '服务大厅', '政务大厅', '服务中心窗口'],
  ['预约', '挂号', '预定'],
  ['排队', '叫号', '取号'],
  ['缴费', '收费', '缴纳'],
  ['维修', '维护', '养护', '检修', '保养'],
  ['巡查', '巡检', '巡逻', '巡视'],
  ['隐患', '风险点', '安全风险'],
  ['应急', '突发事件', '应急处置'],
  ['考勤', '打卡', '签到'],
  ['登记', '注册', '录入', '采集', '收集'],
  ['核验', '核查', '核实', '比对', '校验', '验证'],
  ['评价', '评估', '评议', '测评', '考评'],
  ['公示', '公开', '发布'],
  ['推送', '提醒', '消息通知', '通知'],
  ['流转', '流程', '审批流'],
  ['共享交换', '数据共享', '数据交换', '数据对接', '共享'],
  ['地图', '地理信息', 'gis', '一张图'],
  ['定位', '轨迹', '位置'],
  ['证书', '许可证', '资格证'],
  ['培训', '教学', '学习'],
  ['考试', '测试', '测验'],
  ['医疗保障', '医保'],
  ['社会保险', '社保'],
  ['住房公积金', '公积金'],
  ['不动产', '房产', '房屋产权'],
  ['养老', '养老服务', '为老服务'],
  ['机房', '数据中心', '服务器机房'],
  ['服务器', '主机', '存储设备', '硬件设备'],
  ['专网', '专用网络', '专线网络', '自建网络'],
  ['政务云', '云平台', '云资源', '云服务'],
  ['视频', '摄像头', '监控视频', '视频监控'],
  ['执法', '行政执法', '执法检查', '稽查'],
  ['学生', '学籍'],
  ['项目库', '项目储备'],
  ['工单', '派单', '任务单'],
  ['会议', '会务', '视频会议'],
  ['办公', 'oa', '协同办公', '移动办公'],
  ['门户', '网站', '门户网站'],
  ['人员', '工作人员', '职工', '员工'],
];

/** Words that make a proposal sound new without saying what it builds. */
export const BUZZWORDS: readonly string[] = [
  '大数据',
  '智慧化',
  '智慧',
  '智能化',
  '智能',
  '一体化',
  '平台',
  '系统',
  '综合',
  '数字化',
  '信息化',
  '数智',
  '一站式',
  '全流程',
  '全方位',
  '全覆盖',
  '多维度',
  '多维',
  '融合',
  '中台',
  '赋能',
  '云端',
  '集成',
  '新一代',
  '互联网+',
  '互联网',
  '物联网',
  '区块链',
  '人工智能',
  '数字孪生',
  '建设项目',
  '项目',
  '工程',
  '升级改造',
  '升级',
  '改造',
  '一期',
  '二期',
  '三期',
  '建设',
  '构建',
  '打造',
  '实现',
  '提供',
  '支持',
  '支撑',
  '相关',
  '功能',
  '模块',
  '应用',
  '服务端',
  '管理端',
  '高效',
  '便捷',
  '提升',
  '能力',
  '水平',
  '进一步',
];

/** Place names and filler that say who proposes, not what is built. */
export const FILLERS: readonly string[] = [
  '山西省',
  '大同市',
  '朔州市',
  '朔城区',
  '晋城市',
  '忻州市',
  '大同',
  '朔州',
  '晋城',
  '忻州',
  '全省',
  '全市',
  '全区',
  '全县',
  '本市',
  '本区',
  '本县',
  '我市',
  '我区',
  '我县',
  '各级',
  '各类',
  '各部门',
  '的',
  '与',
  '用于',
  '以及',
  '进行',
];

/** One unit of folded text and the half-open span [start, end) of the original text it came from. */
export interface Unit {
  key: string;
  /** Which field of the document the unit came from (0 = name, 1 = text, 2… = list items). */
  field: number;
  start: number;
  end: number;
}

/** Folded text: units separated by breaks (`null`: punctuation, buzzword, filler, field boundary). */
export type Folded = (Unit | null)[];

const BREAK = /[\p{P}\p{S}\p{Z}\p{C}\s]/u;

interface Trie {
  next: Map<string, Trie>;
  /** `-1` = break (buzzword / filler), otherwise the synonym group index. */
  value?: number;
}

function buildTrie(): Trie {
  const root: Trie = { next: new Map() };
  const add = (phrase: string, value: number) => {
    let node = root;
    for (const ch of foldChars(phrase)) {
      let child = node.next.get(ch);
      if (!child) {
        child = { next: new Map() };
        node.next.set(ch, child);
      }
      node = child;
    }
    if (node.value === undefined || value >= 0) node.value = value;
  };
  for (const word of [...BUZZWORDS, ...FILLERS]) add(word, -1);
  SYNONYMS.forEach((group, index) => {
    for (const phrase of group) add(phrase, index);
  });
  return root;
}

const FOLDED = new Map<string, string>();

function foldChar(ch: string): string {
  let folded = FOLDED.get(ch);
  if (folded === undefined) {
    const nfkc = ch.normalize('NFKC').toLowerCase();
    folded = [...nfkc].length === 1 ? nfkc : ch;
    if (FOLDED.size < 100_000) FOLDED.set(ch, folded);
  }
  return folded;
}

const BREAKS = new Map<string, boolean>();

function isBreak(ch: string): boolean {
  let value = BREAKS.get(ch);
  if (value === undefined) {
    value = BREAK.test(ch);
    if (BREAKS.size < 100_000) BREAKS.set(ch, value);
  }
  return value;
}

function foldChars(text: string): string[] {
  return [...text].map(foldChar);
}

const TRIE = buildTrie();

/** The private-use character that stands for a synonym group inside folded keys. */
export function groupKey(index: number): string {
  return String.fromCharCode(0xe000 + index);
}

/** The label of a key: the character itself, or the first phrase of its synonym group. */
export function keyLabel(key: string): string {
  const code = key.charCodeAt(0);
  if (key.length === 1 && code >= 0xe000 && code < 0xe000 + SYNONYMS.length)
    return SYNONYMS[code - 0xe000][0];
  return key;
}

/**
 * Folds `text` (field number `field`) into units with spans in `text`. The
 * longest dictionary phrase wins at each position; a single digit or Latin letter run stays as
 * characters.
 */
export function fold(text: string, field = 0): Folded {
  const chars: { ch: string; start: number; end: number }[] = [];
  let pos = 0;
  for (const raw of text) {
    chars.push({ ch: foldChar(raw), start: pos, end: pos + raw.length });
    pos += raw.length;
  }
  const out: Folded = [];
  let i = 0;
  while (i < chars.length) {
    let node: Trie | undefined = TRIE;
    let best = -1;
    let bestValue = 0;
    for (let j = i; j < chars.length && node; j++) {
      node = node.next.get(chars[j].ch);
      if (node?.value !== undefined) {
        best = j;
        bestValue = node.value;
      }
    }
    if (best >= 0) {
      if (bestValue < 0) {
        if (out.length > 0 && out[out.length - 1] !== null) out.push(null);
      } else {
        out.push({ key: groupKey(bestValue), field, start: chars[i].start, end: chars[best].end });
      }
      i = best + 1;
      continue;
    }
    const { ch, start, end } = chars[i];
    if (isBreak(ch)) {
      if (out.length > 0 && out[out.length - 1] !== null) out.push(null);
    } else {
      out.push({ key: ch, field, start, end });
    }
    i++;
  }
  if (out.length > 0 && out[out.length - 1] === null) out.pop();
  return out;
}

/** The runs of units between breaks. */
export function runs(folded: Folded): Unit[][] {
  const result: Unit[][] = [];
  let current: Unit[] = [];
  for (const unit of folded) {
    if (unit === null) {
      if (current.length > 0) result.push(current);
      current = [];
    } else {
      current.push(unit);
    }
  }
  if (current.length > 0) result.push(current);
  return result;
}

/**
 * The grams of folded text with their counts: every bigram of units inside a run, and a run of a
 * single unit as itself (a lone synonym phrase such as 医保 still counts).
 */
export function grams(folded: Folded): Map<string, number> {
  const counts = new Map<string, number>();
  for (const run of runs(folded)) {
    for (const unit of run) counts.set(unit.key, (counts.get(unit.key) ?? 0) + 1);
    for (let i = 0; i + 1 < run.length; i++) {
      const key = run[i].key + run[i + 1].key;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}
