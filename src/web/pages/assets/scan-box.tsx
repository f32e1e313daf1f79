import { Button, Group, TextInput } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The field a barcode scanner types into. Scanners that act as a keyboard
 * ("douchettes") type the tag, or the label's URL, and press Enter: each
 * Enter sends what was typed, empties the field and keeps the focus there
 * for the next scan. The button does the same for whoever types by hand.
 */
export function ScanBox({
  label,
  description,
  submitLabel,
  onScan,
}: {
  label: string;
  description?: string;
  submitLabel: string;
  onScan: (text: string) => void;
}) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [empty, setEmpty] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = text.trim();
    if (!value) {
      setEmpty(true);
      input.current?.focus();
      return;
    }
    setEmpty(false);
    setText('');
    onScan(value);
    input.current?.focus();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Group align="end" gap="sm" wrap="wrap">
        <TextInput
          ref={input}
          label={label}
          description={description}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setEmpty(false);
          }}
          error={empty ? t('assets.scan.empty') : undefined}
          autoComplete="off"
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          enterKeyHint="done"
          style={{ flex: '1 1 20rem' }}
        />
        {/* Never disabled while busy: a disabled default button would swallow the scanner's Enter. */}
        <Button type="submit">{submitLabel}</Button>
      </Group>
    </form>
  );
}
