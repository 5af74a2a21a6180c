import { Alert, Box, Button, List, Text } from '@mantine/core';
import { isApiError } from '../api/client';
import { errorMessage } from '../api/error-message';
import { useLanguage, useT } from '../i18n/i18n';
import { ErrorAlert } from './ErrorAlert';

interface FormSaveAlertsProps {
  invalidCount: number;
  saveError: unknown;
  /** Server messages that belong to no field on the form. */
  otherErrors: string[];
  onReload?: () => void;
  labels: {
    invalidTitle: string;
    invalidBody: (count: number) => string;
    saveFailedTitle: string;
    reload: string;
  };
}

/**
 * What every master form shows above its fields: how many fields are invalid, why the server
 * refused the save (with a reload offer on a version conflict), or an unexpected failure.
 */
export function FormSaveAlerts({
  invalidCount,
  saveError,
  otherErrors,
  onReload,
  labels,
}: FormSaveAlertsProps) {
  const t = useT();
  const [language] = useLanguage();
  if ((invalidCount > 0 || otherErrors.length > 0) && !saveError) {
    // Found in the browser before sending: per-field counts, plus any rule about the whole form.
    return (
      <Alert color="red" variant="light" title={labels.invalidTitle} mb="md" role="alert">
        {invalidCount > 0 && labels.invalidBody(invalidCount)}
        {otherErrors.length > 0 && (
          <List size="sm" mt={invalidCount > 0 ? 4 : 0}>
            {otherErrors.map((message) => (
              <List.Item key={message}>{message}</List.Item>
            ))}
          </List>
        )}
      </Alert>
    );
  }
  if (saveError == null) return null;
  const conflict = isApiError(saveError, 'version_conflict');
  const rejected = isApiError(saveError) && saveError.status < 500 && saveError.status !== 0;
  if (!rejected) {
    return (
      <Box mb="md">
        <ErrorAlert error={saveError} title={labels.saveFailedTitle} />
      </Box>
    );
  }
  return (
    <Alert color="red" variant="light" title={labels.saveFailedTitle} mb="md" role="alert">
      <Text size="sm">{errorMessage(saveError, t, language)}</Text>
      {otherErrors.length > 0 && (
        <List size="sm" mt={4}>
          {otherErrors.map((message) => (
            <List.Item key={message}>{message}</List.Item>
          ))}
        </List>
      )}
      {conflict && onReload && (
        <Button size="xs" variant="default" mt="sm" onClick={onReload}>
          {labels.reload}
        </Button>
      )}
    </Alert>
  );
}
