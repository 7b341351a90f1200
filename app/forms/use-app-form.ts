/**
 * useForm (conform) for every VLX form. Conform re-renders a component only for the field
 * metadata that component itself read while rendering; our field components (app/components/
 * form.tsx) read errors in child components, which conform does not see. Reading every error here
 * subscribes the form's owner, so a failed client-side validation shows its messages.
 */
import { useForm } from "@conform-to/react";

export const useAppForm: typeof useForm = (options) => {
  const result = useForm(options);
  // eslint-disable-next-line @typescript-eslint/no-unused-expressions -- the read is the subscription
  result[0].allErrors;
  return result;
};
