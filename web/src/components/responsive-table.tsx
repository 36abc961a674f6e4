import { Table } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';
import './lists.css';

/** One column of a `ResponsiveTable`. */
export interface Column<T> {
  key: string;
  /** The header, and the label of the cell when rows stack on a phone. */
  label: string;
  render: (item: T) => ReactNode;
  /** A column of buttons: its header is read by screen readers only, its cell has no label. */
  labelHidden?: boolean;
  className?: string;
}

/** Below this width rows stack into cards (or compact rows); see styles.css `.hw-stack-table`. */
export const PHONE_QUERY = '(max-width: 47.99em)';

/**
 * The one table of the app: columns on wide screens; on a phone each row stacks into a card with
 * each cell labelled by its column, or, with `compactRow`, into a compact row (a list item the
 * caller lays out, e.g. two lines) so that a long list fits a phone.
 */
export function ResponsiveTable<T>(props: {
  items: T[];
  columns: Column<T>[];
  rowKey: (item: T) => string;
  testId?: string;
  rowTestId?: string;
  compactRow?: (item: T) => ReactNode;
}) {
  const isPhone = useMediaQuery(PHONE_QUERY, false, { getInitialValueInEffect: false });
  if (isPhone && props.compactRow) {
    const row = props.compactRow;
    return (
      <ul className="hw-compact-list" data-testid={props.testId}>
        {props.items.map((item) => (
          <li key={props.rowKey(item)} className="hw-compact-row" data-testid={props.rowTestId}>
            {row(item)}
          </li>
        ))}
      </ul>
    );
  }
  return (
    <Table className="hw-stack-table" verticalSpacing="sm" data-testid={props.testId}>
      <Table.Thead>
        <Table.Tr>
          {props.columns.map((column) => (
            <Table.Th key={column.key} scope="col">
              {column.labelHidden ? (
                <span className="hw-visually-hidden">{column.label}</span>
              ) : (
                column.label
              )}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {props.items.map((item) => (
          <Table.Tr key={props.rowKey(item)} data-testid={props.rowTestId}>
            {props.columns.map((column) => (
              <Table.Td
                key={column.key}
                data-label={column.labelHidden ? undefined : column.label}
                className={column.className}
              >
                {column.render(item)}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
