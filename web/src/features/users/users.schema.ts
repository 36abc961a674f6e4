/** The users contract, shared with the server (see auth.schema.ts). */
export {
  UserCreateSchema,
  UserSchema,
  UserUpdateSchema,
  type PasswordReset,
  type User,
  type UserCreate,
  type UserCreated,
  type UserUpdate,
} from '@/domain/auth/users.schema.ts';
