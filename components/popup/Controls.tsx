import type { ClaimKind } from '../../utils/report/verdicts';
import { kindWord } from '../verdicts';
import { VerdictIcon } from '../VerdictIcon';

export type FilterValue = 'all' | ClaimKind;
export type SortValue = 'page' | 'weakest' | 'strongest';

export interface ControlsProps {
  /** How many claims the list shows now. */
  shown: number;
  options: { filter: FilterValue; count: number }[];
  filter: FilterValue;
  sort: SortValue;
  onFilter: (filter: FilterValue) => void;
  onSort: (sort: SortValue) => void;
}

function filterName(filter: FilterValue): string {
  return filter === 'all' ? 'All' : kindWord(filter);
}

/** Verdict filters (a radio group of toggle buttons) and the sort order. */
export function Controls({ shown, options, filter, sort, onFilter, onSort }: ControlsProps) {
  return (
    <div class="controls">
      <div class="filters" role="group" aria-label="Show claims">
        {options.map((option) => (
          <button
            key={option.filter}
            type="button"
            class="filter"
            data-testid={`filter-${option.filter}`}
            data-verdict={option.filter === 'all' ? undefined : option.filter}
            aria-pressed={filter === option.filter ? 'true' : 'false'}
            onClick={() => onFilter(option.filter)}
          >
            {option.filter === 'all' ? null : <VerdictIcon verdict={option.filter} />}
            <span>{filterName(option.filter)}</span>
            <span class="count">{option.count}</span>
          </button>
        ))}
      </div>
      <div class="list-bar">
        <span class="shown" data-testid="shown">
          {shown === 1 ? '1 claim shown' : `${shown} claims shown`}
        </span>
        <label class="sort">
          <span>Order</span>
          <select
            data-testid="sort"
            value={sort}
            onChange={(e) => onSort((e.currentTarget as HTMLSelectElement).value as SortValue)}
          >
            <option value="page">Page order</option>
            <option value="weakest">Weakest first</option>
            <option value="strongest">Strongest first</option>
          </select>
        </label>
      </div>
    </div>
  );
}
