/** Shared by the Playwright config, the server starter and the journeys. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3199);
export const BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
export const ADMIN_EMAIL = 'e2e-admin@example.org';
export const ADMIN_PASSWORD = 'Correct-Horse-Battery-Staple-42';
/** The display name the server gives the bootstrap admin. */
export const ADMIN_NAME = 'Administrateur';
