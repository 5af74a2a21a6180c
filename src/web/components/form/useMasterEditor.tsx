import { useMutation } from '@tanstack/react-query';
import { saveFormProps } from './save-form-props';
import { type DeleteMessages, useDeleteConfirmation } from './useDeleteConfirmation';

interface MasterEditorOptions<Values, Saved> {
  /** The page's query of the record; its version guards both writes. */
  record: { data: { version: number }; refetch: () => Promise<unknown> };
  update: (values: Values, version: number) => Promise<Saved>;
  remove: (version: number) => Promise<void>;
  onSaved: (saved: Saved) => Promise<unknown> | unknown;
  onDeleted: () => Promise<unknown> | unknown;
  deleteMessages: DeleteMessages;
  /** The confirmation question, naming the record. */
  deleteBody: string;
}

/**
 * The writes of a master's edit page. Both send the version the page showed, so a change made
 * meanwhile by someone else comes back as a conflict instead of being overwritten; 再読み込み
 * (onReload) fetches the newer record and clears that conflict, and the page's `key={version}`
 * then resets the form to it.
 */
export function useMasterEditor<Values, Saved>(options: MasterEditorOptions<Values, Saved>) {
  const { record } = options;
  const version = record.data.version;
  const save = useMutation({
    mutationFn: (values: Values) => options.update(values, version),
    onSuccess: options.onSaved,
  });
  const remove = useDeleteConfirmation({
    messages: options.deleteMessages,
    body: options.deleteBody,
    remove: () => options.remove(version),
    onDeleted: options.onDeleted,
  });
  return {
    /** Spread into the form: 保存, its error and the conflict's 再読み込み. */
    formProps: {
      ...saveFormProps(save),
      onReload: async () => {
        await record.refetch();
        save.reset();
      },
    },
    deleteButton: remove.button,
    deleteError: remove.error,
    deleteDialog: remove.dialog,
  };
}
