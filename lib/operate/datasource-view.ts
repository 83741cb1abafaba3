// A datasource's page: the supervisors that write to it (Druid allows several, each with its own
// id), as the dashboard shows them. Pure.
import { z } from 'zod';
import { SupervisorRowSchema, type SupervisorRow } from './schemas';

/** GET /api/datasources/{name} */
export const DatasourceViewSchema = z.object({
  name: z.string(),
  refreshedAt: z.string(),
  supervisors: z.array(SupervisorRowSchema),
  /** Said when no supervisor writes to it but Druid has its segments. */
  note: z.string().nullable(),
});
export type DatasourceView = z.infer<typeof DatasourceViewSchema>;

/** Druid's datasource names: not empty, no slash, no leading dot, no whitespace other than a space. */
export const DatasourceNameSchema = z
  .string()
  .min(1, 'name a datasource')
  .max(255, 'a datasource name is at most 255 characters')
  .refine((name) => !name.includes('/'), 'a datasource name cannot contain "/"')
  .refine((name) => !name.startsWith('.'), 'a datasource name cannot start with "."')
  .refine((name) => !/[\t\n\r]/.test(name), 'a datasource name cannot contain tabs or line breaks');

/** The supervisors writing to `name`, by id. */
export function supervisorsWriting<R extends Pick<SupervisorRow, 'id' | 'datasource'>>(name: string, rows: readonly R[]): R[] {
  return rows.filter((row) => row.datasource === name).sort((a, b) => a.id.localeCompare(b.id));
}
