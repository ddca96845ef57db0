/**
 * Duplicate checks of the catalogs (查重), pure over plain data:
 * - `normaliseName` and `findNameDuplicates`: names that differ only by width, case, spaces or
 *   punctuation are the same name (resource and system names at entry);
 * - `similarity`: how near two Chinese data-item names are (synonym folding + character-bigram Dice).
 * 一数一源 (SC-26, `findSingleSourceConflicts`) is single-source.ts.
 */

/**
 * The comparison form of a name: NFKC (full-width letters, digits and punctuation folded to ASCII,
 * ideographic space to space), lower case, and every space, punctuation mark (Chinese ones included:
 * （）【】《》、，。·—－_ …), symbol, control and format character removed.
 */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\p{Z}\p{C}\s]/gu, '');
}

/** The entries of `existing` whose name equals `newName` after `normaliseName` (none for an empty name). */
export function findNameDuplicates<T extends { name: string }>(newName: string, existing: readonly T[]): T[] {
  const key = normaliseName(newName);
  if (key === '') return [];
  return existing.filter((entry) => normaliseName(entry.name) === key);
}

/**
 * Names that mean the same data item, first of each group the canonical one. Deliberately
 * conservative: only names that denote the same value. Not synonyms, on purpose: 联系电话 (may be a
 * landline) vs 手机号码; 身份证件号码 (any identity document) vs 公民身份号码; 姓名 vs 名称; 单位名称 vs
 * 企业名称 (a 单位 need not be an enterprise).
 */
export const DATA_ITEM_SYNONYMS: readonly (readonly string[])[] = [
  [
    '公民身份号码',
    '身份证号',
    '身份证号码',
    '居民身份证号',
    '居民身份证号码',
    '公民身份证号',
    '公民身份证号码',
  ],
  ['手机号码', '手机号', '手机', '移动电话', '移动电话号码'],
  ['统一社会信用代码', '社会信用代码', '信用代码', '统一信用代码'],
  ['法定代表人', '法定代表人姓名', '法人代表', '法人代表姓名', '法定代表人名称'],
  ['出生日期', '出生年月日'],
  ['电子邮箱', '电子邮件', '电子邮件地址', '电子邮箱地址', '邮箱', 'email'],
  ['邮政编码', '邮编'],
  ['组织机构代码', '机构代码'],
  ['工商注册号', '注册号', '营业执照注册号'],
];

const CANONICAL: ReadonlyMap<string, string> = new Map(
  DATA_ITEM_SYNONYMS.flatMap((group) => group.map((name) => [normaliseName(name), normaliseName(group[0])])),
);

/**
 * Suffixes that turn a name into another attribute of the same thing: `企业名称` vs `企业名称代码`,
 * `法定代表人姓名` vs `法定代表人姓名拼音`. A name that is another name plus one of these is not the
 * same data item, however high their bigram overlap.
 */
export const DISTINGUISHING_SUFFIXES: readonly string[] = [
  '拼音',
  '代码',
  '编码',
  '类型',
  '类别',
  '地址',
  '日期',
  '时间',
  '电话',
  '状态',
  '照片',
  '图片',
  '说明',
  '备注',
  '英文',
  '简称',
  '曾用名',
];

/** The normalised name with synonyms folded to their canonical name. */
export function canonicalItemName(name: string): string {
  const key = normaliseName(name);
  return CANONICAL.get(key) ?? key;
}

function bigrams(text: string): Map<string, number> {
  const chars = [...text];
  const grams = new Map<string, number>();
  if (chars.length === 1) grams.set(chars[0], 1);
  for (let i = 0; i + 1 < chars.length; i++) {
    const gram = chars[i] + chars[i + 1];
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

function dice(a: string, b: string): number {
  const left = bigrams(a);
  const right = bigrams(b);
  let shared = 0;
  let total = 0;
  for (const count of left.values()) total += count;
  for (const count of right.values()) total += count;
  for (const [gram, count] of left) shared += Math.min(count, right.get(gram) ?? 0);
  return total === 0 ? 0 : (2 * shared) / total;
}

/** An upper bound of `dice(a, b)` from the lengths alone (skips hopeless pairs cheaply). */
export function diceBound(a: string, b: string): number {
  const ga = Math.max([...a].length - 1, 1);
  const gb = Math.max([...b].length - 1, 1);
  return (2 * Math.min(ga, gb)) / (ga + gb);
}

function differsByDistinguishingSuffix(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (!long.startsWith(short) || long === short) return false;
  const rest = long.slice(short.length);
  return DISTINGUISHING_SUFFIXES.some((suffix) => rest === normaliseName(suffix));
}

/**
 * Similarity of two data-item names in [0, 1]: 1 when equal after normalisation and synonym folding
 * (身份证号 = 公民身份号码); 0 when one is the other plus a distinguishing suffix (企业名称 vs
 * 企业名称代码); otherwise the Dice coefficient of their character bigrams (法定代表人 vs
 * 法定代表人姓名 = 0.8; 企业名称 vs 企业注册地址 = 0.25).
 */
export function similarity(a: string, b: string): number {
  const left = canonicalItemName(a);
  const right = canonicalItemName(b);
  if (left === '' || right === '') return 0;
  if (left === right) return 1;
  if (differsByDistinguishingSuffix(left, right)) return 0;
  if (differsByDistinguishingSuffix(normaliseName(a), normaliseName(b))) return 0;
  return dice(left, right);
}

/** Two item names at or above this similarity are "near-same" (SC-26). */
export const NEAR_SAME_THRESHOLD = 0.8;
