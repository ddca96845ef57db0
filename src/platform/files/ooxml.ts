/**
 * Office Open XML (docx/xlsx/pptx) inside a checked archive: the main part with its content type, no
 * VBA macros; XML part text decoding. See inspect.ts.
 */
import { FILE_KINDS, fail, type InspectFailure, macros, startsWith, utf8 } from './kinds.ts';

export const MAIN_PART: Readonly<Record<'docx' | 'xlsx' | 'pptx', { part: string; contentType: string }>> = {
  docx: {
    part: 'word/document.xml',
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
  },
  xlsx: {
    part: 'xl/workbook.xml',
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  },
  pptx: {
    part: 'ppt/presentation.xml',
    contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml',
  },
};

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)
    .exec(tag)
    ?.slice(1)
    .find((v) => v !== undefined);
}

export function checkOoxml(
  kind: 'docx' | 'xlsx' | 'pptx',
  names: ReadonlySet<string>,
  contentTypes: string,
): InspectFailure | null {
  if (
    [...names].some((name) => /(?:^|\/)vbaproject\.bin$/i.test(name)) ||
    /macroEnabled|vbaProject/i.test(contentTypes)
  ) {
    return macros();
  }
  const { part, contentType } = MAIN_PART[kind];
  const overrides = contentTypes.match(/<Override\b[^>]*>/g) ?? [];
  const main = overrides.find((tag) => attribute(tag, 'PartName')?.toLowerCase() === `/${part}`);
  if (!names.has(part) || main === undefined || attribute(main, 'ContentType') !== contentType) {
    return fail('FILE_CONTENT_MISMATCH', `文件内容不是有效的${FILE_KINDS[kind].label}，与扩展名不符。`);
  }
  return null;
}

/** XML part text: UTF-8, or UTF-16 when it starts with a byte order mark. */
export function decodeXml(content: Buffer | undefined): string | null {
  if (content === undefined) return null;
  const utf16 = startsWith(content, [0xff, 0xfe])
    ? 'utf-16le'
    : startsWith(content, [0xfe, 0xff])
      ? 'utf-16be'
      : null;
  try {
    return utf16 ? new TextDecoder(utf16, { fatal: true }).decode(content) : utf8.decode(content);
  } catch {
    return null;
  }
}
