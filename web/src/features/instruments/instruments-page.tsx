import { NotFoundPage } from '@web/components/simple-pages';
import { usePath } from '@web/lib/router';
import { InstrumentFormPage } from './instrument-form-page';
import { InstrumentImportPage } from './instrument-import-page';
import { InstrumentListPage } from './instrument-list-page';
import { parseInstrumentPath } from './instrument-routes';
import { InstrumentViewPage } from './instrument-view-page';
import './instruments.css';

/**
 * The instruments pages (`#/instruments…`, see instrument-routes.ts): the list, one version,
 * the form and the JSON import. Management pages check the user's rights themselves.
 */
export function InstrumentsPage() {
  const route = parseInstrumentPath(usePath());
  switch (route?.page) {
    case 'list':
      return <InstrumentListPage />;
    case 'new':
      return <InstrumentFormPage />;
    case 'import':
      return <InstrumentImportPage />;
    case 'view':
      return (
        <InstrumentViewPage
          key={`${route.id}@${route.version}`}
          id={route.id}
          version={route.version}
        />
      );
    case 'new-version':
    case 'copy':
      return (
        <InstrumentFormPage
          key={`${route.page}:${route.id}@${route.version}`}
          from={{ id: route.id, version: route.version, copy: route.page === 'copy' }}
        />
      );
    case undefined:
      return <NotFoundPage />;
  }
}
