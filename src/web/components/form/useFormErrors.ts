import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError } from '../../api/client';

/**
 * The error half of every form: messages under the fields they concern (from the shared zod
 * schema in the browser, or from the API's problem+json), the rest above the form, and the
 * first invalid input focused after each failed attempt.
 */
export function useFormErrors<F extends string>(isField: (path: string) => path is F) {
  const [errors, setErrors] = useState<Partial<Record<F, string>>>({});
  const [otherErrors, setOtherErrors] = useState<string[]>([]);
  const [failedAttempts, setFailedAttempts] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (failedAttempts === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [failedAttempts]);

  const show = useCallback(
    (byPath: Record<string, string>) => {
      const fieldErrors: Partial<Record<F, string>> = {};
      const rest: string[] = [];
      for (const [path, message] of Object.entries(byPath)) {
        if (isField(path)) fieldErrors[path] = message;
        else rest.push(message);
      }
      setErrors(fieldErrors);
      setOtherErrors(rest);
      setFailedAttempts((count) => count + 1);
    },
    [isField],
  );

  const clearField = useCallback((field: F) => {
    setErrors((current) => ({ ...current, [field]: undefined }));
  }, []);

  const clearAll = useCallback(() => {
    setErrors({});
    setOtherErrors([]);
  }, []);

  /** Runs the save; a refusal with field errors lands next to the fields. */
  const save = useCallback(
    async (run: () => Promise<unknown>) => {
      clearAll();
      try {
        await run();
      } catch (error) {
        if (isApiError(error)) show(error.fieldErrors());
      }
    },
    [clearAll, show],
  );

  const invalidCount = Object.values(errors).filter(Boolean).length;
  return { formRef, errors, otherErrors, invalidCount, show, clearField, clearAll, save };
}
