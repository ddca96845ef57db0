import { App, Button, Card, Col, Flex, Progress, Row, Tag, Typography } from 'antd';
import { useState } from 'react';
import { asApiError } from '../../../../api/client.ts';
import { fetchFile, saveBlob } from '../../../../api/download.ts';
import { compilationUrl, type DepartmentResult, type RoundDetail, reportUrl, summaryUrl } from '../../api.ts';
import { ResultsChart } from './ResultsChart.tsx';

/** The departments' results as a chart, and the generated reports (each department's; the compilation). */
export function ResultsPanel({ round: d, results }: { round?: RoundDetail; results: DepartmentResult[] }) {
  const { message } = App.useApp();
  const [progress, setProgress] = useState<{ label: string; percent: number } | null>(null);
  const generate = async (items: { label: string; path: string; file: string }[]) => {
    try {
      for (let i = 0; i < items.length; i++) {
        setProgress({ label: items[i].label, percent: Math.round((i / items.length) * 100) });
        // Saved under the page's own name for it (report of which department, which round).
        const { blob } = await fetchFile(items[i].path, undefined, items[i].file);
        saveBlob(blob, items[i].file);
      }
      setProgress({ label: '已生成', percent: 100 });
    } catch (e) {
      message.error(asApiError(e).message);
      setProgress(null);
    }
  };
  return (
    <Row gutter={16}>
      <Col xs={24} lg={14}>
        <Card size="small" title="各部门得分">
          {results.length ? (
            <ResultsChart results={results} />
          ) : (
            <Typography.Text type="secondary">尚未汇总</Typography.Text>
          )}
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Card size="small" title="年度报告">
          <Flex vertical gap={8}>
            {results.map((r) => (
              <Flex key={r.organisationId} justify="space-between" align="center">
                <span>
                  {r.organisationName} <Tag>{r.gradeName}</Tag>
                </span>
                <Button
                  size="small"
                  onClick={() =>
                    void generate([
                      {
                        label: r.organisationName,
                        path: reportUrl(d?.id ?? '', r.organisationId),
                        file: `${r.organisationName}${d?.year}年度考核报告.docx`,
                      },
                    ])
                  }
                >
                  部门报告
                </Button>
              </Flex>
            ))}
            {d?.manage && (
              <Button
                type="primary"
                onClick={() =>
                  void generate([
                    { label: '汇编', path: compilationUrl(d.id), file: `${d.year}年度绩效考核汇编.docx` },
                    { label: '汇总表', path: summaryUrl(d.id), file: `${d.year}年度绩效考核汇总.xlsx` },
                  ])
                }
              >
                生成汇编与汇总表
              </Button>
            )}
            {progress && (
              <div>
                <Typography.Text type="secondary">正在生成：{progress.label}</Typography.Text>
                <Progress percent={progress.percent} size="small" />
              </div>
            )}
            <Typography.Text type="secondary">
              报告中的得分以表格呈现；公示页面：/public/evaluation
            </Typography.Text>
          </Flex>
        </Card>
      </Col>
    </Row>
  );
}
