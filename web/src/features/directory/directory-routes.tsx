import { ForbiddenPage, NotFoundPage } from '@web/components/simple-pages';
import { hasPermission, useMe } from '@web/features/auth/session';
import { usePath } from '@web/lib/router';
import { DirectoryPage } from './directory-page';
import { OrganisationsPage } from './organisations-page';
import { EditServicePage, NewServicePage, OurServicesPage } from './our-services-page';
import { ServiceDetailPage } from './service-detail-page';

const ID = '([A-Za-z0-9-]{1,64})';
const SERVICE = new RegExp(`^/directory/services/${ID}$`);
const EDIT = new RegExp(`^/directory/services/${ID}/edit$`);
const EXTERNAL = new RegExp(`^/directory/organisations/${ID}$`);
const EXTERNAL_NEW = new RegExp(`^/directory/organisations/${ID}/new$`);

/**
 * Every `#/directory…` page, one chunk: search, a service, our services and its form, and the
 * platform admins' organisations. App.tsx has checked `directory.read`; the rest is checked here
 * (and again by the server).
 */
export function DirectoryRoutes() {
  const path = usePath();
  const me = useMe();
  const manage = hasPermission(me, 'directory.manage');
  const verify = hasPermission(me, 'directory.verify');
  const match = (re: RegExp) => re.exec(path)?.[1];
  if (path === '/directory') {
    return <DirectoryPage />;
  }
  if (path === '/directory/ours' || path === '/directory/ours/new') {
    if (!manage) {
      return <ForbiddenPage />;
    }
    return path === '/directory/ours' ? <OurServicesPage /> : <NewServicePage />;
  }
  if (path === '/directory/organisations' || match(EXTERNAL) || match(EXTERNAL_NEW)) {
    if (!verify) {
      return <ForbiddenPage />;
    }
    const external = match(EXTERNAL);
    const externalNew = match(EXTERNAL_NEW);
    if (externalNew) {
      return <NewServicePage organisationId={externalNew} />;
    }
    return external ? <OurServicesPage organisationId={external} /> : <OrganisationsPage />;
  }
  const edit = match(EDIT);
  if (edit) {
    return manage || verify ? <EditServicePage id={edit} /> : <ForbiddenPage />;
  }
  const service = match(SERVICE);
  return service ? <ServiceDetailPage id={service} /> : <NotFoundPage />;
}
