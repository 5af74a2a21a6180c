import type { UseMutationResult } from '@tanstack/react-query';

/**
 * The save half of a form's props from the page's mutation: the form validates, then awaits
 * onSave so the API's field errors land next to their fields (useFormErrors).
 */
export function saveFormProps<Saved, Values>(save: UseMutationResult<Saved, Error, Values>) {
  return {
    saving: save.isPending,
    saveError: save.error,
    resetSaveError: save.reset,
    onSave: save.mutateAsync,
  };
}
