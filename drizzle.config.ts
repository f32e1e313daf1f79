import { defineConfig } from 'drizzle-kit';

// drizzle-kit only generates SQL from the schema; it never connects.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/server/db/schema.ts',
  out: './migrations',
});
