/**
 * Finds a CJK font that pdfkit (under pdfmake) can embed: TrueType or OpenType (CFF), or a face of a
 * TrueType collection (.ttc) named by its PostScript name; not WOFF/WOFF2. No npm package ships such
 * a font at a sensible size (the Noto Serif SC TTFs on npm come as a 119 MB package of nine
 * weights), so the platform looks, in order:
 *   1. TONGCHOU_CJK_FONT (and optionally TONGCHOU_CJK_FONT_BOLD, TONGCHOU_CJK_FONT_HEADING): a path,
 *      with `#PostScriptName` appended for a collection, e.g.
 *      `/opt/fonts/NotoSerifCJK-Regular.ttc#NotoSerifCJKsc-Regular`;
 *   2. Noto Serif/Sans CJK of the system packages (Debian/Ubuntu `fonts-noto-cjk`, Alpine
 *      `font-noto-cjk`, Fedora `google-noto-*-cjk-fonts`);
 *   3. WenQuanYi Zen Hei (`fonts-wqy-zenhei`).
 * A misconfigured variable (file missing) is an error, not a silent fallback.
 */
import { existsSync } from 'node:fs';

export interface FontFace {
  readonly path: string;
  /** Required for a font collection (.ttc): which face, e.g. `NotoSerifCJKsc-Regular`. */
  readonly postscriptName?: string;
}

export interface CjkFontSet {
  /** Body text (the 仿宋 stand-in). */
  readonly regular: FontFace;
  /** Bold text and the title (the 小标宋 stand-in). */
  readonly bold: FontFace;
  /** First-level headings (the 黑体 stand-in). */
  readonly heading: FontFace;
  /** Where the set came from, for logs and error messages. */
  readonly source: string;
}

export const CJK_FONT_ENV = 'TONGCHOU_CJK_FONT';
export const CJK_FONT_BOLD_ENV = 'TONGCHOU_CJK_FONT_BOLD';
export const CJK_FONT_HEADING_ENV = 'TONGCHOU_CJK_FONT_HEADING';

export const CJK_FONT_HELP =
  `没有可嵌入 PDF 的中文字体。请安装系统字体包 fonts-noto-cjk（Debian/Ubuntu），或设置环境变量 ${CJK_FONT_ENV}` +
  '=<TTF/OTF 路径> 或 <TTC 路径>#<PostScript 名>（例如 /usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc#NotoSerifCJKsc-Regular）。';

export type Environment = Readonly<Record<string, string | undefined>>;
export type FileExists = (path: string) => boolean;

/** `path` or `path#PostScriptName` (the last `#` separates, so Windows drive letters are fine). */
export function parseFontSpec(spec: string): FontFace {
  const trimmed = spec.trim();
  const hash = trimmed.lastIndexOf('#');
  if (hash <= 0) return { path: trimmed };
  const postscriptName = trimmed.slice(hash + 1).trim();
  return postscriptName ? { path: trimmed.slice(0, hash), postscriptName } : { path: trimmed.slice(0, hash) };
}

const NOTO_DIRECTORIES = [
  '/usr/share/fonts/opentype/noto',
  '/usr/share/fonts/noto-cjk',
  '/usr/share/fonts/noto',
  '/usr/share/fonts/google-noto-serif-cjk',
  '/usr/share/fonts/google-noto-sans-cjk',
  '/usr/share/fonts/google-noto-cjk',
];

function noto(directory: string, family: 'Serif' | 'Sans', weight: 'Regular' | 'Bold'): FontFace {
  return {
    path: `${directory}/Noto${family}CJK-${weight}.ttc`,
    postscriptName: `Noto${family}CJKsc-${weight}`,
  };
}

function fromEnvironment(env: Environment, exists: FileExists): CjkFontSet | undefined {
  const spec = env[CJK_FONT_ENV]?.trim();
  if (!spec) return undefined;
  const face = (name: string, value: string | undefined, fallback: FontFace): FontFace => {
    if (!value?.trim()) return fallback;
    const parsed = parseFontSpec(value);
    if (!exists(parsed.path)) throw new Error(`${name}=${value}: font file not found`);
    return parsed;
  };
  const regular = parseFontSpec(spec);
  if (!exists(regular.path)) throw new Error(`${CJK_FONT_ENV}=${spec}: font file not found`);
  const bold = face(CJK_FONT_BOLD_ENV, env[CJK_FONT_BOLD_ENV], regular);
  const heading = face(CJK_FONT_HEADING_ENV, env[CJK_FONT_HEADING_ENV], bold);
  return { regular, bold, heading, source: `env ${CJK_FONT_ENV}` };
}

function fromSystem(exists: FileExists): CjkFontSet | undefined {
  const has = (face: FontFace) => exists(face.path);
  for (const directory of NOTO_DIRECTORIES) {
    const serif = noto(directory, 'Serif', 'Regular');
    const serifBold = noto(directory, 'Serif', 'Bold');
    const sans = noto(directory, 'Sans', 'Regular');
    const sansBold = noto(directory, 'Sans', 'Bold');
    const regular = has(serif) ? serif : has(sans) ? sans : undefined;
    if (!regular) continue;
    const bold = regular === serif && has(serifBold) ? serifBold : has(sansBold) ? sansBold : regular;
    const heading = has(sansBold) ? sansBold : has(sans) ? sans : bold;
    return { regular, bold, heading, source: directory };
  }
  const zenhei: FontFace = {
    path: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc',
    postscriptName: 'WenQuanYiZenHei',
  };
  if (has(zenhei)) return { regular: zenhei, bold: zenhei, heading: zenhei, source: zenhei.path };
  return undefined;
}

/** The CJK fonts to embed, or undefined when this machine has none. */
export function findCjkFonts(
  env: Environment = process.env,
  exists: FileExists = existsSync,
): CjkFontSet | undefined {
  return fromEnvironment(env, exists) ?? fromSystem(exists);
}
