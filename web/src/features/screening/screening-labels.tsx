import { Badge } from '@mantine/core';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BlockIcon, CheckIcon, InfoIcon, UnknownIcon, WarningIcon } from '@web/components/icons';
import { humanizeKey } from './interview-model';
import type { Finding, InstrumentView, PartStatus, ScreeningStatus } from './screening.schema';

/** Keys built at run time (a part or dimension of an instrument), with a fallback in words. */
type Lookup = (key: string) => string;

/** The instrument's own names of its dimensions and parts, for the screens below it. */
const KeyTitles = createContext<ReadonlyMap<string, string>>(new Map());

/** Gives the screens of a screening the names its instrument has for its keys. */
export function KeyTitlesProvider(props: { instrument: InstrumentView; children: ReactNode }) {
  const { instrument } = props;
  const titles = useMemo(
    () => new Map([...instrument.dimensions, ...instrument.parts].map((d) => [d.key, d.title])),
    [instrument],
  );
  return <KeyTitles.Provider value={titles}>{props.children}</KeyTitles.Provider>;
}

/**
 * A part's, element's or dimension's name: translated in the app's language when it is a key the
 * app knows (the built-ins'), else the instrument's own name for it (an organisation's own
 * instrument, in the interview's language), else the key in words.
 */
export function useKeyLabel(): (key: string) => string {
  const { t, i18n } = useTranslation();
  const titles = useContext(KeyTitles);
  return (key: string) => {
    const path = `screening.parts.${key}`;
    if (i18n.exists(path)) {
      return (t as unknown as Lookup)(path);
    }
    return titles.get(key) ?? humanizeKey(key);
  };
}

/** A dark amber: Mantine's yellow and orange are below 4.5:1 as text on white. */
const AMBER = '#8a5300';

/** Colour and icon of a finding or a part's status: always shown with its words (≥ 4.5:1). */
export const FINDING_LOOK: Record<Finding, { color: string; icon: ReactNode }> = {
  indicators_present: { color: 'red.9', icon: <WarningIcon /> },
  insufficient_indicators: { color: 'gray.7', icon: <InfoIcon /> },
  undetermined: { color: AMBER, icon: <UnknownIcon /> },
};

export const PART_LOOK: Record<PartStatus, { color: string; icon: ReactNode }> = {
  met: { color: 'red.9', icon: <CheckIcon /> },
  not_met: { color: 'gray.7', icon: <BlockIcon /> },
  undetermined: { color: AMBER, icon: <UnknownIcon /> },
};

export function StatusBadge({ status }: { status: ScreeningStatus }) {
  const { t } = useTranslation();
  const color = { in_progress: 'indigo', complete: 'teal', approved: 'green' }[status];
  return (
    <Badge variant="light" color={color} className="hw-badge-wrap">
      {t(`screening.statuses.${status}`)}
    </Badge>
  );
}

export function FindingBadge({ finding }: { finding: Finding }) {
  const { t } = useTranslation();
  const look = FINDING_LOOK[finding];
  return (
    <Badge
      variant="outline"
      color={look.color}
      leftSection={look.icon}
      className="hw-badge-wrap"
      data-finding={finding}
    >
      {t(`screening.findings.${finding}`)}
    </Badge>
  );
}
