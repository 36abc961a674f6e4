import { Button, Checkbox, Group, NativeSelect, SimpleGrid } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_STATUSES, RISK_LEVELS, STAGES } from './cases.schema';
import { CountrySelect } from './case-ui';

const RETRAFFICKING_LEVELS = ['not_assessed', 'none', 'low', 'medium', 'high'] as const;

export interface Filters {
  stage: string;
  nationality: string;
  risk: string;
  retraffickingRisk: string;
  status: string;
  mine: boolean;
}

export const NO_FILTERS: Filters = {
  stage: '',
  nationality: '',
  risk: '',
  retraffickingRisk: '',
  status: 'open',
  mine: false,
};

/**
 * How many filters the user has changed from the default: "open cases only" is where the list
 * starts, so it is not counted (choosing "any" status is).
 */
export function activeFilterCount(filters: Filters): number {
  return (Object.keys(NO_FILTERS) as (keyof Filters)[]).filter(
    (key) => filters[key] !== NO_FILTERS[key],
  ).length;
}

const FILTERS_ID = 'case-filters';

/**
 * The filters below the search field. On a phone they are folded behind a "Filters" button that
 * says how many are on, so the first screen shows people rather than selects; wider screens show
 * them open without the button.
 */
export function FoldedFilters(props: {
  filters: Filters;
  onChange: (change: Partial<Filters>) => void;
  /** Shown next to the Filters button (always visible), e.g. the Hide names switch. */
  beside?: ReactNode;
  /** Shown with the filters (folded on a phone), e.g. the sort order and Clear. */
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  const isPhone = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
  const [open, setOpen] = useState(false);
  const count = activeFilterCount(props.filters);
  const shown = !isPhone || open;
  return (
    <>
      <Group gap="sm" justify="space-between">
        {isPhone && (
          <Button
            variant="default"
            onClick={() => setOpen((value) => !value)}
            aria-expanded={open}
            aria-controls={FILTERS_ID}
            data-testid="filters-toggle"
          >
            {t('cases.filters.toggle', { count })}
          </Button>
        )}
        {props.beside}
      </Group>
      <div id={FILTERS_ID} hidden={!shown} data-testid="case-filters">
        {shown && (
          <FilterFields filters={props.filters} onChange={props.onChange}>
            {props.extra}
          </FilterFields>
        )}
      </div>
    </>
  );
}

function FilterFields(props: {
  filters: Filters;
  onChange: (change: Partial<Filters>) => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const any = { value: '', label: t('cases.filters.any') };
  const { filters } = props;
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
      <NativeSelect
        label={t('cases.fields.stage')}
        value={filters.stage}
        onChange={(event) => props.onChange({ stage: event.currentTarget.value })}
        data={[
          any,
          ...STAGES.map((stage) => ({ value: stage, label: t(`cases.stages.${stage}`) })),
        ]}
      />
      <CountrySelect
        label={t('cases.fields.nationality')}
        value={filters.nationality}
        emptyLabel={t('cases.filters.any')}
        onChange={(nationality) => props.onChange({ nationality })}
      />
      <NativeSelect
        label={t('cases.fields.risk')}
        value={filters.risk}
        onChange={(event) => props.onChange({ risk: event.currentTarget.value })}
        data={[
          any,
          ...RISK_LEVELS.map((level) => ({ value: level, label: t(`cases.riskLevels.${level}`) })),
        ]}
      />
      <NativeSelect
        label={t('cases.fields.retrafficking')}
        value={filters.retraffickingRisk}
        onChange={(event) => props.onChange({ retraffickingRisk: event.currentTarget.value })}
        data={[
          any,
          ...RETRAFFICKING_LEVELS.map((level) => ({
            value: level,
            label: t(`cases.retraffickingLevels.${level}`),
          })),
        ]}
      />
      <NativeSelect
        label={t('cases.fields.status')}
        value={filters.status}
        onChange={(event) => props.onChange({ status: event.currentTarget.value })}
        data={[
          any,
          ...CASE_STATUSES.map((status) => ({
            value: status,
            label: t(`cases.statuses.${status}`),
          })),
        ]}
      />
      <Checkbox
        label={t('cases.filters.mine')}
        checked={filters.mine}
        onChange={(event) => props.onChange({ mine: event.currentTarget.checked })}
        mt={{ base: 0, xs: 'lg' }}
      />
      {props.children}
    </SimpleGrid>
  );
}
