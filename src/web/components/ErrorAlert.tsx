import { Alert, Button, Text } from '@mantine/core';
import { isApiError } from '../api/client';
import { errorMessage } from '../api/error-message';
import { useLanguage, useT } from '../i18n/i18n';

interface ErrorAlertProps {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}

/** A failure in the page body, with the request id people can quote to support. */
export function ErrorAlert({ error, title, onRetry }: ErrorAlertProps) {
  const t = useT();
  const [language] = useLanguage();
  const requestId = isApiError(error) ? error.problem?.requestId : undefined;
  return (
    <Alert color="red" variant="light" title={title} role="alert">
      <Text size="sm">{errorMessage(error, t, language)}</Text>
      {requestId && (
        <Text size="xs" c="dimmed" mt={4}>
          {t.errors.requestId(requestId)}
        </Text>
      )}
      {onRetry && (
        <Button size="xs" variant="default" mt="sm" onClick={onRetry}>
          {t.common.retry}
        </Button>
      )}
    </Alert>
  );
}
