// Runs in: renderer. A plain data table: a header row of column titles, then a row per item, one
// cell per column (props only). The feature tables share this one shape rather than each writing
// out Thead/Tr/Th/Tbody by hand.
import type { ComponentPropsWithoutRef, Key, ReactNode } from 'react';
import { Table, type TableProps } from '@mantine/core';

type CellProps = Omit<ComponentPropsWithoutRef<'td'>, 'children'> & { 'data-testid'?: string };

export interface DataColumn<Row> {
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Attributes for this column's cell in a row (a title, a test id, a colSpan that covers the
   * columns after it: those are then left out of that row). */
  cellProps?: (row: Row) => CellProps;
}

export interface DataTableProps<Row> extends Omit<TableProps, 'children'> {
  /** The table's accessible name. */
  label?: string;
  columns: DataColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => Key;
}

export function DataTable<Row>({ label, columns, rows, rowKey, ...tableProps }: DataTableProps<Row>) {
  return (
    <Table aria-label={label} {...tableProps}>
      <Table.Thead>
        <Table.Tr>
          {columns.map((c) => (
            <Table.Th key={c.key}>{c.header}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row, i) => (
          <Table.Tr key={rowKey(row, i)}>{cells(columns, row)}</Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function cells<Row>(columns: DataColumn<Row>[], row: Row): ReactNode[] {
  const out: ReactNode[] = [];
  // A spanning cell stands in for the columns it covers.
  let covered = 0;
  for (const c of columns) {
    if (covered > 0) {
      covered--;
      continue;
    }
    const props = c.cellProps?.(row);
    covered = Math.max(1, props?.colSpan ?? 1) - 1;
    out.push(
      <Table.Td key={c.key} {...props}>
        {c.cell(row)}
      </Table.Td>,
    );
  }
  return out;
}
