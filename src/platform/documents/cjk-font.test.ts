import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CJK_FONT_BOLD_ENV, CJK_FONT_ENV, findCjkFonts, parseFontSpec } from './cjk-font.ts';

const only =
  (...paths: string[]) =>
  (path: string) =>
    paths.includes(path);

test('a font spec is a path, optionally with #PostScriptName for a collection', () => {
  assert.deepEqual(parseFontSpec('/fonts/a.ttf'), { path: '/fonts/a.ttf' });
  assert.deepEqual(parseFontSpec(' /fonts/a.ttc#NotoSerifCJKsc-Regular '), {
    path: '/fonts/a.ttc',
    postscriptName: 'NotoSerifCJKsc-Regular',
  });
  assert.deepEqual(parseFontSpec('C:\\Windows\\Fonts\\simsun.ttc#SimSun'), {
    path: 'C:\\Windows\\Fonts\\simsun.ttc',
    postscriptName: 'SimSun',
  });
});

test('TONGCHOU_CJK_FONT comes first; bold and heading default to it', () => {
  const fonts = findCjkFonts(
    { [CJK_FONT_ENV]: '/opt/f/song.ttf' },
    only('/opt/f/song.ttf', '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc'),
  );
  assert.deepEqual(fonts?.regular, { path: '/opt/f/song.ttf' });
  assert.deepEqual(fonts?.bold, { path: '/opt/f/song.ttf' });
  assert.deepEqual(fonts?.heading, { path: '/opt/f/song.ttf' });

  const withBold = findCjkFonts(
    { [CJK_FONT_ENV]: '/opt/f/song.ttf', [CJK_FONT_BOLD_ENV]: '/opt/f/song-bold.otf' },
    only('/opt/f/song.ttf', '/opt/f/song-bold.otf'),
  );
  assert.deepEqual(withBold?.bold, { path: '/opt/f/song-bold.otf' });
  assert.deepEqual(withBold?.heading, { path: '/opt/f/song-bold.otf' });
});

test('a variable naming a missing file is an error, not a silent fallback', () => {
  assert.throws(() => findCjkFonts({ [CJK_FONT_ENV]: '/nowhere.ttf' }, only()), /font file not found/);
  assert.throws(
    () => findCjkFonts({ [CJK_FONT_ENV]: '/a.ttf', [CJK_FONT_BOLD_ENV]: '/nowhere.ttf' }, only('/a.ttf')),
    /TONGCHOU_CJK_FONT_BOLD/,
  );
});

test('Debian fonts-noto-cjk: Serif for text and title, Sans bold for headings', () => {
  const dir = '/usr/share/fonts/opentype/noto';
  const fonts = findCjkFonts(
    {},
    only(
      `${dir}/NotoSerifCJK-Regular.ttc`,
      `${dir}/NotoSerifCJK-Bold.ttc`,
      `${dir}/NotoSansCJK-Regular.ttc`,
      `${dir}/NotoSansCJK-Bold.ttc`,
    ),
  );
  assert.deepEqual(fonts?.regular, {
    path: `${dir}/NotoSerifCJK-Regular.ttc`,
    postscriptName: 'NotoSerifCJKsc-Regular',
  });
  assert.deepEqual(fonts?.bold, {
    path: `${dir}/NotoSerifCJK-Bold.ttc`,
    postscriptName: 'NotoSerifCJKsc-Bold',
  });
  assert.deepEqual(fonts?.heading, {
    path: `${dir}/NotoSansCJK-Bold.ttc`,
    postscriptName: 'NotoSansCJKsc-Bold',
  });
});

test('with only Noto Sans CJK Regular, every role uses it; with no CJK font at all, nothing is found', () => {
  const sans = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
  const fonts = findCjkFonts({}, only(sans));
  for (const face of [fonts?.regular, fonts?.bold, fonts?.heading]) {
    assert.deepEqual(face, { path: sans, postscriptName: 'NotoSansCJKsc-Regular' });
  }
  assert.equal(findCjkFonts({}, only()), undefined);
  assert.equal(findCjkFonts({ [CJK_FONT_ENV]: '  ' }, only()), undefined);
});
