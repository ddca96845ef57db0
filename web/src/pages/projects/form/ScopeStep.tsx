import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Input, Select, Space, Switch, Typography } from 'antd';
import { useRequest } from '../../../hooks/useRequest.ts';
import { listCatalogResources, listCatalogSystems } from '../../catalog/api.ts';
import { useProjectMeta } from '../meta.ts';

/** Step 3 系统、资源与网络: catalog systems and resources, cloud services, network, declarations. */
export function ScopeStep() {
  const form = Form.useFormInstance();
  const meta = useProjectMeta();
  const systems = useRequest(listCatalogSystems);
  const resources = useRequest(listCatalogResources);
  return (
    <>
      <Typography.Title level={5}>
        涉及信息系统（须已列入政务信息系统目录：DT-11、SC-10、XZ-08a）
      </Typography.Title>
      <Form.List name="systems">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} align="baseline" wrap>
                <Form.Item name={[f.name, 'systemId']}>
                  <Select
                    allowClear
                    showSearch
                    optionFilterProp="label"
                    placeholder="选择目录中的系统"
                    style={{ width: 320 }}
                    options={(systems.data?.items ?? []).map((s) => ({
                      value: s.id,
                      label: `${s.name}（${s.code}）`,
                    }))}
                  />
                </Form.Item>
                <Form.Item
                  name={[f.name, 'name']}
                  rules={[
                    {
                      warningOnly: true,
                      validator: (_, v: string | null) =>
                        v?.trim() && !form.getFieldValue(['systems', f.name, 'systemId'])
                          ? Promise.reject(
                              new Error('未列入系统目录：可保存草稿，但提交时将被拒绝，请先在系统目录登记'),
                            )
                          : Promise.resolve(),
                    },
                  ]}
                >
                  <Input placeholder="或：尚未列入目录的系统名称" style={{ width: 240 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'relation']} initialValue="changes">
                  <Select style={{ width: 100 }} options={meta.systemRelations} />
                </Form.Item>
                <MinusCircleOutlined onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ systemId: null, name: null, relation: 'changes' })}
            >
              增加系统
            </Button>
          </>
        )}
      </Form.List>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        产生或使用的信息资源（DT-10）
      </Typography.Title>
      <Form.List name="resources">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} align="baseline" wrap>
                <Form.Item name={[f.name, 'resourceId']} rules={[{ required: true, message: '选择资源' }]}>
                  <Select
                    showSearch
                    optionFilterProp="label"
                    placeholder="选择资源目录中的信息资源"
                    style={{ width: 420 }}
                    options={(resources.data?.items ?? []).map((r) => ({
                      value: r.id,
                      label: `${r.name}（${r.code} · ${r.providerName}）`,
                    }))}
                  />
                </Form.Item>
                <Form.Item name={[f.name, 'relation']} initialValue="produces">
                  <Select style={{ width: 100 }} options={meta.resourceRelations} />
                </Form.Item>
                <MinusCircleOutlined onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ relation: 'produces' })}>
              增加信息资源
            </Button>
          </>
        )}
      </Form.List>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        拟使用的政务云服务
      </Typography.Title>
      <Form.List name="cloudServices">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} align="baseline">
                <Form.Item name={[f.name, 'name']} rules={[{ required: true }]}>
                  <Input placeholder="服务名称，如 云主机 8核16G" style={{ width: 320 }} />
                </Form.Item>
                <MinusCircleOutlined onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ serviceId: null, name: '' })}>
              增加云服务
            </Button>
          </>
        )}
      </Form.List>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        网络
      </Typography.Title>
      <Form.Item
        name="dedicatedNetwork"
        label="拟新建业务专网（DT-12d、SC-11c、XZ-10b）"
        valuePropName="checked"
      >
        <Switch />
      </Form.Item>
      <Form.Item
        name="classified"
        label="涉密项目"
        valuePropName="checked"
        extra="朔城区（第二条）、城区（三）、忻州市交通运输局（第三条）的办法只适用于非涉密项目：涉密项目不在本平台申报"
      >
        <Switch />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a, b) => a.dedicatedNetwork !== b.dedicatedNetwork}>
        {({ getFieldValue }) =>
          getFieldValue('dedicatedNetwork') && (
            <Form.Item
              name="dedicatedNetworkBasis"
              label="新建业务专网的法律、法规或国家规定依据"
              rules={[{ required: true }]}
            >
              <Input.TextArea rows={2} />
            </Form.Item>
          )
        }
      </Form.Item>
      <Form.Item name="declarations" label="申报声明（规则集据此判断适用的环节和闸口）">
        <Checkbox.Group options={meta.declarations} style={{ display: 'grid', gap: 8 }} />
      </Form.Item>
    </>
  );
}
