/** A table's header row: one column header per label; `end` aligns a column of figures. */
export function TableHead({ columns }: { columns: (string | { label: string; end: true })[] }) {
  return (
    <thead>
      <tr className="border-b-2 border-gray-400">
        {columns.map((column) => {
          const label = typeof column === "string" ? column : column.label;
          return (
            <th
              key={label}
              scope="col"
              className={`p-2 ${typeof column === "string" ? "text-start" : "text-end"}`}
            >
              {label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
