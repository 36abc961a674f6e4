import { v7 as uuidv7, validate, version } from 'uuid';

/** A new time-ordered UUIDv7, the id format of every Homeward entity. */
export function newId(): string {
  return uuidv7();
}

/** True when `value` is a syntactically valid UUID (any version). */
export function isUuid(value: string): boolean {
  return validate(value);
}

/** True when `value` is a UUIDv7. */
export function isUuidV7(value: string): boolean {
  return validate(value) && version(value) === 7;
}
