/**
 * The reports' charts as images (DT-07 一部门一报告，一汇编): echarts renders each chart server-side
 * to SVG (`ssr: true`, no DOM), resvg turns the SVG into a PNG that the .docx carries as a picture.
 * Text is drawn with the system's CJK font (fonts-noto-cjk); without it the bars are still drawn.
 */
import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import type { OfficialBlock } from '../platform/documents/official.ts';

/** The size of a chart in the document, in points (the A4 text block is about 440 pt wide). */
export const CHART_WIDTH = 420;
export const CHART_HEIGHT = 240;
const FONT = 'Noto Sans CJK SC';
const BLUE = '#1677ff';

/** An echarts option rendered to PNG bytes (twice the point size, for print). */
export function renderChartPng(option: echarts.EChartsCoreOption, width: number, height: number): Uint8Array {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      backgroundColor: '#ffffff',
      textStyle: { fontFamily: `${FONT}, sans-serif`, fontSize: 11 },
      ...option,
    });
    const svg = chart.renderToSVGString();
    const resvg = new Resvg(svg, {
      fitTo: { mode: 'zoom', value: 2 },
      font: { loadSystemFonts: true, defaultFontFamily: FONT },
    });
    return resvg.render().asPng();
  } finally {
    chart.dispose();
  }
}

function barOption(labels: string[], values: (number | null)[], max?: number): echarts.EChartsCoreOption {
  return {
    grid: { left: 40, right: 16, top: 24, bottom: labels.some((l) => l.length > 4) ? 64 : 32 },
    xAxis: {
      type: 'category',
      data: labels,
      axisLabel: { interval: 0, rotate: labels.some((l) => l.length > 4) ? 30 : 0 },
    },
    yAxis: { type: 'value', min: 0, ...(max === undefined ? {} : { max }) },
    series: [
      {
        type: 'bar',
        data: values.map((v) => v ?? 0),
        itemStyle: { color: BLUE },
        barMaxWidth: 28,
        label: { show: true, position: 'top', fontSize: 10 },
      },
    ],
  };
}

const image = (png: Uint8Array, caption: string): OfficialBlock => ({
  kind: 'image',
  png,
  width: CHART_WIDTH,
  height: CHART_HEIGHT,
  caption,
});

/** 各指标得分: the mean of the department's project scores on each indicator (0–100). */
export function scoresByDimensionChart(
  indicators: readonly { code: string; name: string }[],
  projectScores: readonly (readonly { code: string; score: number }[])[],
  caption: string,
): OfficialBlock | null {
  const rows = indicators.map((i) => {
    const given = projectScores.flatMap((s) => s.filter((x) => x.code === i.code).map((x) => x.score));
    return {
      name: i.name,
      mean: given.length ? Math.round((given.reduce((a, b) => a + b, 0) / given.length) * 10) / 10 : null,
    };
  });
  const scored = rows.filter((r) => r.mean !== null);
  if (scored.length === 0) return null;
  const png = renderChartPng(
    barOption(
      scored.map((r) => r.name),
      scored.map((r) => r.mean),
      100,
    ),
    CHART_WIDTH,
    CHART_HEIGHT,
  );
  return image(png, caption);
}

/** 满意度分布: how many public answers rated 1 … 5 分. */
export function satisfactionChart(counts: readonly number[], caption: string): OfficialBlock | null {
  if (counts.every((c) => c === 0)) return null;
  const png = renderChartPng(
    barOption(
      counts.map((_, i) => `${i + 1} 分`),
      [...counts],
    ),
    CHART_WIDTH,
    CHART_HEIGHT,
  );
  return image(png, caption);
}

/** 部门得分对比 (the compilation): each scored department's score. */
export function departmentComparisonChart(
  rows: readonly { name: string; score: number }[],
  caption: string,
): OfficialBlock | null {
  if (rows.length === 0) return null;
  const png = renderChartPng(
    barOption(
      rows.map((r) => r.name),
      rows.map((r) => r.score),
      100,
    ),
    CHART_WIDTH,
    Math.max(CHART_HEIGHT, 200 + rows.length * 4),
  );
  return {
    kind: 'image',
    png,
    width: CHART_WIDTH,
    height: Math.max(CHART_HEIGHT, 200 + rows.length * 4),
    caption,
  };
}
