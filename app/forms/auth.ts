/** Schemas of the account forms, shared by the forms (browser validation) and their actions. */
import * as z from "zod";

export const emailField = z.string().trim().min(1).max(254).pipe(z.email());
export const passwordField = z.string().min(10, { error: "errors.passwordLength" }).max(200);

export const loginSchema = z.object({
  email: emailField,
  password: z.string().min(1).max(200),
  redirectTo: z.string().optional(),
});

/** Runs the "passwords match" check even while other fields are still wrong (zod v4 `when`). */
const bothPasswords = z.object({ password: z.string(), passwordConfirm: z.string() });
const matchWhen = { path: ["passwordConfirm"], error: "errors.passwordMismatch", when: (p: { value: unknown }) => bothPasswords.safeParse(p.value).success };

export const signupSchema = z
  .object({
    displayName: z.string().trim().min(1).max(120),
    email: emailField,
    password: passwordField,
    passwordConfirm: z.string().min(1),
  })
  .refine((v) => v.password === v.passwordConfirm, matchWhen);

export const forgotSchema = z.object({ email: emailField });

export const newPasswordSchema = z
  .object({ password: passwordField, passwordConfirm: z.string().min(1) })
  .refine((v) => v.password === v.passwordConfirm, matchWhen);

/** An invited person's new account (the e-mail address comes from the invitation). */
export const newAccountSchema = z
  .object({ displayName: z.string().trim().min(1).max(120), password: passwordField, passwordConfirm: z.string().min(1) })
  .refine((v) => v.password === v.passwordConfirm, { path: ["passwordConfirm"], error: "errors.passwordMismatch" });
