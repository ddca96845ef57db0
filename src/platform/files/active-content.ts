/** Executables, scripts and markup, refused whatever the name says (see inspect.ts). */

import { fail, type InspectFailure, startsWith } from './kinds.ts';

// ---------------------------------------------------------------------------------------------
// Executables, scripts, markup

function isPortableExecutable(data: Uint8Array): boolean {
  if (!startsWith(data, [0x4d, 0x5a])) return false; // MZ
  if (data.length >= 0x40) {
    const view = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    const peOffset = view.readUInt32LE(0x3c);
    if (peOffset + 4 <= data.length && startsWith(data, [0x50, 0x45, 0, 0], peOffset)) return true;
  }
  return data.subarray(0, 64).includes(0); // a DOS stub; plain text starting with "MZ" has no NUL
}

const EXECUTABLE_SIGNATURES: readonly (readonly number[])[] = [
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0xfe, 0xed, 0xfa, 0xce], // Mach-O
  [0xfe, 0xed, 0xfa, 0xcf],
  [0xce, 0xfa, 0xed, 0xfe],
  [0xcf, 0xfa, 0xed, 0xfe],
  [0xca, 0xfe, 0xba, 0xbe], // Mach-O universal, Java class
  [0x00, 0x61, 0x73, 0x6d], // WebAssembly
  [0x4c, 0x00, 0x00, 0x00, 0x01, 0x14, 0x02, 0x00], // Windows shortcut (.lnk)
  [0x23, 0x21], // #! script
  [0x23, 0x40, 0x7e, 0x5e], // #@~^ encoded VBScript/JScript
];

/** Markup a browser would render or run (HTML sniffing patterns, XML, SVG) and server-side scripts. */
const MARKUP_START =
  /^<(?:(?:!doctype\s+html|html|head|body|script|iframe|frame|frameset|object|embed|svg|math|style|title|table|div|font|a|b|br|p|h1|img|meta|link|base|form|input|\?xml)(?:[\s>/]|$)|!--|\?php|%)/i;
export const MARKUP_ANYWHERE =
  /<(?:script|iframe|frame|frameset|object|embed|svg|html|body|meta\s+http-equiv|base\s+href|\?php|%@?)(?:[\s>/=]|$)|javascript\s*:|vbscript\s*:|\bon(?:load|error|click|mouseover|focus)\s*=/i;

function startsWithMarkup(data: Uint8Array): boolean {
  let head = Buffer.from(data.buffer, data.byteOffset, Math.min(data.byteLength, 1024)).toString('latin1');
  head = head.replace(/^(?:\xef\xbb\xbf|\xfe\xff|\xff\xfe)/, '').replaceAll(String.fromCharCode(0), '');
  return MARKUP_START.test(head.trimStart());
}

export function activeContent(data: Uint8Array): InspectFailure | null {
  if (isPortableExecutable(data) || EXECUTABLE_SIGNATURES.some((sig) => startsWith(data, sig))) {
    return fail('FILE_EXECUTABLE', '检测到可执行程序或脚本，禁止上传。');
  }
  if (startsWithMarkup(data)) {
    return fail('FILE_ACTIVE_CONTENT', '检测到网页、SVG 或脚本内容，禁止上传。');
  }
  return null;
}
