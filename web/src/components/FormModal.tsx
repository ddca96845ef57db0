import { Form, type FormInstance, Modal } from 'antd';
import type { ReactNode } from 'react';

/**
 * A dialog holding one vertical form: 确定 runs `onOk` (which validates and saves), closing it
 * clears the form. The page keeps which dialog is open; this draws it.
 */
export function FormModal({
  open,
  title,
  form,
  onOk,
  onClose,
  children,
}: {
  open: boolean;
  title: ReactNode;
  form: FormInstance;
  onOk: () => void | Promise<void>;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <Modal
      open={open}
      title={title}
      okText="确定"
      onOk={onOk}
      onCancel={() => {
        onClose();
        form.resetFields();
      }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        {children}
      </Form>
    </Modal>
  );
}
