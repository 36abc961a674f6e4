export * from './directory.schema.ts';
export * from './directory-organisations.schema.ts';
export {
  createService,
  deleteService,
  getService,
  searchPublicServices,
  searchServices,
  updateService,
} from './directory.service.ts';
export {
  createExternalOrganisation,
  isExternalOrganisation,
  listDirectoryOrganisations,
  setVerification,
  updateExternalOrganisation,
} from './directory-organisations.service.ts';
export { directoryRoutes } from './directory.routes.ts';
