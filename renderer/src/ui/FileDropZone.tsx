// Runs in: renderer. A file the user picks (a button opening the system's file chooser) or drops
// on the zone: handed over as a File, never as a path (props only).
import { useRef, useState, type DragEvent } from 'react';
import { Button, Group, Paper, Text } from '@mantine/core';

export interface FileDropZoneProps {
  onFile: (file: File) => void;
  /** The chooser's filter (extensions and MIME types); none: any file. */
  accept?: string;
  chooseLabel: string;
  /** Said beside the button: what to drop, what happens next. */
  hint: string;
  /** The hidden file input's accessible name. */
  inputLabel: string;
  loading?: boolean;
  disabled?: boolean;
  testId?: string;
}

export function FileDropZone({
  onFile,
  accept,
  chooseLabel,
  hint,
  inputLabel,
  loading,
  disabled,
  testId,
}: FileDropZoneProps) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file && !disabled) onFile(file);
  };
  return (
    <Paper
      withBorder
      p="md"
      bg={over ? 'blue.0' : undefined}
      style={{ borderStyle: 'dashed' }}
      onDragOver={(e) => (e.preventDefault(), setOver(true))}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      data-testid={testId}
    >
      <Group>
        <Button onClick={() => input.current?.click()} loading={loading} disabled={disabled}>
          {chooseLabel}
        </Button>
        <Text size="sm">{hint}</Text>
      </Group>
      <input
        ref={input}
        type="file"
        accept={accept}
        hidden
        aria-label={inputLabel}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          // Picking the same (fixed) file again must be read again.
          e.currentTarget.value = '';
          if (file) onFile(file);
        }}
      />
    </Paper>
  );
}
