import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A list of similar rows in a form (extra names, documents, contacts): each row a labelled group
 * with its own Remove button, and an Add button below. Keyboard focus follows the change: to the
 * first field of a new row, or to the Add button after a removal.
 */
export function EditRowList<T extends { key: string }>(props: {
  rows: T[];
  /** Label of row `index` (0-based), for example "Document 2". */
  rowLabel: (index: number) => string;
  removeLabel: (index: number) => string;
  addLabel: string;
  max: number;
  idPrefix: string;
  onAdd: () => void;
  onRemove: (key: string) => void;
  renderRow: (row: T, index: number, firstFieldId: string) => ReactNode;
  testId?: string;
}) {
  const addRef = useRef<HTMLButtonElement>(null);
  const [focus, setFocus] = useState<'last' | 'add' | null>(null);
  const { rows, idPrefix } = props;

  useEffect(() => {
    if (focus === 'last') {
      const last = rows.at(-1);
      if (last) {
        document.getElementById(`${idPrefix}-${last.key}-first`)?.focus();
      }
    } else if (focus === 'add') {
      addRef.current?.focus();
    }
    if (focus) {
      setFocus(null);
    }
  }, [focus, rows, idPrefix]);

  return (
    <Stack gap="sm" data-testid={props.testId}>
      {rows.map((row, index) => {
        const labelId = `${idPrefix}-${row.key}-label`;
        return (
          <Paper
            key={row.key}
            withBorder
            p="sm"
            radius="md"
            role="group"
            aria-labelledby={labelId}
            data-testid={props.testId ? `${props.testId}-row` : undefined}
          >
            <Stack gap="sm">
              <Text fw={700} id={labelId}>
                {props.rowLabel(index)}
              </Text>
              {props.renderRow(row, index, `${idPrefix}-${row.key}-first`)}
              <Group>
                <Button
                  variant="default"
                  onClick={() => {
                    props.onRemove(row.key);
                    setFocus('add');
                  }}
                >
                  {props.removeLabel(index)}
                </Button>
              </Group>
            </Stack>
          </Paper>
        );
      })}
      {rows.length < props.max && (
        <Group>
          <Button
            ref={addRef}
            variant="default"
            onClick={() => {
              props.onAdd();
              setFocus('last');
            }}
          >
            {props.addLabel}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
