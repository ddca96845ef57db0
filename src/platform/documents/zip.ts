/**
 * A minimal ZIP reader (PKWARE APPNOTE: end of central directory → central directory → local
 * headers; stored and deflated entries; CRC-32 checked). Enough to read back the .docx and .xlsx
 * files the platform generates, in tests and in verification tools, with no third-party package.
 * ZIP64, encryption and multi-disk archives are refused.
 */
import { crc32, inflateRawSync } from 'node:zlib';

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_MIN_SIZE = 22;
const MAX_COMMENT = 0xffff;

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly crc32: number;
  /** The uncompressed content; throws if the entry is corrupt. */
  read(): Buffer;
}

export class ZipFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipFormatError';
  }
}

function findEndOfCentralDirectory(zip: Buffer): number {
  const lowest = Math.max(0, zip.length - EOCD_MIN_SIZE - MAX_COMMENT);
  for (let at = zip.length - EOCD_MIN_SIZE; at >= lowest; at--) {
    if (zip.readUInt32LE(at) === EOCD_SIGNATURE) return at;
  }
  throw new ZipFormatError('not a zip archive: no end of central directory record');
}

/** Lists the entries of a zip archive in central-directory order. */
export function readZip(zip: Buffer): ZipEntry[] {
  if (zip.length < EOCD_MIN_SIZE) throw new ZipFormatError('not a zip archive: too short');
  const eocd = findEndOfCentralDirectory(zip);
  if (zip.readUInt16LE(eocd + 4) !== 0 || zip.readUInt16LE(eocd + 6) !== 0) {
    throw new ZipFormatError('multi-disk zip archives are not supported');
  }
  const count = zip.readUInt16LE(eocd + 10);
  const directorySize = zip.readUInt32LE(eocd + 12);
  const directoryOffset = zip.readUInt32LE(eocd + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff) throw new ZipFormatError('ZIP64 is not supported');
  if (directoryOffset + directorySize > eocd) throw new ZipFormatError('central directory out of bounds');

  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > eocd || zip.readUInt32LE(at) !== CENTRAL_SIGNATURE) {
      throw new ZipFormatError(`bad central directory entry ${i}`);
    }
    const flags = zip.readUInt16LE(at + 8);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const compressedSize = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localOffset = zip.readUInt32LE(at + 42);
    // Bit 11: the name is UTF-8; otherwise CP437, which for the ASCII names of OOXML parts is the same.
    const name = zip.toString(flags & 0x800 ? 'utf8' : 'latin1', at + 46, at + 46 + nameLength);
    if (flags & 0x1) throw new ZipFormatError(`${name}: encrypted entries are not supported`);
    entries.push({
      name,
      method,
      compressedSize,
      size,
      crc32: crc,
      read: () => readEntry(zip, name, localOffset, method, compressedSize, size, crc),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function readEntry(
  zip: Buffer,
  name: string,
  localOffset: number,
  method: number,
  compressedSize: number,
  size: number,
  expectedCrc: number,
): Buffer {
  if (localOffset + 30 > zip.length || zip.readUInt32LE(localOffset) !== LOCAL_SIGNATURE) {
    throw new ZipFormatError(`${name}: bad local header`);
  }
  const start = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
  if (start + compressedSize > zip.length) throw new ZipFormatError(`${name}: data out of bounds`);
  const raw = zip.subarray(start, start + compressedSize);
  let data: Buffer;
  if (method === 0) data = Buffer.from(raw);
  else if (method === 8) data = inflateRawSync(raw);
  else throw new ZipFormatError(`${name}: compression method ${method} is not supported`);
  if (data.length !== size) throw new ZipFormatError(`${name}: size mismatch`);
  if (crc32(data) >>> 0 !== expectedCrc >>> 0) throw new ZipFormatError(`${name}: CRC-32 mismatch`);
  return data;
}

/** The named entry's content as UTF-8 text, or undefined when the archive has no such entry. */
export function readZipText(zip: Buffer, name: string): string | undefined {
  return readZip(zip)
    .find((entry) => entry.name === name)
    ?.read()
    .toString('utf8');
}
