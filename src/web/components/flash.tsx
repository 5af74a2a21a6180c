import { Notification, Stack } from '@mantine/core';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { useT } from '../i18n/i18n';

/**
 * Short confirmations ("登録しました") that survive a navigation: the form saves, returns to
 * the list, and the message shows there for a few seconds. They sit at the bottom right so
 * they never cover the page header's buttons (ヘルプ, 新規登録) the user reaches for next.
 */
type FlashKind = 'success' | 'info';

interface FlashMessage {
  id: number;
  kind: FlashKind;
  text: string;
}

type ShowFlash = (text: string, kind?: FlashKind) => void;

const FlashContext = createContext<ShowFlash | null>(null);
const DISPLAY_MS = 5_000;
let nextId = 1;

export function FlashProvider({ children }: { children: ReactNode }) {
  const t = useT();
  const [messages, setMessages] = useState<FlashMessage[]>([]);

  const dismiss = useCallback((id: number) => {
    setMessages((current) => current.filter((message) => message.id !== id));
  }, []);

  const show = useCallback<ShowFlash>(
    (text, kind = 'success') => {
      const id = nextId++;
      setMessages((current) => [...current.slice(-2), { id, kind, text }]);
      window.setTimeout(() => dismiss(id), DISPLAY_MS);
    },
    [dismiss],
  );

  const value = useMemo(() => show, [show]);
  return (
    <FlashContext value={value}>
      {children}
      <Stack
        role="status"
        aria-live="polite"
        gap="xs"
        pos="fixed"
        bottom={16}
        right={16}
        w={360}
        style={{ zIndex: 400 }}
      >
        {messages.map((message) => (
          <Notification
            key={message.id}
            color={message.kind === 'success' ? 'teal' : 'blue'}
            withBorder
            closeButtonProps={{ 'aria-label': t.common.close }}
            onClose={() => dismiss(message.id)}
          >
            {message.text}
          </Notification>
        ))}
      </Stack>
    </FlashContext>
  );
}

export function useFlash(): ShowFlash {
  const show = useContext(FlashContext);
  if (!show) throw new Error('useFlash() needs a <FlashProvider> above it');
  return show;
}
