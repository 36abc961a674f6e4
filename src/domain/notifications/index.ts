export * from './notifications.schema.ts';
export { createNotifier, type Notifier, type NotifierConfig } from './notifications.service.ts';
