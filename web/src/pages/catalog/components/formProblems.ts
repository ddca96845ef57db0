import type { FormInstance } from 'antd';
import { asApiError } from '../../../api/client.ts';
import { fieldErrors, problemsOf } from '../logic.ts';

/**
 * Puts the server's answer to a save on the form: each entry problem under its field, in the
 * server's Chinese with the article; returns what belongs to no field (shown above the form).
 */
export function showProblems(form: FormInstance, error: unknown, formFields: readonly string[]): string[] {
  const apiError = asApiError(error);
  const problems = problemsOf(apiError);
  const { fields, other } = fieldErrors(problems, formFields);
  if (fields.length > 0) form.setFields(fields);
  if (problems.length === 0)
    return [apiError.article ? `${apiError.message}（${apiError.article}）` : apiError.message];
  return other;
}
