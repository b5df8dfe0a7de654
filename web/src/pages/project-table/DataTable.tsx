import {
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
} from '@tanstack/react-table';
import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';

/** What a column adds to TanStack's definition: the texts the filter searches. */
export interface TableColumnMeta {
  /** A narrow column (numbers, a grid cell). */
  narrow?: boolean;
  /** The full header text, when the header is shortened on screen. */
  title?: string;
}

export interface DataTableProps<Row> {
  caption: string;
  rows: Row[];
  columns: ColumnDef<Row, unknown>[];
  /** The texts of a row the filter searches. */
  filterTexts(row: Row): string[];
  filter: string;
  /** (texts, filter) → whether the row stays. */
  matches(texts: readonly string[], filter: string): boolean;
  className?: string;
}

/**
 * One of the table view's tables, on TanStack Table: sorted by a click on a column's header
 * (again: the other way; a third time: unsorted), filtered by the page's filter box.
 */
export function DataTable<Row extends { id: string }>(props: DataTableProps<Row>) {
  const { t } = useI18n();
  const [sorting, setSorting] = useState<SortingState>([]);
  const table = useReactTable({
    data: props.rows,
    columns: props.columns,
    state: { sorting, globalFilter: props.filter },
    onSortingChange: setSorting,
    // Ascending first for every column (TanStack starts numbers descending): −4 before +4, concerné before moteur.
    sortDescFirst: false,
    getRowId: (row) => row.id,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    // One decision per row, on the row's own texts (not column by column).
    getColumnCanGlobalFilter: (column) => column.getIndex() === 0,
    globalFilterFn: (row, _columnId, filter: string) => props.matches(props.filterTexts(row.original), filter),
  });
  const shown = table.getRowModel().rows;

  return (
    <div className={`data-table-wrap ${props.className ?? ''}`}>
      <table className="data-table">
        <caption>
          {props.caption} <small>({t.tableRows(shown.length, props.rows.length)})</small>
        </caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const meta = header.column.columnDef.meta as TableColumnMeta | undefined;
                const sorted = header.column.getIsSorted();
                const label = meta?.title ?? String(header.column.columnDef.header ?? header.id);
                return (
                  <th
                    key={header.id}
                    scope="col"
                    className={meta?.narrow ? 'narrow' : undefined}
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                    title={meta?.title}
                  >
                    {header.column.getCanSort() ? (
                      <button
                        type="button"
                        className="sort"
                        title={t.tableSortBy(label)}
                        onClick={header.column.getToggleSortingHandler()}
                      >
                        {flexRender(header.column.columnDef.header, header.getContext())}
                        <span aria-hidden="true" className="sort-mark">
                          {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}
                        </span>
                      </button>
                    ) : (
                      flexRender(header.column.columnDef.header, header.getContext())
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr key={row.id} data-row-id={row.id}>
              {row.getVisibleCells().map((cell, index) => {
                const meta = cell.column.columnDef.meta as TableColumnMeta | undefined;
                const content = flexRender(cell.column.columnDef.cell, cell.getContext());
                return index === 0 ? (
                  <th key={cell.id} scope="row">
                    {content}
                  </th>
                ) : (
                  <td key={cell.id} className={meta?.narrow ? 'narrow' : undefined}>
                    {content}
                  </td>
                );
              })}
            </tr>
          ))}
          {shown.length === 0 && (
            <tr>
              <td colSpan={props.columns.length} className="hint">
                {t.tableEmpty}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
