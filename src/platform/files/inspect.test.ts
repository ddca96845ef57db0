import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { crc32, deflateRawSync, deflateSync } from 'node:zlib';
import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import QRCode from 'qrcode';
import { DomainError } from '../errors.ts';
import {
  CATALOG_IMPORT_KINDS,
  cfbEntryNames,
  contentDisposition,
  DEFAULT_MAX_UPLOAD_BYTES,
  declaredExtension,
  type FileKind,
  type InspectOptions,
  type InspectResult,
  inspectionError,
  inspectUpload,
  isSafeStorageName,
  PROJECT_MATERIAL_KINDS,
  safeStorageName,
} from './inspect.ts';

// ---------------------------------------------------------------------------------------------
// Fixtures, built in memory

interface ZipEntrySpec {
  name: string | Buffer;
  data?: Buffer | string;
  store?: boolean;
  flags?: number;
  /** What the central directory claims, when it should lie. */
  claimUncompressed?: number;
  claimCompressed?: number;
  claimCrc?: number;
  madeBy?: number;
  externalAttributes?: number;
  extra?: Buffer;
  /** Extra field of the local header only. */
  localExtra?: Buffer;
  /** Bytes after the entry's data (a data descriptor, or smuggled data). */
  trailer?: Buffer;
}

interface ZipOptions {
  prefix?: Buffer;
  suffix?: Buffer;
  /** Overrides the total entry count in the end record. */
  total?: number;
  cdOffsetDelta?: number;
}

function makeZip(specs: ZipEntrySpec[], options: ZipOptions = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = options.prefix?.length ?? 0;
  for (const spec of specs) {
    const name = typeof spec.name === 'string' ? Buffer.from(spec.name, 'utf8') : spec.name;
    const data =
      typeof spec.data === 'string' ? Buffer.from(spec.data, 'utf8') : (spec.data ?? Buffer.alloc(0));
    const method = spec.store ? 0 : 8;
    const body = spec.store ? data : deflateRawSync(data);
    const flags = spec.flags ?? (typeof spec.name === 'string' ? 0x800 : 0);
    const crc = spec.claimCrc ?? crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const localExtra = spec.localExtra ?? Buffer.alloc(0);
    local.writeUInt16LE(localExtra.length, 28);
    const trailer = spec.trailer ?? Buffer.alloc(0);
    locals.push(local, name, localExtra, body, trailer);
    const extra = spec.extra ?? Buffer.alloc(0);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(spec.madeBy ?? 20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(spec.claimCompressed ?? body.length, 20);
    central.writeUInt32LE(spec.claimUncompressed ?? data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(spec.externalAttributes ?? 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name, extra);
    offset += 30 + name.length + localExtra.length + body.length + trailer.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(options.total ?? specs.length, 8);
  eocd.writeUInt16LE(options.total ?? specs.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset + (options.cdOffsetDelta ?? 0), 16);
  return Buffer.concat([
    options.prefix ?? Buffer.alloc(0),
    ...locals,
    cd,
    eocd,
    options.suffix ?? Buffer.alloc(0),
  ]);
}

const CT = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml',
  docm: 'application/vnd.ms-word.document.macroEnabled.main+xml',
};

const contentTypes = (part: string, type: string) =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  `<Override ContentType="${type}" PartName="/${part}"/></Types>`;

function ooxml(part: string, type: string, extra: ZipEntrySpec[] = []): Buffer {
  return makeZip([
    { name: '[Content_Types].xml', data: contentTypes(part, type) },
    { name: '_rels/.rels', data: '<Relationships/>' },
    { name: part, data: '<root/>' },
    ...extra,
  ]);
}

const pptx = () => ooxml('ppt/presentation.xml', CT.pptx);

function ofd(
  root = '<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" DocType="OFD" Version="1.0"></ofd:OFD>',
) {
  return makeZip([
    { name: 'OFD.xml', data: `<?xml version="1.0" encoding="UTF-8"?>${root}` },
    { name: 'Doc_0/Document.xml', data: '<ofd:Document/>' },
  ]);
}

async function docxFile(): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('统筹项目申报书')] }] }));
}

async function xlsxFile(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('目录').addRows([
    ['系统名称', '部门'],
    ['政务云平台', '大数据局'],
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A minimal OLE compound file (MS-CFB v3) whose directory names the given streams. */
function makeCfb(streams: string[]): Buffer {
  const names = ['Root Entry', ...streams];
  const dirSectors = Math.ceil(names.length / 4);
  const header = Buffer.alloc(512, 0);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 0x18);
  header.writeUInt16LE(3, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e);
  header.writeUInt16LE(6, 0x20);
  header.writeUInt32LE(1, 0x2c); // one FAT sector
  header.writeUInt32LE(1, 0x30); // directory starts at sector 1
  header.writeUInt32LE(4096, 0x38);
  header.writeUInt32LE(0xfffffffe, 0x3c);
  header.writeUInt32LE(0xfffffffe, 0x44);
  header.fill(0xff, 0x4c);
  header.writeUInt32LE(0, 0x4c); // FAT at sector 0
  const fat = Buffer.alloc(512, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0);
  for (let s = 1; s <= dirSectors; s++) fat.writeUInt32LE(s === dirSectors ? 0xfffffffe : s + 1, s * 4);
  const dir = Buffer.alloc(dirSectors * 512, 0);
  names.forEach((name, i) => {
    const e = i * 128;
    const encoded = Buffer.from(`${name}\u0000`, 'utf16le');
    encoded.copy(dir, e);
    dir.writeUInt16LE(encoded.length, e + 0x40);
    dir[e + 0x42] = i === 0 ? 5 : 2;
    dir.writeUInt32LE(0xffffffff, e + 0x44);
    dir.writeUInt32LE(i === 0 || i === names.length - 1 ? 0xffffffff : i + 1, e + 0x48);
    dir.writeUInt32LE(i === 0 && names.length > 1 ? 1 : 0xffffffff, e + 0x4c);
    dir.writeUInt32LE(0xfffffffe, e + 0x74);
  });
  return Buffer.concat([header, fat, dir]);
}

const pdfText = (body = '') =>
  Buffer.from(
    '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R' +
      body +
      ' >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n' +
      'trailer\n<< /Root 1 0 R /Size 3 >>\nstartxref\n0\n%%EOF\n',
    'latin1',
  );

function pdfWithStream(dictionary: string, data: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(`%PDF-1.7\n3 0 obj\n<< ${dictionary} /Length ${data.length} >>\nstream\n`, 'latin1'),
    data,
    Buffer.from('\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1'),
  ]);
}

interface PdfKitDocument {
  on(event: 'data', listener: (chunk: Buffer) => void): PdfKitDocument;
  on(event: 'end', listener: () => void): PdfKitDocument;
  end(): void;
}
type PdfPrinterConstructor = new (
  fonts: Record<string, Record<'normal' | 'bold' | 'italics' | 'bolditalics', string>>,
) => {
  createPdfKitDocument(definition: { content: string[]; defaultStyle: { font: string } }): PdfKitDocument;
};

/** A real PDF from pdfmake (pdfkit), with the standard Helvetica font. */
function pdfmakeFile(): Promise<Buffer> {
  const Printer = createRequire(import.meta.url)('pdfmake/src/printer.js') as PdfPrinterConstructor;
  const face = {
    normal: 'Helvetica',
    bold: 'Helvetica-Bold',
    italics: 'Helvetica',
    bolditalics: 'Helvetica',
  };
  const doc = new Printer({ Helvetica: face }).createPdfKitDocument({
    content: ['Tongchou project application'],
    defaultStyle: { font: 'Helvetica' },
  });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.end();
  });
}

function jpeg(width: number, height: number): Buffer {
  const app0 = [
    0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0, 0,
  ];
  const sof = [0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x03];
  const components = [0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01];
  const sos = [0xff, 0xda, 0x00, 0x0c, 0x03, 0x01, 0x00, 0x02, 0x11, 0x03, 0x11, 0x00, 0x3f, 0x00];
  return Buffer.from([0xff, 0xd8, ...app0, ...sof, ...components, ...sos, 0x12, 0x34, 0xff, 0xd9]);
}

function pe(): Buffer {
  const exe = Buffer.alloc(256, 0);
  exe.write('MZ', 0, 'latin1');
  exe.writeUInt32LE(0x80, 0x3c);
  exe.write('PE\u0000\u0000', 0x80, 'latin1');
  return exe;
}

const materials: InspectOptions = { allowed: PROJECT_MATERIAL_KINDS };
const withZip: InspectOptions = { allowed: [...PROJECT_MATERIAL_KINDS, 'zip'] };

async function expectOk(data: Buffer, name: string, kind: FileKind, options: InspectOptions = materials) {
  const result = await inspectUpload(data, name, options);
  assert.ok(result.ok, `${name}: ${JSON.stringify(result)}`);
  assert.equal(result.kind, kind);
  return result;
}

async function expectFail(data: Buffer, name: string, code: string, options: InspectOptions = materials) {
  const result: InspectResult = await inspectUpload(data, name, options);
  assert.equal(result.ok, false, `${name} should be refused`);
  assert.ok(!result.ok);
  assert.equal(result.code, code, `${name}: ${result.message}`);
  assert.match(result.message, /[\u4e00-\u9fff]/, 'message is Chinese');
  return result;
}

// ---------------------------------------------------------------------------------------------

describe('inspectUpload: accepted kinds (SECURITY.md 27)', () => {
  it('accepts a real PDF from pdfmake and a minimal hand-made one', async () => {
    const result = await expectOk(await pdfmakeFile(), '项目申报书.pdf', 'pdf');
    assert.equal(result.mime, 'application/pdf');
    assert.equal(result.extension, 'pdf');
    await expectOk(pdfText(), 'minimal.PDF', 'pdf');
  });

  it('accepts a docx built with the docx package and an xlsx built with exceljs', async () => {
    const docx = await expectOk(await docxFile(), '需求说明.docx', 'docx');
    assert.equal(docx.mime, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const xlsx = await expectOk(await xlsxFile(), '目录.xlsx', 'xlsx');
    assert.equal(xlsx.extension, 'xlsx');
  });

  it('accepts a pptx and an OFD', async () => {
    await expectOk(pptx(), '汇报.pptx', 'pptx');
    const result = await expectOk(ofd(), '批复.ofd', 'ofd');
    assert.equal(result.mime, 'application/ofd');
  });

  it('accepts OLE compound files holding the right main stream: doc, xls, ppt, wps, et, dps', async () => {
    await expectOk(makeCfb(['WordDocument', '1Table', '\u0005SummaryInformation']), 'old.doc', 'doc');
    await expectOk(makeCfb(['Workbook']), 'old.xls', 'xls');
    await expectOk(makeCfb(['PowerPoint Document', 'Current User']), 'old.ppt', 'ppt');
    await expectOk(makeCfb(['WordDocument', '1Table']), 'wps文字.wps', 'wps');
    await expectOk(makeCfb(['Book']), 'wps表格.et', 'et');
    await expectOk(makeCfb(['PowerPoint Document']), 'wps演示.dps', 'dps');
  });

  it('reads the directory of a compound file spanning several directory sectors', () => {
    const streams = Array.from({ length: 9 }, (_, i) => `Stream${i}`);
    assert.deepEqual(cfbEntryNames(makeCfb(streams)), ['Root Entry', ...streams]);
  });

  it('accepts PNG (from qrcode) and JPEG images', async () => {
    const png = await QRCode.toBuffer('统筹');
    const result = await expectOk(png, '二维码.png', 'png');
    assert.equal(result.mime, 'image/png');
    const jpg = await expectOk(jpeg(640, 480), 'photo.JPEG', 'jpeg');
    assert.equal(jpg.extension, 'jpg');
    await expectOk(jpeg(640, 480), 'photo.jpg', 'jpeg');
  });

  it('accepts UTF-8 (with or without BOM) and GB18030 text and CSV, and reports the charset', async () => {
    const utf8 = await expectOk(Buffer.from('系统名称,部门\n政务云平台,大数据局\n'), '目录.csv', 'csv');
    assert.equal(utf8.charset, 'utf-8');
    assert.equal(utf8.mime, 'text/csv; charset=utf-8');
    await expectOk(Buffer.from('\ufeff说明\t内容\r\n'), '说明.txt', 'txt');
    // '中文,项目' in GBK/GB18030
    const gbk = Buffer.from([0xd6, 0xd0, 0xce, 0xc4, 0x2c, 0xcf, 0xee, 0xc4, 0xbf, 0x0a]);
    const result = await expectOk(gbk, '目录.csv', 'csv');
    assert.equal(result.charset, 'gb18030');
    assert.equal(result.mime, 'text/csv; charset=gb18030');
    await expectOk(Buffer.from('MZ,1\nAB,2\n'), 'codes.csv', 'csv'); // plain text that starts with MZ
    await expectOk(Buffer.from('金额 < 100 万元 & 工期 > 3 个月\n'), 'note.txt', 'txt');
  });

  it('accepts a ZIP only where the caller allows it', async () => {
    const zip = makeZip([
      { name: '材料/申报书.pdf', data: pdfText() },
      { name: '材料/', store: true },
      { name: '材料/预算.xlsx', data: 'x' },
    ]);
    await expectFail(zip, '材料.zip', 'FILE_TYPE_NOT_ALLOWED');
    const result = await expectOk(zip, '材料.zip', 'zip', withZip);
    assert.equal(result.mime, 'application/zip');
  });

  it('accepts GBK entry names written without the UTF-8 flag (Windows 中文 compression)', async () => {
    const gbkName = Buffer.concat([Buffer.from([0xcf, 0xee, 0xc4, 0xbf]), Buffer.from('.txt')]); // 项目.txt
    await expectOk(makeZip([{ name: gbkName, data: 'abc' }]), 'a.zip', 'zip', withZip);
  });

  it('uses the canonical extension of the detected kind and ignores path parts of the name', async () => {
    const result = await expectOk(pdfText(), 'C:\\Users\\li\\..\\报告.Pdf', 'pdf');
    assert.equal(result.extension, 'pdf');
    await expectOk(pdfText(), '报告．ｐｄｆ', 'pdf'); // full-width dot and letters (NFKC)
  });
});

describe('inspectUpload: executables, scripts and markup are refused even when renamed', () => {
  it('refuses a Windows executable renamed to .pdf, .docx, .txt', async () => {
    for (const name of ['report.pdf', 'report.docx', 'readme.txt', 'setup.exe']) {
      await expectFail(pe(), name, 'FILE_EXECUTABLE');
    }
    const dosStub = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100, 0)]);
    await expectFail(dosStub, 'a.pdf', 'FILE_EXECUTABLE');
  });

  it('refuses ELF, Mach-O, Java class, wasm, shortcuts and shebang scripts', async () => {
    const samples = [
      Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]),
      Buffer.from([0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1]),
      Buffer.from([0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 0x34]),
      Buffer.from([0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0]),
      Buffer.from([0x4c, 0, 0, 0, 1, 0x14, 2, 0, 0, 0]),
      Buffer.from('#!/bin/sh\nrm -rf /\n'),
    ];
    for (const sample of samples) await expectFail(sample, 'data.csv', 'FILE_EXECUTABLE');
  });

  it('refuses HTML renamed to .txt, .csv, .pdf or .png', async () => {
    const pages = [
      '<!DOCTYPE html><html><body>hi</body></html>',
      '\ufeff  <html><script>alert(1)</script></html>',
      '<script>alert(document.cookie)</script>',
      '<iframe src="https://evil.example"></iframe>',
      '<?php system($_GET["c"]); ?>',
      '<%@ Page Language="C#" %>',
      '<!-- comment --><p>x</p>',
    ];
    for (const page of pages) {
      for (const name of ['a.txt', 'a.csv', 'a.pdf', 'a.png']) {
        await expectFail(Buffer.from(page), name, 'FILE_ACTIVE_CONTENT');
      }
    }
    const utf16 = Buffer.from('\ufeff<html><script>x</script></html>', 'utf16le');
    const result = await inspectUpload(utf16, 'a.txt', materials);
    assert.equal(result.ok, false);
  });

  it('refuses SVG in any disguise, and .svg/.html names outright', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><circle r="5"/></svg>';
    await expectFail(Buffer.from(svg), 'logo.png', 'FILE_ACTIVE_CONTENT');
    await expectFail(Buffer.from(`<?xml version="1.0"?>\n${svg}`), 'logo.jpg', 'FILE_ACTIVE_CONTENT');
    await expectFail(Buffer.from(svg), 'logo.txt', 'FILE_ACTIVE_CONTENT');
    await expectFail(await QRCode.toBuffer('x'), 'logo.svg', 'FILE_TYPE_NOT_ALLOWED');
    await expectFail(Buffer.from('hello'), 'page.html', 'FILE_TYPE_NOT_ALLOWED');
  });

  it('refuses script markup anywhere in a text file', async () => {
    await expectFail(
      Buffer.from('名称,备注\n系统A,"<script>alert(1)</script>"\n'),
      'a.csv',
      'FILE_ACTIVE_CONTENT',
    );
    await expectFail(Buffer.from('链接: javascript:alert(1)\n'), 'a.txt', 'FILE_ACTIVE_CONTENT');
    await expectFail(Buffer.from('x\n<img src=x onerror=alert(1)>\n'), 'a.txt', 'FILE_ACTIVE_CONTENT');
  });

  it('refuses PDFs with JavaScript or launch actions, including #-escaped names and object streams', async () => {
    await expectFail(
      pdfText(' /OpenAction << /S /JavaScript /JS (app.alert(1)) >>'),
      'a.pdf',
      'FILE_ACTIVE_CONTENT',
    );
    await expectFail(
      pdfText(' /OpenAction << /S /J#61vaScript /J#53 (x) >>'),
      'a.pdf',
      'FILE_ACTIVE_CONTENT',
    );
    await expectFail(pdfText(' /OpenAction << /S /Launch /F (cmd.exe) >>'), 'a.pdf', 'FILE_ACTIVE_CONTENT');
    const objStm = deflateSync(Buffer.from('4 0 << /S /JavaScript /JS (app.alert(1)) >>', 'latin1'));
    await expectFail(
      pdfWithStream('/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode', objStm),
      'a.pdf',
      'FILE_ACTIVE_CONTENT',
    );
  });

  it('does not mistake bytes inside an ordinary stream for a PDF action', async () => {
    const binary = Buffer.concat([
      Buffer.from([0x00, 0xff]),
      Buffer.from('/JS /JavaScript /Launch', 'latin1'),
    ]);
    await expectOk(pdfWithStream('/Filter /FlateDecode', binary), 'a.pdf', 'pdf');
  });
});

describe('inspectUpload: content must match the declared extension', () => {
  it('refuses an xlsx named .docx, a docx named .pptx and a pptx named .xlsx', async () => {
    await expectFail(await xlsxFile(), 'a.docx', 'FILE_CONTENT_MISMATCH');
    await expectFail(await docxFile(), 'a.pptx', 'FILE_CONTENT_MISMATCH');
    await expectFail(pptx(), 'a.xlsx', 'FILE_CONTENT_MISMATCH');
  });

  it('refuses a zip without [Content_Types].xml or with the wrong main content type as docx', async () => {
    await expectFail(
      makeZip([{ name: 'word/document.xml', data: '<w/>' }]),
      'a.docx',
      'FILE_CONTENT_MISMATCH',
    );
    const wrongType = ooxml('word/document.xml', 'application/xml');
    await expectFail(wrongType, 'a.docx', 'FILE_CONTENT_MISMATCH');
    const noPart = makeZip([
      { name: '[Content_Types].xml', data: contentTypes('word/document.xml', CT.docx) },
    ]);
    await expectFail(noPart, 'a.docx', 'FILE_CONTENT_MISMATCH');
  });

  it('refuses a zip without an OFD root as .ofd', async () => {
    await expectFail(
      makeZip([{ name: 'Doc_0/Document.xml', data: '<x/>' }]),
      'a.ofd',
      'FILE_CONTENT_MISMATCH',
    );
    await expectFail(ofd('<html/>'), 'a.ofd', 'FILE_CONTENT_MISMATCH');
  });

  it('refuses a compound file without the main stream (e.g. an MSI installer named .doc)', async () => {
    await expectFail(makeCfb(['\u4840\u3f3f\u4177']), 'a.doc', 'FILE_CONTENT_MISMATCH');
    await expectFail(makeCfb(['WordDocument']), 'a.xls', 'FILE_CONTENT_MISMATCH');
    await expectFail(makeCfb(['Workbook']), 'a.doc', 'FILE_CONTENT_MISMATCH');
    await expectFail(Buffer.concat([makeCfb(['WordDocument']).subarray(0, 400)]), 'a.doc', 'FILE_CORRUPT');
  });

  it('refuses wrong magic bytes for every binary kind', async () => {
    const text = Buffer.from('just some text that is long enough to be a file\n');
    for (const name of [
      'a.pdf',
      'a.docx',
      'a.xlsx',
      'a.pptx',
      'a.ofd',
      'a.doc',
      'a.xls',
      'a.wps',
      'a.et',
      'a.png',
      'a.jpg',
    ]) {
      await expectFail(text, name, 'FILE_CONTENT_MISMATCH');
    }
    await expectFail(pdfText(), 'a.docx', 'FILE_CONTENT_MISMATCH');
    await expectFail(await docxFile(), 'a.doc', 'FILE_CONTENT_MISMATCH');
    await expectFail(jpeg(10, 10), 'a.png', 'FILE_CONTENT_MISMATCH');
  });

  it('refuses truncated PDFs and PNGs', async () => {
    const pdf = pdfText();
    await expectFail(pdf.subarray(0, pdf.length - 10), 'a.pdf', 'FILE_CORRUPT');
    const png = await QRCode.toBuffer('x');
    await expectFail(png.subarray(0, png.length - 12), 'a.png', 'FILE_CORRUPT');
  });

  it('refuses images with too many pixels', async () => {
    await expectFail(jpeg(60000, 60000), 'a.jpg', 'FILE_IMAGE_TOO_LARGE');
    await expectFail(await QRCode.toBuffer('x', { width: 400 }), 'a.png', 'FILE_IMAGE_TOO_LARGE', {
      ...materials,
      maxImagePixels: 100_000,
    });
  });

  it('refuses text in UTF-16, with NUL or control characters, or in no valid encoding', async () => {
    await expectFail(Buffer.from('\ufeff名称', 'utf16le'), 'a.txt', 'FILE_TEXT_ENCODING');
    await expectFail(Buffer.from('abc\u0000def'), 'a.csv', 'FILE_TEXT_ENCODING');
    await expectFail(Buffer.from('abc\u001b[31mred'), 'a.txt', 'FILE_CONTENT_MISMATCH');
    await expectFail(Buffer.from([0x61, 0xff, 0xfe, 0xfd, 0x62]), 'a.txt', 'FILE_TEXT_ENCODING');
  });

  it('refuses macro-enabled documents', async () => {
    const vba = ooxml('word/document.xml', CT.docx, [{ name: 'word/vbaProject.bin', data: 'x' }]);
    await expectFail(vba, 'a.docx', 'FILE_MACROS_NOT_ALLOWED');
    await expectFail(ooxml('word/document.xml', CT.docm), 'a.docx', 'FILE_MACROS_NOT_ALLOWED');
    await expectFail(makeCfb(['WordDocument', 'Macros']), 'a.doc', 'FILE_MACROS_NOT_ALLOWED');
    await expectFail(makeCfb(['Workbook', '_VBA_PROJECT_CUR']), 'a.xls', 'FILE_MACROS_NOT_ALLOWED');
  });

  it('refuses encrypted documents and archives', async () => {
    await expectFail(makeCfb(['EncryptionInfo', 'EncryptedPackage']), 'a.docx', 'FILE_ENCRYPTED');
    await expectFail(
      makeZip([{ name: 'a.txt', data: 'x', flags: 0x801 }]),
      'a.zip',
      'FILE_ENCRYPTED',
      withZip,
    );
  });
});

describe('inspectUpload: archive limits (zip bombs, traversal)', () => {
  it('refuses a zip bomb by compression ratio', async () => {
    const bomb = makeZip([{ name: 'zeros.txt', data: Buffer.alloc(20 * 1024 * 1024) }]);
    assert.ok(bomb.length < 100 * 1024);
    await expectFail(bomb, 'a.zip', 'FILE_ARCHIVE_BOMB', withZip);
    const docxBomb = ooxml('word/document.xml', CT.docx, [
      { name: 'word/media/x.bin', data: Buffer.alloc(8 << 20) },
    ]);
    await expectFail(docxBomb, 'a.docx', 'FILE_ARCHIVE_BOMB');
  });

  it('refuses a central directory that claims huge uncompressed sizes', async () => {
    const claimsHuge = makeZip([
      { name: 'a.txt', data: 'x'.repeat(1000), claimUncompressed: 400 * 1024 * 1024 },
      { name: 'b.txt', data: 'y'.repeat(1000), claimUncompressed: 400 * 1024 * 1024 },
    ]);
    const result = await inspectUpload(claimsHuge, 'a.zip', withZip);
    assert.ok(!result.ok);
    assert.ok(['FILE_ARCHIVE_BOMB', 'FILE_ARCHIVE_TOO_LARGE'].includes(result.code), result.code);
    const total = makeZip(
      Array.from({ length: 3 }, (_, i) => ({
        name: `${i}.bin`,
        data: Buffer.alloc(300_000, i),
        store: true,
      })),
    );
    await expectFail(total, 'a.zip', 'FILE_ARCHIVE_TOO_LARGE', {
      ...withZip,
      zip: { maxTotalUncompressedBytes: 500_000 },
    });
  });

  it('refuses an entry that inflates to more than its central directory declares', async () => {
    const lying = makeZip([
      { name: 'a.txt', data: Buffer.alloc(2 * 1024 * 1024, 0x41), claimUncompressed: 1000 },
    ]);
    await expectFail(lying, 'a.zip', 'FILE_ARCHIVE_BOMB', withZip);
  });

  it('refuses an entry whose CRC-32 or size does not match', async () => {
    await expectFail(
      makeZip([{ name: 'a.txt', data: 'hello', claimCrc: 1234 }]),
      'a.zip',
      'FILE_CORRUPT',
      withZip,
    );
    const short = makeZip([{ name: 'a.txt', data: 'hello world', claimUncompressed: 20 }]);
    await expectFail(short, 'a.zip', 'FILE_CORRUPT', withZip);
  });

  it('refuses more entries than allowed', async () => {
    const many = makeZip(Array.from({ length: 6 }, (_, i) => ({ name: `f${i}.txt`, data: 'x' })));
    await expectFail(many, 'a.zip', 'FILE_ARCHIVE_TOO_MANY_ENTRIES', { ...withZip, zip: { maxEntries: 5 } });
    await expectOk(many, 'a.zip', 'zip', { ...withZip, zip: { maxEntries: 6 } });
  });

  it('refuses path traversal, absolute paths, drive letters, backslashes and symlinks', async () => {
    for (const name of [
      '../evil.txt',
      'a/../../evil.txt',
      '/etc/passwd',
      'C:/Windows/x.txt',
      'a\\..\\b.txt',
      'x/..',
      'a.txt:evil.exe',
    ]) {
      await expectFail(makeZip([{ name, data: 'x' }]), 'a.zip', 'FILE_ARCHIVE_UNSAFE_PATH', withZip);
    }
    const docx = ooxml('word/document.xml', CT.docx, [{ name: '../../etc/cron.d/x', data: 'x' }]);
    await expectFail(docx, 'a.docx', 'FILE_ARCHIVE_UNSAFE_PATH');
    const symlink = makeZip([
      { name: 'link', data: '/etc/passwd', madeBy: 0x031e, externalAttributes: 0o120777 * 0x10000 },
    ]);
    await expectFail(symlink, 'a.zip', 'FILE_ARCHIVE_UNSAFE_PATH', withZip);
  });

  it('refuses a traversal hidden in the Info-ZIP Unicode Path extra field (central or local)', async () => {
    const unicodeName = Buffer.from('../evil.txt');
    const extra = Buffer.alloc(4 + 5 + unicodeName.length);
    extra.writeUInt16LE(0x7075, 0);
    extra.writeUInt16LE(5 + unicodeName.length, 2);
    extra[4] = 1;
    unicodeName.copy(extra, 9);
    await expectFail(
      makeZip([{ name: 'safe.txt', data: 'x', localExtra: extra }]),
      'a.zip',
      'FILE_ARCHIVE_UNSAFE_PATH',
      withZip,
    );
    await expectFail(
      makeZip([{ name: 'safe.txt', data: 'x', extra }]),
      'a.zip',
      'FILE_ARCHIVE_UNSAFE_PATH',
      withZip,
    );
  });

  it('refuses executables, scripts, pages, macro documents and nested archives inside a zip', async () => {
    for (const name of [
      'setup.exe',
      'tricky.exe. ',
      'trail.exe..',
      'dir/run.BAT',
      'x.ps1',
      'page.html',
      'logo.svg',
      'a.docm',
      'inner.zip',
      'b.7z',
      'go.lnk',
    ]) {
      await expectFail(makeZip([{ name, data: 'x' }]), 'a.zip', 'FILE_ARCHIVE_DANGEROUS_ENTRY', withZip);
    }
  });

  it('refuses duplicate and overlapping entries', async () => {
    const dup = makeZip([
      { name: 'a.txt', data: 'x' },
      { name: 'A.TXT', data: 'y' },
    ]);
    await expectFail(dup, 'a.zip', 'FILE_ARCHIVE_INVALID', withZip);
    const overlap = makeZip([
      { name: 'a.txt', data: 'first', claimCompressed: 40 },
      { name: 'b.txt', data: 'second' },
    ]);
    await expectFail(overlap, 'a.zip', 'FILE_ARCHIVE_BOMB', withZip);
  });

  it('refuses ZIP64, multi-disk and unsupported compression', async () => {
    const zip64 = makeZip([{ name: 'a.txt', data: 'x', claimUncompressed: 0xffffffff }]);
    await expectFail(zip64, 'a.zip', 'FILE_ARCHIVE_UNSUPPORTED', withZip);
    const bzip = makeZip([{ name: 'a.txt', data: 'x' }]);
    const cd = bzip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bzip.writeUInt16LE(12, cd + 10);
    bzip.writeUInt16LE(12, 8);
    await expectFail(bzip, 'a.zip', 'FILE_ARCHIVE_UNSUPPORTED', withZip);
    const multi = makeZip([{ name: 'a.txt', data: 'x' }]);
    multi.writeUInt16LE(1, multi.length - 22 + 4);
    await expectFail(multi, 'a.zip', 'FILE_ARCHIVE_UNSUPPORTED', withZip);
  });

  it('refuses prepended or appended data and a broken central directory', async () => {
    const valid = makeZip([{ name: 'a.txt', data: 'x' }]);
    await expectFail(
      Buffer.concat([valid, Buffer.from('trailing')]),
      'a.zip',
      'FILE_ARCHIVE_INVALID',
      withZip,
    );
    const prefixed = makeZip([{ name: 'a.txt', data: 'x' }], {
      prefix: Buffer.from('PK\u0003\u0004junk-junk-junk-junk-junk-junk'),
    });
    const result = await inspectUpload(prefixed, 'a.zip', withZip);
    assert.equal(result.ok, false);
    await expectFail(
      makeZip([{ name: 'a.txt', data: 'x' }], { total: 2 }),
      'a.zip',
      'FILE_ARCHIVE_INVALID',
      withZip,
    );
    await expectFail(
      makeZip([{ name: 'a.txt', data: 'x' }], { cdOffsetDelta: -1 }),
      'a.zip',
      'FILE_ARCHIVE_INVALID',
      withZip,
    );
    await expectFail(valid.subarray(0, valid.length - 5), 'a.zip', 'FILE_ARCHIVE_INVALID', withZip);
  });

  it('accepts a data descriptor after an entry but no other data between entries', async () => {
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    const streamed = makeZip([
      { name: 'a.txt', data: 'hello', flags: 0x808, trailer: descriptor },
      { name: 'b.txt', data: 'world' },
    ]);
    await expectOk(streamed, 'a.zip', 'zip', withZip);
    const smuggled = makeZip([
      { name: 'a.txt', data: 'hello', trailer: Buffer.from('<script>x</script>') },
      { name: 'b.txt', data: 'world' },
    ]);
    await expectFail(smuggled, 'a.zip', 'FILE_ARCHIVE_INVALID', withZip);
  });

  it('never throws on arbitrary bytes behind a ZIP signature (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), async (bytes) => {
        const data = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), bytes]);
        for (const name of ['a.zip', 'a.docx', 'a.ofd']) {
          const result = await inspectUpload(data, name, withZip);
          assert.equal(typeof result.ok, 'boolean');
        }
      }),
      { numRuns: 150 },
    );
  });

  it('never throws on arbitrary bytes behind a compound-file signature (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 0, maxLength: 2048 }), async (bytes) => {
        const data = Buffer.concat([makeCfb(['WordDocument']).subarray(0, 8), bytes]);
        const result = await inspectUpload(data, 'a.doc', materials);
        assert.equal(typeof result.ok, 'boolean');
      }),
      { numRuns: 150 },
    );
  });
});

describe('inspectUpload: names, allowlist and size', () => {
  it('refuses an empty file and one over the size limit (default 50 MiB)', async () => {
    await expectFail(Buffer.alloc(0), 'a.txt', 'FILE_EMPTY');
    assert.equal(DEFAULT_MAX_UPLOAD_BYTES, 50 * 1024 * 1024);
    const big = Buffer.alloc(DEFAULT_MAX_UPLOAD_BYTES + 1, 0x61);
    const result = await expectFail(big, 'a.txt', 'FILE_TOO_LARGE');
    assert.match(result.message, /50 MiB/);
    await expectFail(pdfText(), 'a.pdf', 'FILE_TOO_LARGE', { ...materials, maxBytes: 100 });
  });

  it('refuses names without a usable extension, and trailing dots or spaces', async () => {
    for (const name of ['README', '.pdf', 'a.pdf.', 'a.pdf ', 'a.', 'a.p df', '']) {
      await expectFail(pdfText(), name, 'FILE_NAME_INVALID');
    }
  });

  it('refuses kinds the slot does not allow, listing the allowed ones', async () => {
    const result = await expectFail(pdfText(), 'a.pdf', 'FILE_TYPE_NOT_ALLOWED', {
      allowed: CATALOG_IMPORT_KINDS,
    });
    assert.match(result.message, /xlsx、csv/);
    await expectOk(await xlsxFile(), 'a.xlsx', 'xlsx', { allowed: CATALOG_IMPORT_KINDS });
    for (const name of ['a.exe', 'a.js', 'a.rar', 'a.docm', 'a.rtf', 'a.pdf.exe']) {
      await expectFail(Buffer.from('plain'), name, 'FILE_TYPE_NOT_ALLOWED');
    }
  });

  it('declaredExtension takes the last extension of the last path segment, lower-cased', () => {
    assert.equal(declaredExtension('a.tar.GZ'), 'gz');
    assert.equal(declaredExtension('dir.pdf/file'), null);
    assert.equal(declaredExtension('..\\x.DOCX'), 'docx');
    assert.equal(declaredExtension('a.pdf\u0000.exe'), null);
  });

  it('turns a failure into a DomainError for the route layer', () => {
    const error = inspectionError({ ok: false, code: 'FILE_EMPTY', message: '文件为空。' });
    assert.ok(error instanceof DomainError);
    assert.equal(error.kind, 'invalid');
    assert.equal(error.code, 'FILE_EMPTY');
    assert.equal(error.field, 'file');
  });
});

describe('safeStorageName and contentDisposition (SECURITY.md 27)', () => {
  it('makes random server-side names with the detected kind’s extension', () => {
    const names = new Set(Array.from({ length: 100 }, () => safeStorageName('pdf')));
    assert.equal(names.size, 100);
    for (const name of names) assert.match(name, /^[0-9a-f]{32}\.pdf$/);
    assert.match(safeStorageName('jpeg'), /^[0-9a-f]{32}\.jpg$/);
    for (const name of names) assert.ok(isSafeStorageName(name));
    for (const bad of [
      '../x.pdf',
      `${'a'.repeat(32)}.exe`,
      `${'A'.repeat(32)}.pdf`,
      'x.pdf',
      `${'a'.repeat(32)}.pdf/..`,
    ]) {
      assert.equal(isSafeStorageName(bad), false, bad);
    }
  });

  it('always says attachment, with an ASCII fallback and the UTF-8 name', () => {
    assert.equal(
      contentDisposition('项目申报书.pdf'),
      `attachment; filename="download.pdf"; filename*=UTF-8''${encodeURIComponent('项目申报书.pdf')}`,
    );
    assert.equal(
      contentDisposition('report 2025.pdf'),
      `attachment; filename="report 2025.pdf"; filename*=UTF-8''report%202025.pdf`,
    );
  });

  it('strips CR/LF, quotes, backslashes and path parts so the header cannot be split', () => {
    const value = contentDisposition('../../etc/x"\r\nSet-Cookie: a=b;.pdf');
    assert.doesNotMatch(value, /[\r\n]/);
    assert.doesNotMatch(value, /etc/);
    assert.equal(value.match(/"/g)?.length, 2);
    assert.match(value, /^attachment; filename="[^"\\]*"; filename\*=UTF-8''[A-Za-z0-9%._~-]*$/);
    assert.match(
      contentDisposition('C:\\Users\\li\\报告.docx'),
      /filename\*=UTF-8''%E6%8A%A5%E5%91%8A\.docx$/,
    );
  });

  it('removes bidi overrides and zero-width characters (the "gnp.exe" trick)', () => {
    const value = contentDisposition('photo\u202egnp.exe');
    assert.doesNotMatch(decodeURIComponent(value.split("''")[1]), /\u202e/);
    assert.equal(decodeURIComponent(value.split("''")[1]), 'photognp.exe');
  });

  it('falls back to "download" for empty names and keeps the extension when shortening', () => {
    assert.match(contentDisposition(''), /filename="download"/);
    assert.match(contentDisposition('../'), /filename="download"/);
    const long = contentDisposition(`${'长'.repeat(500)}.pdf`);
    const decoded = decodeURIComponent(long.split("''")[1]);
    assert.equal([...decoded].length, 200);
    assert.ok(decoded.endsWith('.pdf'));
  });

  it('produces a header-safe value for any input (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (name) => {
        const value = contentDisposition(name);
        assert.match(value, /^[\x20-\x7e]+$/);
        assert.match(value, /^attachment; filename="[^"\\%;]*"; filename\*=UTF-8''[A-Za-z0-9%._~-]+$/);
        const decoded = decodeURIComponent(value.split("''")[1]);
        assert.doesNotMatch(decoded, /[/\\"\r\n]/);
      }),
    );
  });
});
