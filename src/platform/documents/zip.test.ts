import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Document, Packer, Paragraph } from 'docx';
import { readZip, readZipText, ZipFormatError } from './zip.ts';

async function sampleDocx(): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('合理性审查 & <备案>')] }] }));
}

test('reads the entries of a zip written by another library, with sizes and CRC checked', async () => {
  const zip = await sampleDocx();
  const names = readZip(zip).map((entry) => entry.name);
  assert.ok(names.includes('[Content_Types].xml'));
  assert.ok(names.includes('word/document.xml'));
  for (const entry of readZip(zip)) assert.equal(entry.read().length, entry.size);
  const xml = readZipText(zip, 'word/document.xml');
  assert.ok(xml?.includes('合理性审查 &amp; &lt;备案&gt;'));
  assert.equal(readZipText(zip, 'no/such/part.xml'), undefined);
});

test('refuses what is not a zip and detects corrupted content', async () => {
  assert.throws(() => readZip(Buffer.from('%PDF-1.3 not a zip at all, just some bytes')), ZipFormatError);
  assert.throws(() => readZip(Buffer.alloc(4)), ZipFormatError);

  const zip = await sampleDocx();
  const entry = readZip(zip).find((candidate) => candidate.name === 'word/document.xml');
  assert.ok(entry);
  // Corrupt one byte inside the entry's data: inflate fails or the CRC no longer matches.
  const corrupt = Buffer.from(zip);
  const local = corrupt.indexOf(Buffer.from('word/document.xml'));
  corrupt[local + 'word/document.xml'.length + 10] ^= 0xff;
  const damaged = readZip(corrupt).find((candidate) => candidate.name === 'word/document.xml');
  assert.ok(damaged);
  assert.throws(() => damaged.read());
});
