import { z } from 'zod';
import { RoleSchema } from '@/policy/roles.ts';
import { NameTextSchema } from './organisations.schema.ts';

export const EmailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email())
  .transform((e) => e.toLowerCase());

/** Length and character checks; the common-password check is in passwords.ts. */
export const PasswordSchema = z.string().min(12, 'Use at least 12 characters').max(256);

export const UserSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  totpEnabled: z.boolean(),
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
});
export type User = z.infer<typeof UserSchema>;

export const UserCreateSchema = z
  .object({
    email: EmailSchema,
    displayName: NameTextSchema,
    role: RoleSchema,
    password: PasswordSchema.optional(),
  })
  .strict();
export type UserCreate = z.infer<typeof UserCreateSchema>;

export const UserCreatedSchema = z.object({
  user: UserSchema,
  temporaryPassword: z.string().nullable(),
  /** The e-mail already had an account: it was added here and keeps its own password. */
  existingAccount: z.boolean(),
});
export type UserCreated = z.infer<typeof UserCreatedSchema>;

export const UserUpdateSchema = z
  .object({
    role: RoleSchema.optional(),
    displayName: NameTextSchema.optional(),
    disabled: z.boolean().optional(),
  })
  .strict();
export type UserUpdate = z.infer<typeof UserUpdateSchema>;

export const UserPageSchema = z.object({
  items: z.array(UserSchema),
  nextCursor: z.string().nullable(),
});
export type UserPage = z.infer<typeof UserPageSchema>;

export const PasswordResetSchema = z.object({ temporaryPassword: z.string() });
export type PasswordReset = z.infer<typeof PasswordResetSchema>;

export const UserIdParamsSchema = z.object({ userId: z.string().max(64) }).strict();
