import { z } from 'zod';
import { PermissionSchema } from '@/policy/permissions.ts';
import { RoleSchema } from '@/policy/roles.ts';
import { OrganisationSchema } from './organisations.schema.ts';

export const LoginSchema = z
  .object({
    email: z.string().trim().min(1).max(254),
    password: z.string().min(1).max(256),
    totp: z
      .string()
      .regex(/^\d{6}$/, 'Enter the 6-digit code')
      .optional(),
    recoveryCode: z.string().trim().min(8).max(64).optional(),
  })
  .strict();
export type Login = z.infer<typeof LoginSchema>;

export const MeSchema = z.object({
  user: z.object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    totpEnabled: z.boolean(),
    platformAdmin: z.boolean(),
  }),
  organisation: OrganisationSchema,
  role: RoleSchema,
  permissions: z.array(PermissionSchema),
  csrfToken: z.string(),
  totpEnrolmentRequired: z.boolean(),
});
export type Me = z.infer<typeof MeSchema>;

export const TotpSetupSchema = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  qrSvg: z.string(),
});
export type TotpSetup = z.infer<typeof TotpSetupSchema>;

export const TotpConfirmSchema = z
  .object({ code: z.string().regex(/^\d{6}$/, 'Enter the 6-digit code') })
  .strict();

export const TotpConfirmedSchema = z.object({ recoveryCodes: z.array(z.string()) });

export const TotpDisableSchema = z.object({ password: z.string().min(1).max(256) }).strict();
