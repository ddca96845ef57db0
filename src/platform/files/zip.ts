/**
 * ZIP-based uploads (docx/xlsx/pptx, ofd, zip): the archive checks and the streaming inflation that
 * confirms the declared sizes and CRC-32 (see inspect.ts for the rules).
 */

import { crc32, createInflateRaw } from 'node:zlib';
import {
  corrupt,
  FILE_KINDS,
  fail,
  gb18030,
  type InspectFailure,
  mib,
  utf8,
  type ZipLimits,
} from './kinds.ts';
import { checkOoxml, decodeXml } from './ooxml.ts';

// ---------------------------------------------------------------------------------------------
// ZIP

interface ZipEntry {
  name: string;
  /** The name and any Unicode Path alias an extractor might use instead. */
  aliases: string[];
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  dataOffset: number;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const EXTRA_UNICODE_PATH = 0x7075;

function decodeName(bytes: Uint8Array, utf8Flag: boolean): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    if (utf8Flag) return null;
  }
  try {
    return gb18030.decode(bytes); // Windows 中文 "压缩到" writes GBK names without the UTF-8 flag
  } catch {
    return null;
  }
}

/** '..', absolute, drive letters and NTFS streams (':'), backslashes, control characters. */
function unsafePath(name: string): boolean {
  if (name.length === 0 || name.length > 1024) return true;
  if (/[\p{Cc}]/u.test(name) || name.includes('\\') || name.includes(':')) return true;
  if (name.startsWith('/')) return true;
  return name.split('/').some((segment) => segment === '..');
}

/** Names carried in Info-ZIP Unicode Path extra fields (0x7075) of buf[start, end), or null if malformed. */
function unicodePathNames(buf: Buffer, start: number, end: number): string[] | null {
  const names: string[] = [];
  for (let e = start; e + 4 <= end; ) {
    const id = buf.readUInt16LE(e);
    const size = buf.readUInt16LE(e + 2);
    if (e + 4 + size > end) return null;
    if (id === EXTRA_UNICODE_PATH && size >= 5) {
      const unicode = decodeName(buf.subarray(e + 9, e + 4 + size), true);
      if (unicode === null) return null;
      names.push(unicode);
    }
    e += 4 + size;
  }
  return names;
}

/** The extension an extractor would give an entry: Windows drops trailing dots and spaces. */
function entryExtension(name: string): string | null {
  const base = (name.split('/').pop() ?? '').replace(/[.\s]+$/u, '');
  const dot = base.lastIndexOf('.');
  return dot < 0 ? null : base.slice(dot + 1).toLowerCase();
}

const unsafePathFailure = () =>
  fail('FILE_ARCHIVE_UNSAFE_PATH', '压缩包内含有不安全的路径（如 ../、绝对路径或反斜杠）。');

const archiveInvalid = (detail: string) => fail('FILE_ARCHIVE_INVALID', `压缩包结构无效：${detail}。`);
const zip64 = () =>
  fail('FILE_ARCHIVE_UNSUPPORTED', '不支持 ZIP64 或分卷压缩包，请重新压缩（单个压缩包不超过上限）后上传。');

function readZip(buf: Buffer, limits: ZipLimits): { entries: ZipEntry[] } | InspectFailure {
  if (buf.length < 22) return archiveInvalid('文件过短');
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === SIG_EOCD && i + 22 + buf.readUInt16LE(i + 20) === buf.length) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return archiveInvalid('缺少目录结束记录或末尾有多余数据');
  if (eocd >= 20 && buf.readUInt32LE(eocd - 20) === SIG_ZIP64_LOCATOR) return zip64();
  const disk = buf.readUInt16LE(eocd + 4);
  const cdDisk = buf.readUInt16LE(eocd + 6);
  const entriesOnDisk = buf.readUInt16LE(eocd + 8);
  const total = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (total === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) return zip64();
  if (disk !== 0 || cdDisk !== 0 || entriesOnDisk !== total) return zip64();
  if (total === 0) return archiveInvalid('压缩包为空');
  if (total > limits.maxEntries) {
    return fail('FILE_ARCHIVE_TOO_MANY_ENTRIES', `压缩包内文件数超过上限（${limits.maxEntries} 个）。`);
  }
  if (cdOffset + cdSize !== eocd) return archiveInvalid('中央目录位置不符（可能夹带了其他数据）');

  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let p = cdOffset;
  for (let n = 0; n < total; n++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== SIG_CENTRAL) return archiveInvalid('中央目录记录损坏');
    const madeBy = buf.readUInt16LE(p + 4);
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const compressedSize = buf.readUInt32LE(p + 20);
    const uncompressedSize = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const diskStart = buf.readUInt16LE(p + 34);
    const externalAttributes = buf.readUInt32LE(p + 38);
    const localHeaderOffset = buf.readUInt32LE(p + 42);
    const end = p + 46 + nameLength + extraLength + commentLength;
    if (end > eocd) return archiveInvalid('中央目录记录越界');
    if (
      compressedSize === 0xffffffff ||
      uncompressedSize === 0xffffffff ||
      localHeaderOffset === 0xffffffff
    ) {
      return zip64();
    }
    if (diskStart !== 0) return zip64();
    if ((flags & 0x41) !== 0 || method === 99) {
      return fail('FILE_ENCRYPTED', '压缩包或文档已加密，请上传未加密的文件。');
    }
    if (method !== 0 && method !== 8) {
      return fail('FILE_ARCHIVE_UNSUPPORTED', '压缩包使用了不支持的压缩方式，请使用标准 ZIP 格式重新压缩。');
    }

    const nameBytes = buf.subarray(p + 46, p + 46 + nameLength);
    const name = decodeName(nameBytes, (flags & 0x800) !== 0);
    if (name === null) return archiveInvalid('文件名编码无效');
    const centralAliases = unicodePathNames(buf, p + 46 + nameLength, p + 46 + nameLength + extraLength);
    if (centralAliases === null) return archiveInvalid('扩展字段无效');
    const aliases = [name, ...centralAliases];
    if (aliases.some(unsafePath)) return unsafePathFailure();
    const isUnix = madeBy >> 8 === 3;
    if (isUnix && ((externalAttributes >>> 16) & 0o170000) === 0o120000) {
      return fail('FILE_ARCHIVE_UNSAFE_PATH', '压缩包内含有符号链接。');
    }
    const key = name.normalize('NFC').toLowerCase();
    if (seen.has(key)) return archiveInvalid('含有重复的文件名');
    seen.add(key);

    if (localHeaderOffset + 30 > cdOffset || buf.readUInt32LE(localHeaderOffset) !== SIG_LOCAL) {
      return archiveInvalid('本地文件头损坏');
    }
    const localNameLength = buf.readUInt16LE(localHeaderOffset + 26);
    const localExtraLength = buf.readUInt16LE(localHeaderOffset + 28);
    const localName = buf.subarray(localHeaderOffset + 30, localHeaderOffset + 30 + localNameLength);
    if (!localName.equals(nameBytes) || buf.readUInt16LE(localHeaderOffset + 8) !== method) {
      return archiveInvalid('本地文件头与中央目录不一致');
    }
    const dataOffset = localHeaderOffset + 30 + localNameLength + localExtraLength;
    if (dataOffset + compressedSize > cdOffset) return archiveInvalid('文件数据越界');
    const localAliases = unicodePathNames(buf, localHeaderOffset + 30 + localNameLength, dataOffset);
    if (localAliases === null) return archiveInvalid('扩展字段无效');
    if (localAliases.some(unsafePath)) return unsafePathFailure();
    aliases.push(...localAliases);
    entries.push({
      name,
      aliases,
      flags,
      method,
      crc,
      compressedSize,
      uncompressedSize,
      localHeaderOffset,
      dataOffset,
    });
    p = end;
  }
  if (p !== eocd) return archiveInvalid('中央目录长度不符');

  // Entries must tile the file from offset 0 to the central directory: no overlap (the overlapping
  // "better zip bomb"), no hidden data between them (polyglots, self-extractor stubs). Only a data
  // descriptor (bit 3: 12 or 16 bytes with or without signature, 20 or 24 in ZIP64 form) may follow
  // an entry's data.
  const ordered = [...entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset);
  if (ordered[0].localHeaderOffset !== 0) return archiveInvalid('文件开头夹带了其他数据');
  for (let i = 0; i < ordered.length; i++) {
    const entry = ordered[i];
    const next = i + 1 < ordered.length ? ordered[i + 1].localHeaderOffset : cdOffset;
    const gap = next - (entry.dataOffset + entry.compressedSize);
    if (gap < 0) return fail('FILE_ARCHIVE_BOMB', '压缩包内文件数据相互重叠（疑似压缩炸弹）。');
    const descriptor = (entry.flags & 0x08) !== 0 && [12, 16, 20, 24].includes(gap);
    if (gap !== 0 && !descriptor) return archiveInvalid('文件之间夹带了无法识别的数据');
  }

  let totalUncompressed = 0;
  let totalCompressed = 0;
  const bomb = () => fail('FILE_ARCHIVE_BOMB', `压缩比异常（超过 ${limits.maxRatio}:1），疑似压缩炸弹。`);
  for (const entry of entries) {
    totalUncompressed += entry.uncompressedSize;
    totalCompressed += entry.compressedSize;
    if (entry.method === 0 && entry.compressedSize !== entry.uncompressedSize) {
      return archiveInvalid('未压缩文件的大小不一致');
    }
    if (
      entry.uncompressedSize > limits.ratioGraceBytes &&
      entry.uncompressedSize > entry.compressedSize * limits.maxRatio
    ) {
      return bomb();
    }
  }
  if (totalUncompressed > limits.maxTotalUncompressedBytes) {
    return fail(
      'FILE_ARCHIVE_TOO_LARGE',
      `压缩包解压后总大小超过上限（${mib(limits.maxTotalUncompressedBytes)}）。`,
    );
  }
  if (totalUncompressed > limits.ratioGraceBytes && totalUncompressed > totalCompressed * limits.maxRatio) {
    return bomb();
  }
  return { entries };
}

type Inflated =
  | { ok: true; size: number; crc: number; content?: Buffer }
  | { ok: false; reason: 'over' | 'corrupt' };

/** Inflates one entry in a stream, never producing more than `limit` bytes. */
function inflateEntry(buf: Buffer, entry: ZipEntry, limit: number, keep: boolean): Promise<Inflated> {
  const raw = buf.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  if (entry.method === 0) {
    return Promise.resolve({ ok: true, size: raw.length, crc: crc32(raw), content: keep ? raw : undefined });
  }
  return new Promise((resolve) => {
    const inflater = createInflateRaw();
    const chunks: Buffer[] = [];
    let size = 0;
    let crc = 0;
    let settled = false;
    const settle = (result: Inflated) => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    inflater.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        settle({ ok: false, reason: 'over' });
        inflater.destroy();
        return;
      }
      crc = crc32(chunk, crc);
      if (keep) chunks.push(chunk);
    });
    inflater.on('error', () => settle({ ok: false, reason: 'corrupt' }));
    inflater.on('end', () =>
      settle({ ok: true, size, crc, content: keep ? Buffer.concat(chunks) : undefined }),
    );
    inflater.end(raw);
  });
}

/** Inflates every entry; checks the real size and CRC against the central directory. */
async function verifyEntries(
  buf: Buffer,
  entries: readonly ZipEntry[],
  keepNames: ReadonlySet<string>,
): Promise<Map<string, Buffer> | InspectFailure> {
  const kept = new Map<string, Buffer>();
  for (const entry of entries) {
    const keep = keepNames.has(entry.name);
    const result = await inflateEntry(buf, entry, entry.uncompressedSize, keep);
    if (!result.ok) {
      return result.reason === 'over'
        ? fail('FILE_ARCHIVE_BOMB', '压缩包实际解压大小超过其声明（疑似压缩炸弹）。')
        : corrupt();
    }
    if (result.size !== entry.uncompressedSize || result.crc !== entry.crc) return corrupt();
    if (keep && result.content) kept.set(entry.name, result.content);
  }
  return kept;
}

const DANGEROUS_IN_ZIP = new Set(
  (
    'exe dll com scr pif cpl sys drv ocx msi msp mst msc bat cmd ps1 psm1 psd1 vbs vbe js jse mjs wsf wsc ' +
    'wsh hta jar class lnk url scf reg inf sh bash zsh csh ksh command py pyc pyw pl rb php php3 php4 php5 ' +
    'phtml phar asp aspx ashx asmx jsp jspx cgi html htm xhtml shtml mht mhtml svg svgz swf xbap application ' +
    'appx msix appref-ms gadget app dmg pkg deb rpm apk ipa elf so dylib ko iso img vhd vhdx chm hlp ' +
    'desktop appimage run docm dotm xlsm xltm xlam pptm potm ppam sldm ' +
    'zip rar 7z gz tgz bz2 tbz2 xz txz tar cab arj lzh lha z zst cpio ace'
  ).split(' '),
);

export async function inspectZipBased(
  buf: Buffer,
  kind: 'docx' | 'xlsx' | 'pptx' | 'ofd' | 'zip',
  limits: ZipLimits,
): Promise<InspectFailure | null> {
  const zip = readZip(buf, limits);
  if ('ok' in zip) return zip;
  const names = new Set(zip.entries.map((e) => e.name));
  const allNames = zip.entries.flatMap((e) => e.aliases);
  const keep = new Set<string>();
  if (kind === 'ofd') keep.add('OFD.xml');
  else if (kind !== 'zip') keep.add('[Content_Types].xml');

  if (kind === 'zip') {
    for (const name of allNames) {
      const extension = entryExtension(name);
      if (extension !== null && DANGEROUS_IN_ZIP.has(extension)) {
        return fail(
          'FILE_ARCHIVE_DANGEROUS_ENTRY',
          '压缩包内含有可执行程序、脚本、网页、带宏文档或嵌套压缩包，禁止上传。',
        );
      }
    }
  }
  for (const name of keep) {
    if (!names.has(name)) {
      return fail('FILE_CONTENT_MISMATCH', `文件内容不是有效的${FILE_KINDS[kind].label}，与扩展名不符。`);
    }
  }
  const kept = await verifyEntries(buf, zip.entries, keep);
  if (!(kept instanceof Map)) return kept;

  if (kind === 'ofd') {
    const root = decodeXml(kept.get('OFD.xml'));
    if (root === null || !/<(?:[\w.-]+:)?OFD[\s>]/.test(root)) {
      return fail('FILE_CONTENT_MISMATCH', '文件内容不是有效的 OFD 版式文件，与扩展名不符。');
    }
    return null;
  }
  if (kind !== 'zip') {
    const contentTypes = decodeXml(kept.get('[Content_Types].xml'));
    if (contentTypes === null) return corrupt();
    return checkOoxml(kind, names, contentTypes);
  }
  return null;
}
