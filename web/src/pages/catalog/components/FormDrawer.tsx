import { Alert, Button, Drawer, type FormInstance } from 'antd';
import { type ReactNode, useCallback, useState } from 'react';
import { showProblems } from './formProblems.ts';

/**
 * Saving a catalog form: `run(save)` marks the form busy, and the server's refusal lands on the
 * fields it names (with the article); what names no field of the form comes back as `problems`.
 */
export function useServerSave(form: FormInstance, fields: readonly string[]) {
  const [saving, setSaving] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const run = useCallback(
    async (save: () => Promise<void>) => {
      setSaving(true);
      setProblems([]);
      try {
        await save();
      } catch (error) {
        setProblems(showProblems(form, error, fields));
      } finally {
        setSaving(false);
      }
    },
    [form, fields],
  );
  const clear = useCallback(() => setProblems([]), []);
  return { saving, problems, run, clear };
}

/** The catalog's edit drawer: 保存 in its header, the problems that belong to no field above the form. */
export function FormDrawer({
  title,
  open,
  onClose,
  size,
  form,
  saving,
  problems,
  children,
}: {
  title: string;
  open: boolean;
  onClose: () => void;
  size: number;
  form: FormInstance;
  saving: boolean;
  problems: string[];
  children: ReactNode;
}) {
  return (
    <Drawer
      title={title}
      open={open}
      onClose={onClose}
      size={size}
      destroyOnHidden
      extra={
        <Button type="primary" loading={saving} onClick={() => form.submit()}>
          保存
        </Button>
      }
    >
      {problems.length > 0 && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={problems.join('；')} />
      )}
      {children}
    </Drawer>
  );
}
