import type { FieldIssue, ReasonOf } from '@shared/lib/field-reasons';
import type { AppError } from '@shared/ipc/result';
import type { Translate } from '@renderer/i18n';
import { errorText } from '@renderer/i18n/error-text';

/** Why a field was refused, in the user's language, from its reason code (never core's English). */
export function fieldReasonText(t: Translate, problem: ReasonOf): string {
  return t(`fieldReason.${problem.reason}`, problem.params);
}

/** Core names each refused field with a reason code; the form shows each by its field, worded here. */
export function fieldErrors(t: Translate, fields: readonly FieldIssue[] | undefined): Readonly<Record<string, string>> {
  const errors: Record<string, string> = {};
  for (const issue of fields ?? []) errors[issue.path] ??= fieldReasonText(t, issue);
  return errors;
}

/** Every refused field on one line each ("signIn.issuer: …"), for a dialog that has no form to point at. */
export function fieldErrorLines(t: Translate, fields: readonly FieldIssue[] | undefined): string {
  return (fields ?? []).map((issue) => `${issue.path}: ${fieldReasonText(t, issue)}`).join('\n');
}

/**
 * A refused organization for a place without a form (a link, an import): the error in the user's
 * language, then each refused field worded by its reason; technical details only when no field is named.
 */
export function orgFailureText(t: Translate, error: AppError): string {
  const fields = fieldErrorLines(t, error.fields);
  if (fields) return `${errorText(t, error)}\n${fields}`;
  return `${errorText(t, error)}${error.details ? ` ${error.details}` : ''}`;
}
