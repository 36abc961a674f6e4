import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PagedList } from '@web/lib/use-paged-list';
import { ListFooter } from './list-footer';

/**
 * "Showing 20 of 42" and a Load more button under a paged list (the list footer, see
 * `ListFooter`); nothing when the list fits on its first page and nothing failed.
 */
export function LoadMore<T>({ list, testId }: { list: PagedList<T>; testId?: string }) {
  const { t } = useTranslation();
  const [paged, setPaged] = useState(false);
  const shown = list.items.length;

  if (!list.hasMore && !paged && list.error === null) {
    return null;
  }

  let count: string;
  if (list.serverHasMore) {
    count = t('lists.shown', { count: shown });
  } else if (list.hasMore) {
    count = t('lists.shownOf', { shown, total: list.loadedCount });
  } else {
    count = t('lists.shownAll', { count: shown });
  }

  const footerList = {
    ...list,
    loadMore: () => {
      setPaged(true);
      list.loadMore();
    },
  };
  return <ListFooter list={footerList} count={count} testId={testId} />;
}
