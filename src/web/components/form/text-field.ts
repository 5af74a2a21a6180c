/**
 * Binds a text input to one string field of a form: its name, label, value, error and change
 * handler, so a form writes `<TextInput {...text('code')} />` instead of five props each time.
 */
export function textFieldBinder<F extends string>(
  values: Record<F, string>,
  errors: Partial<Record<string, string | undefined>>,
  labels: Record<F, string>,
  onChange: (field: F, value: string) => void,
) {
  return (field: F) => ({
    name: field,
    label: labels[field],
    value: values[field],
    error: errors[field],
    onChange: (event: { currentTarget: { value: string } }) =>
      onChange(field, event.currentTarget.value),
  });
}
