// Generated from openapi/openapi.json by scripts/openapi.ts — do not edit.
export interface paths {
    "/api/public/info": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the login and accessibility pages show before sign-in */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PublicInfo"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process is up */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Health"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The database answers and its migrations are current */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Ready"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with e-mail and password; sets the session cookie */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["LoginInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Me"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user, organisation, schools and permissions */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Me"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change one’s own display name or language */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateMeInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Me"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End this session */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End every session of the signed-in user */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change one’s own password; other sessions end */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ChangePasswordInputInput"];
                };
            };
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My API tokens */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiToken"][];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create an API token for integrations (shown once) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateApiTokenInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["NewApiToken"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke one of my API tokens */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List user accounts */
        get: {
            parameters: {
                query?: {
                    q?: string;
                    role?: "admin" | "manager" | "technician" | "finance" | "director" | "teacher" | "periscolaire" | "auditor";
                    active?: "true" | "false";
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UserList"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create a user account */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateUserInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One user account */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a user’s name, roles, schools, language or activity */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateUserInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/users/{id}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a user’s password (their sessions end) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SetPasswordInputInput"];
                };
            };
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/organisation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user’s organisation and its settings */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Organisation"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename the organisation or change its settings (communes, technicians’ reach) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateOrganisationInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Organisation"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/organisation/mail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The mail server (SMTP) of the organisation; the password is never returned (passwordSet) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MailSettings"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Set the mail server (SMTP); the password is kept encrypted — omit it to keep the stored one, null to remove it */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SaveMailSettingsInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MailSettings"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        /** Remove the organisation’s mail server (the instance default SMTP_URL applies, if any) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MailSettings"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/organisation/mail/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a test mail with the saved settings (to the signed-in user unless told otherwise) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["TestMailInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TestMailResult"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/organisation/mail/log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The latest mails sent or tried (a family’s address is not shown: its pseudonym is) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MailLogEntry"][];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/schools": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Schools the user can see: search, filters, sort, pagination with total */
        get: {
            parameters: {
                query?: {
                    q?: string;
                    kind?: "maternelle" | "elementaire" | "primaire" | "application";
                    priorityEducation?: "none" | "REP" | "REP+";
                    circonscription?: string;
                    communeCode?: string;
                    status?: "open" | "closed" | "all";
                    sort?: "name" | "uai" | "commune" | "pupils" | "ips";
                    order?: "asc" | "desc";
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SchoolList"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create a school */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateSchoolInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["School"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/schools/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The filtered list as CSV (;-separated, UTF-8 with BOM) or XLSX */
        get: {
            parameters: {
                query?: {
                    q?: string;
                    kind?: "maternelle" | "elementaire" | "primaire" | "application";
                    priorityEducation?: "none" | "REP" | "REP+";
                    circonscription?: string;
                    communeCode?: string;
                    status?: "open" | "closed" | "all";
                    sort?: "name" | "uai" | "commune" | "pupils" | "ips";
                    order?: "asc" | "desc";
                    format?: "csv" | "xlsx";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description CSV or XLSX file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/schools/facets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Kinds, priority education, circonscriptions and communes of the open schools in reach, with counts (filter choices) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SchoolFacets"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/schools/options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** School choices for pickers: search by name or UAI, or resolve ids */
        get: {
            parameters: {
                query?: {
                    q?: string;
                    ids?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SchoolOption"][];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/schools/map": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open schools with coordinates, for the map */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SchoolMapPoint"][];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/schools/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One school with its network facts and yearly figures */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["School"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a school entered by mistake (refused once referenced: close it) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Edit a school */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateSchoolInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["School"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/schools/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close a school (schools are closed, not deleted) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CloseSchoolInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["School"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/schools/{id}/reopen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reopen a closed school */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["School"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/schools/{id}/network": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set the network facts of a school */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateNetworkInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["School"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/schools/{id}/classes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Classes of a school for a rentrée (default: the current school year) */
        get: {
            parameters: {
                query?: {
                    year?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SchoolClass"][];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Add a class */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateClassInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SchoolClass"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/classes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a class */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Edit a class (name, levels, pupils, ULIS, classroom) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateClassInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SchoolClass"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/schools/{id}/rooms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Rooms of a school, with the class using each this year */
        get: {
            parameters: {
                query?: {
                    archived?: "true" | "false";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Room"][];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Add a room */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateRoomInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Room"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rooms/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit or archive a room */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateRoomInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Room"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/buildings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete an empty building */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Rename a building */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateBuildingInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Building"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/schools/{id}/buildings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Buildings of a school */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Building"][];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Add a building */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateBuildingInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Building"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Browse the audit trail, newest first (keyset pagination with `before`) */
        get: {
            parameters: {
                query?: {
                    action?: string;
                    entityType?: string;
                    entityId?: string;
                    actorUserId?: string;
                    from?: string;
                    to?: string;
                    before?: number;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AuditPage"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Verify the hash chain of this organisation’s audit trail */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AuditVerification"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inventory/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Asset categories */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AssetCategory"][];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create a category (with optional custom fields as a JSON Schema) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateAssetCategoryInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AssetCategory"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inventory/categories/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit or archive a category */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateAssetCategoryInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AssetCategory"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/inventory/manufacturers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Manufacturers */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Manufacturer"][];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Add a manufacturer (returns the existing one with the same name) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateManufacturerInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Manufacturer"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inventory/models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Asset models with their reference price and asset count */
        get: {
            parameters: {
                query?: {
                    categoryId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AssetModel"][];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create a model */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateAssetModelInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AssetModel"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inventory/models/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit or archive a model */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateAssetModelInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AssetModel"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/inventory/stock-locations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Stock locations */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StockLocation"][];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Add a stock location */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateStockLocationInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StockLocation"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inventory/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Equipment counts by category and status (the organisation, or one school) */
        get: {
            parameters: {
                query?: {
                    schoolId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EquipmentSummary"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inventory/warranties": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Assets whose warranty ends within N days (default: the organisation’s notice period) */
        get: {
            parameters: {
                query?: {
                    days?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WarrantyDigest"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recent notifications for my roles (digests of background jobs) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Notification"][];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inventory/rounds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Inventory rounds, newest first */
        get: {
            parameters: {
                query?: {
                    schoolId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            scope: "school" | "room" | "cart";
                            place: string;
                            schoolId: string | null;
                            roomId: string | null;
                            cartId: string | null;
                            /** @enum {string} */
                            status: "open" | "closed" | "cancelled";
                            startedAt: string;
                            startedBy: string | null;
                            closedAt: string | null;
                            correctionsAppliedAt: string | null;
                            notes: string | null;
                            counts: {
                                expected: number;
                                found: number;
                                missing: number;
                                unexpected: number;
                                unknown: number;
                            };
                        }[];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Start an inventory round for a school, a room or a cart (the expected list is fixed now) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["StartInventoryRoundInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InventoryRound"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inventory/rounds/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A round with found, missing, unexpected and unknown lists */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InventoryRound"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inventory/rounds/{id}/scans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record scanned tags (or label URLs) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["InventoryScanInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InventoryScanResult"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inventory/rounds/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close a round: counts are final, scanned assets get their audit date */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InventoryRound"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inventory/rounds/{id}/corrections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Apply the corrections of a closed round in one confirmed step (move unexpected assets here, declare missing ones lost) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["InventoryCorrectionsInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InventoryRound"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inventory/rounds/{id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The round report as PDF or CSV */
        get: {
            parameters: {
                query?: {
                    format?: "pdf" | "csv";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description PDF or CSV file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                        "text/csv": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Assets: search, filters, sort, pagination with total */
        get: {
            parameters: {
                query?: {
                    q?: string;
                    schoolId?: string;
                    roomId?: string;
                    categoryId?: string;
                    categoryRole?: "projection" | "teacher_computer" | "pupil_device" | "desktop" | "document_camera" | "network_ap" | "network_switch" | "server" | "printer" | "cart" | "hotspot" | "accessory" | "other";
                    modelId?: string;
                    status?: string;
                    cartId?: string;
                    stockLocationId?: string;
                    warrantyBefore?: string;
                    notAuditedSince?: string;
                    sort?: "tag" | "model" | "status" | "school" | "warrantyEnd" | "updatedAt";
                    order?: "asc" | "desc";
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AssetList"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Register an asset (tag generated from the organisation’s pattern when absent) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateAssetInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AssetDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assets/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The filtered list as CSV or XLSX */
        get: {
            parameters: {
                query?: {
                    q?: string;
                    schoolId?: string;
                    roomId?: string;
                    categoryId?: string;
                    categoryRole?: "projection" | "teacher_computer" | "pupil_device" | "desktop" | "document_camera" | "network_ap" | "network_switch" | "server" | "printer" | "cart" | "hotspot" | "accessory" | "other";
                    modelId?: string;
                    status?: string;
                    cartId?: string;
                    stockLocationId?: string;
                    warrantyBefore?: string;
                    notAuditedSince?: string;
                    sort?: "tag" | "model" | "status" | "school" | "warrantyEnd" | "updatedAt";
                    order?: "asc" | "desc";
                    format?: "csv" | "xlsx";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description CSV or XLSX file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assets/by-tag/{tag}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Look an asset up by its inventory tag (scanning) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    tag: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AssetDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assets/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Bulk action on assets by id or scanned tag: move, status, into/out of a cart, assign to a school; answers per asset */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["BulkAssetInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BulkAssetResult"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assets/labels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A PDF sheet of QR labels for the given assets (A4 layouts 3×8, 4×10, 2×7) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["LabelsInputInput"];
                };
            };
            responses: {
                /** @description PDF file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One asset with its history, contents (carts) and allowed status changes */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AssetDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit an asset’s details (send the version you saw) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateAssetInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AssetDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/assets/{id}/transition": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change an asset’s lifecycle status (409 ASSET_INVALID_TRANSITION when not allowed) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AssetTransitionInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AssetDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assets/{id}/move": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move an asset (a cart moves with its contents) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AssetMoveInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AssetDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assets/{id}/cart": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Put a device into a cart */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CartOperationInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AssetDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assets/{id}/take-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Take a device out of its cart */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["TakeOutOfCartInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AssetDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/procurement/contracts/{id}/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Attachments of a contract */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FileAttachment"][];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Attach a PDF or a photo (JPEG, PNG, WebP) to a contract; the type is read from the content */
        post: {
            parameters: {
                query?: {
                    name?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            /** @description the file */
            requestBody: {
                content: {
                    "image/jpeg": string;
                    "image/png": string;
                    "image/webp": string;
                    "application/pdf": string;
                    "application/octet-stream": string;
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FileAttachment"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/procurement/invoices/{id}/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Attachments of an invoice */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FileAttachment"][];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Attach a PDF or a photo (JPEG, PNG, WebP) to an invoice; the type is read from the content */
        post: {
            parameters: {
                query?: {
                    name?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            /** @description the file */
            requestBody: {
                content: {
                    "image/jpeg": string;
                    "image/png": string;
                    "image/webp": string;
                    "application/pdf": string;
                    "application/octet-stream": string;
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FileAttachment"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assets/{id}/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Attachments of an asset */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FileAttachment"][];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Attach a photo (JPEG, PNG, WebP) or a PDF to an asset; the type is read from the content */
        post: {
            parameters: {
                query?: {
                    name?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            /** @description the file */
            requestBody: {
                content: {
                    "image/jpeg": string;
                    "image/png": string;
                    "image/webp": string;
                    "application/pdf": string;
                    "application/octet-stream": string;
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FileAttachment"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/files/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download an attachment (always as an attachment, never inline); inventory.read for assets’ files, funding.read for contracts’ and invoices’ */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/jpeg": string;
                        "image/png": string;
                        "image/webp": string;
                        "application/pdf": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete an attachment (inventory.manage for assets’ files, funding.manage for contracts’ and invoices’; an invoice’s PDF is unset) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/loans/eligibility-reasons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Reasons of eligibility decisions */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EligibilityReason"][];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Create or change a reason (deactivate instead of deleting) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SaveEligibilityReasonInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EligibilityReason"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/loans/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Loan requests (pseudonymised list) */
        get: {
            parameters: {
                query?: {
                    schoolId?: string;
                    status?: "pending" | "approved" | "rejected" | "allocated" | "cancelled";
                    campaignId?: string;
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["LoanRequest"][];
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** File a loan request for a pupil: household, need and the eligibility decision only (unknown fields are refused) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateLoanRequestInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LoanRequest"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/loans/requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One request; personal data for the roles that need them (the read is audited) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LoanRequest"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/loans/requests/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a loan request */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LoanRequest"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/loans/requests/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject a loan request */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LoanRequest"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/loans/requests/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a loan request */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LoanRequest"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/loans/requests/{id}/allocate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Allocate a device (and accessories) to an approved request: the loan is created, the convention can be sent */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AllocateLoanInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Loan"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/loans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Loans (pseudonymised list): filters school, status, overdue */
        get: {
            parameters: {
                query?: {
                    schoolId?: string;
                    status?: "allocated" | "accepted" | "handed_over" | "returned" | "closed" | "cancelled";
                    overdue?: "true" | "false";
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Loan"][];
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/loans/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One loan; personal data for the roles that need them (the read is audited) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Loan"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/loans/{id}/convention.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The loan convention (PDF) */
        get: {
            parameters: {
                query?: {
                    lang?: "fr" | "en";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description PDF */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/loans/{id}/link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The family link (signed, expiring, single-purpose); revokePrevious makes earlier links invalid; send mails it to the legal representatives (once per link) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default false */
                        revokePrevious?: boolean;
                        /** @default false */
                        send?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            url: string;
                            expiresAt: string;
                            mail: components["schemas"]["FamilyLinkMail"] | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/loans/{id}/handover": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Hand the devices over, scanning each (blocked until the convention is accepted); devices become on_loan */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["LoanHandoverInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Loan"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/loans/{id}/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Take devices back, scanning each, with the wipe (MDM reset) confirmed; they go to stock or back into a cart */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["LoanReturnInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Loan"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/family/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the family link shows: devices, due date, convention state, how to return */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FamilyPage"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/family/{token}/convention.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The convention, for the family (accepted version once accepted) */
        get: {
            parameters: {
                query?: {
                    lang?: "fr" | "en";
                };
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description PDF */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/family/{token}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The family accepts the convention: typed name and confirmation (time and a keyed hash of the address are kept) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["FamilyAcceptInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accepted: boolean;
                            acceptedAt: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/loans/campaigns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Crisis campaigns, newest first */
        get: {
            parameters: {
                query?: {
                    status?: "open" | "closed";
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["LoanCampaign"][];
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Open a crisis campaign (continuity of teaching while schools are closed) for chosen schools */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateLoanCampaignInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LoanCampaign"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/loans/campaigns/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One crisis campaign */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LoanCampaign"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/loans/campaigns/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close a campaign: no more confirmations (its loans go on as usual) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LoanCampaign"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/loans/campaigns/{id}/proposal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Proposed allocation: available devices (stock, carts of the campaign schools, central stock) to the eligible pending or approved requests, REP+ then REP then by request date; hotspots for connectivity needs. Nothing is written: adjust the pairs and post them to …/confirm */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LoanCampaignProposal"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/loans/campaigns/{id}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm pairs in bulk: each request is approved if pending and allocated its devices through the ordinary allocation (one open loan per device); each pair comes back done or refused with its reason. Family links are mailed (one job per loan) to families with an e-mail; print …/conventions.pdf for the others */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ConfirmLoanCampaignInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ConfirmLoanCampaignResult"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/loans/campaigns/{id}/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Live dashboard: per school, requests, still waiting, allocated, accepted, handed over, returned, devices left */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LoanCampaignDashboard"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/loans/campaigns/{id}/conventions.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One printable PDF: for each loan of the campaign waiting for its convention, a sheet with the family link as a QR code, then the convention (default: families without an e-mail; the read is audited per household) */
        get: {
            parameters: {
                query?: {
                    /** @description paper: families without an e-mail address (default); all: every family */
                    delivery?: "paper" | "all";
                    /** @description One school of the campaign */
                    schoolId?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description PDF */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/loans/return-drive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Return drive of a school: loans due by a date (default: the end-of-year due date) still out, with their devices; pseudonyms only */
        get: {
            parameters: {
                query: {
                    /** @description The school of the drive */
                    school: string;
                    /** @description Loans due on or before this date (default: the organisation's end-of-year due date) */
                    dueBy?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReturnDrive"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/loans/return-drive/returns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Bulk return by scanning (wipe confirmed): each tag returned, or refused with its reason (unknown, not on loan, wrong school…) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ReturnDriveScanInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReturnDriveScanResult"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/loans/return-drive/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What is still out for the drive, as CSV (one line per device; pseudonyms, no names) */
        get: {
            parameters: {
                query: {
                    /** @description The school of the drive */
                    school: string;
                    /** @description Loans due on or before this date (default: the organisation's end-of-year due date) */
                    dueBy?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description CSV file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/loans/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The schools' inbox of family messages, newest first (the reader's schools; the read is audited per household) */
        get: {
            parameters: {
                query?: {
                    /** @description One school (default: every school the reader reaches) */
                    schoolId?: string;
                    /** @description Only handled (true) or waiting (false) messages */
                    handled?: "true" | "false";
                    category?: "breakdown" | "damage" | "loss" | "theft" | "question";
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LoanMessageList"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/loans/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The messages the family of a loan sent (the read is audited) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LoanMessageList"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/loans/messages/{id}/handled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark a family message handled, or waiting again */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["MarkLoanMessageInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LoanMessageHandled"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/public/family/{token}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Report a problem (breakdown, damage, loss, theft, question) to the school through the family link; at most 5 an hour and 20 a day per loan; the answer says received and nothing else */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["FamilyMessageInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FamilyMessageReceipt"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/loans/{id}/incidents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Incidents of a loan (notes for the roles that see the household) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LoanIncident"][];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Declare a damage, loss or theft (police report reference required for a theft); a loss or theft marks the device lost / stolen */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateLoanIncidentInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LoanIncident"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/loans/{id}/incidents/{incidentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Record the outcome (repaired, replaced, written off, paid by insurance, found) and the date settled, or change notes */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    incidentId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateLoanIncidentInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LoanIncident"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/loans/{id}/incidents/{incidentId}/location-activation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record that the device’s location was switched on in the MDM — only for a declared, unsettled loss or theft (logged) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    incidentId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LoanIncident"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/loans/households/{id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Everything held about a household (right of access), as JSON; the export is audited */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HouseholdExport"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/loans/households/{id}/export.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Everything held about a household (right of access), as PDF; the export is audited */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description PDF */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/loans/households/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Erase a household’s personal data on request (refused while a loan is open); the pseudonym and the device history stay */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HouseholdErased"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/funding/programmes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Programmes (operations) with their schools in scope */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FundingProgramme"][];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create a programme */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateProgrammeInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FundingProgramme"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/funding/programmes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One programme */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FundingProgramme"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete an empty programme (409 when it has cost items, conventions or lines) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Edit a programme (schoolIds replaces the schools in scope) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateProgrammeInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FundingProgramme"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/funding/programmes/{id}/cost-items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Cost items (postes) of a programme, in order, with their planned budget HT */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FundingCostItem"][];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Add a cost item to a programme */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateCostItemInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FundingCostItem"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/funding/cost-items/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a cost item without expense lines */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Edit a cost item */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateCostItemInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FundingCostItem"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/funding/funders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Funders */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Funder"][];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Add a funder */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateFunderInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Funder"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/funding/funders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a funder without conventions */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Edit a funder */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateFunderInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Funder"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/funding/programmes/{id}/conventions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Conventions of a programme, in rank order */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FundingConvention"][];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Add a funder’s convention (FUNDING_RULE_INVALID: bad rule; FUNDING_OVER_100: the rates together exceed 100 %) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateConventionInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FundingConvention"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/funding/conventions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a convention */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Edit a convention (same checks as on creation) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateConventionInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FundingConvention"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/funding/suppliers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Suppliers */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Supplier"][];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Add a supplier (SIRET_INVALID: wrong format or check digit; 409: SIRET already known) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateSupplierInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Supplier"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/funding/suppliers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a supplier without expense lines */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Edit a supplier */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateSupplierInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Supplier"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/funding/programmes/{id}/expense-lines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Expense lines of a programme in statement order (cost item, invoice date, number) */
        get: {
            parameters: {
                query?: {
                    costItemId?: string;
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ExpenseLineList"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Record an expense line (FUNDING_AMOUNTS_INVALID: HT + VAT ≠ TTC, eligible amount, school split) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateExpenseLineInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ExpenseLine"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/funding/expense-lines/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One expense line */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ExpenseLine"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete an expense line */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Edit an expense line, its eligibility or its school split */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateExpenseLineInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ExpenseLine"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/funding/programmes/{id}/shares": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every eligible line’s share per funder (convention rank order) and the owner’s rest, in cents, adding up exactly (lines paged with limit/offset); totals per funder and cost item; own-share and 100 % checks */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FundingShares"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/funding/programmes/{id}/budget": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Planned vs invoiced vs paid vs eligible, per cost item, per funder and per school */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FundingBudget"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/procurement/contracts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Contracts (marchés) with the amount ordered against each vs its ceiling */
        get: {
            parameters: {
                query?: {
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Contract"][];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Record a contract (409: reference already used) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateContractInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Contract"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/procurement/contracts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One contract */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Contract"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a contract without orders */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Edit a contract */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateContractInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Contract"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/procurement/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Purchase orders, latest first (filters: status, supplier, programme, contract, number); funding.read or inventory.manage */
        get: {
            parameters: {
                query?: {
                    status?: components["schemas"]["PurchaseOrderStatusInput"];
                    supplierId?: string;
                    programmeId?: string;
                    contractId?: string;
                    q?: string;
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PurchaseOrderList"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create a draft order with its lines */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreatePurchaseOrderInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PurchaseOrder"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/procurement/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One order: lines with received and invoiced quantities, deliveries, invoices, discrepancies; funding.read or inventory.manage */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PurchaseOrder"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a draft order (ORDER_INVALID_STATE otherwise) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Edit an order (lines, number, supplier and date only while draft: ORDER_INVALID_STATE otherwise; `lines` replaces them) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdatePurchaseOrderInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PurchaseOrder"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/procurement/orders/{id}/place": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Place a draft order (draft → ordered) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PurchaseOrder"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/procurement/orders/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel an order (draft or ordered; never once delivered or invoiced) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PurchaseOrder"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/procurement/orders/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Deliveries of an order, with the assets each created; funding.read or inventory.manage */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Delivery"][];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Receive a delivery (funding.manage or inventory.manage): lines with a catalogue model create assets in stock. DELIVERY_OVER_ORDERED, DELIVERY_SERIALS_INVALID; all or nothing */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateDeliveryInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Delivery"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/procurement/invoices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Invoices, latest first (filters: supplier, order, paid, number), with a discrepancy flag */
        get: {
            parameters: {
                query?: {
                    supplierId?: string;
                    orderId?: string;
                    paid?: "yes" | "no";
                    q?: string;
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InvoiceList"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Record an invoice and its lines (FUNDING_AMOUNTS_INVALID: HT + VAT ≠ TTC or the lines do not add up to the header) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateInvoiceInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Invoice"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/procurement/invoices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One invoice: lines with their allocation (expense line), discrepancies with the order */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Invoice"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete an invoice (409 CONFLICT when an expense line comes from it) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Edit an invoice (payment date and mandate number go to its expense lines; once allocated nothing else but the notes changes) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateInvoiceInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Invoice"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/procurement/invoices/{id}/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set the invoice’s PDF: a PDF attached to this invoice (POST /api/procurement/invoices/{id}/attachments), or null */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SetInvoiceFileInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Invoice"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/procurement/invoices/{id}/allocate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Make expense lines of a programme from invoice lines (one per invoice line: INVOICE_LINE_TAKEN); `by_assets` splits the HT over the schools of the delivered assets */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AllocateInvoiceInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Invoice"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/funding/programmes/{id}/claims": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Payment claims of a programme (per convention, by number) with each funder’s aid, cap, claimed, accepted and received totals */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FundingClaimList"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create a draft claim to one funder: advance (an amount), instalment or final (without lineIds: every paid, claimable line not yet claimed to this funder). CLAIM_LINE_TAKEN, CLAIM_LINE_NOT_CLAIMABLE, CLAIM_CAP_EXCEEDED, CLAIM_INVALID_STATE */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateClaimInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FundingClaimDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/funding/conventions/{id}/claimable-lines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The lines a new claim to this funder could take (paid, eligible, in the window and the period, not yet claimed to it), in statement order, with the aid each would claim */
        get: {
            parameters: {
                query?: {
                    periodFrom?: string;
                    periodTo?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FundingClaimableLines"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/funding/claims/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One claim with its lines in statement order and subtotals per cost item */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FundingClaimDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a draft claim (CLAIM_INVALID_STATE otherwise) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Edit a claim’s notes */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateClaimInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FundingClaimDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/funding/claims/{id}/lines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add and/or remove expense lines of a draft claim; amounts are recomputed */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ClaimLinesChangeInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FundingClaimDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/funding/claims/{id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Draft → submitted (the final claim’s balance is computed once more, then frozen) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SubmitClaimInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FundingClaimDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/funding/claims/{id}/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Submitted → checked: the amount accepted per line (a reason below the claimed aid; lines not listed are accepted in full) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CheckClaimInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FundingClaimDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/funding/claims/{id}/pay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Checked → paid: the amount received and its date */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PayClaimInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FundingClaimDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/funding/claims/{id}/statement.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** État récapitulatif des dépenses (XLSX): lines by cost item with subtotals and total, sheets for co-financing and indicators; amounts as numbers in euros */
        get: {
            parameters: {
                query?: {
                    lang?: "fr" | "en";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description XLSX file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/funding/claims/{id}/statement.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** État récapitulatif des dépenses (PDF, A4 landscape, header repeated on every page, page numbers) */
        get: {
            parameters: {
                query?: {
                    lang?: "fr" | "en";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description PDF */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/funding/claims/{id}/cofinancing.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** État récapitulatif des cofinancements with the indicators (PDF) */
        get: {
            parameters: {
                query?: {
                    lang?: "fr" | "en";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description PDF */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/funding/claims/{id}/invoices.zip": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The claim’s invoices in the statement’s order: one PDF per line (uploaded, or a generated summary) and manifest.csv (with sha256) */
        get: {
            parameters: {
                query?: {
                    lang?: "fr" | "en";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description ZIP */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/zip": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/funding/programmes/{id}/indicators": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Indicators of a programme: baseline, target, value (computed from schools, classes, assets and school years, or entered) and the share of the target reached */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FundingIndicator"][];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Add an indicator (code unique per programme) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateIndicatorInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FundingIndicator"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/funding/programmes/{id}/indicators/defaults": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create the usual indicators not there yet (schools, classes, pupils, teachers trained, CO35); answers the whole list */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SeedIndicatorsInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FundingIndicator"][];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/funding/indicators/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete an indicator */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Edit an indicator (target, baseline, manual value …) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateIndicatorInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FundingIndicator"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/funding/programmes/{id}/publicity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Publicity checklist of a programme (overdue and unknown due dates flagged) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FundingPublicityItem"][];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Add a publicity item (evidence: a file of the organisation or an http(s) URL) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreatePublicityItemInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FundingPublicityItem"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/funding/programmes/{id}/publicity/defaults": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create the usual checklist from the conventions (website description, A3 poster, permanent plaque above 500,000 € of public support, other funders’ mentions); answers the whole list */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FundingPublicityItem"][];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/funding/programmes/{id}/publicity/mentions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The mandatory mention texts (FR/EN) from the conventions’ funders: EU emblem, FEDER, REACT-EU, others */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FundingPublicityMentions"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/funding/publicity/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a publicity item */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Edit a publicity item (done date, evidence …) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdatePublicityItemInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FundingPublicityItem"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/baseline/grid": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The référentiel grid in force (the SNEE 2021 preset, version 0, until one is saved) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BaselineGrid"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Save the grid as a new version (versions are immutable; the newest is in force) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["BaselineGridBodyInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BaselineGrid"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/baseline/grids": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Saved versions of the grid, newest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BaselineGridVersion"][];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/baseline/grids/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One version of the grid (0: the preset) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    version: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BaselineGrid"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/baseline/presets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Grid presets shipped with Socle (SNEE 2021) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            key: string;
                            grid: components["schemas"]["BaselineGrid"];
                        }[];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/baseline/compliance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Compliance of every school with the grid, computed live, with organisation totals */
        get: {
            parameters: {
                query?: {
                    kind?: "maternelle" | "elementaire" | "primaire" | "application";
                    priority?: "none" | "REP" | "REP+";
                    status?: "at_socle" | "not_at_socle" | "out_of_scope";
                    circonscription?: string;
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BaselineCompliance"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/baseline/schools/{schoolId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One school's socle: each criterion with its evidence, each class, the priced gap */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    schoolId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BaselineSchool"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/baseline/gap": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What is missing per school and class, priced from the catalogue, with totals */
        get: {
            parameters: {
                query?: {
                    kind?: "maternelle" | "elementaire" | "primaire" | "application";
                    priority?: "none" | "REP" | "REP+";
                    status?: "at_socle" | "not_at_socle" | "out_of_scope";
                    circonscription?: string;
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BaselineGap"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/baseline/gap.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The gap as a workbook (summary, schools, items) */
        get: {
            parameters: {
                query?: {
                    kind?: "maternelle" | "elementaire" | "primaire" | "application";
                    priority?: "none" | "REP" | "REP+";
                    status?: "at_socle" | "not_at_socle" | "out_of_scope";
                    circonscription?: string;
                    q?: string;
                    lang?: "fr" | "en";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description XLSX file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/baseline/gap.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The gap as a PDF report */
        get: {
            parameters: {
                query?: {
                    kind?: "maternelle" | "elementaire" | "primaire" | "application";
                    priority?: "none" | "REP" | "REP+";
                    status?: "at_socle" | "not_at_socle" | "out_of_scope";
                    circonscription?: string;
                    q?: string;
                    lang?: "fr" | "en";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description PDF */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/baseline/equity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Devices per pupil and socle status by school against IPS and priority education */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BaselineEquity"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/baseline/overrides": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Manual overrides with their justification and evidence */
        get: {
            parameters: {
                query?: {
                    schoolId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BaselineOverride"][];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Record (201) or replace (200) the override of a criterion for a school or one of its classes */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["BaselineOverrideBodyInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BaselineOverride"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BaselineOverride"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/baseline/overrides/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove an override (the computed status applies again) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/baseline/plans/presets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Funding presets for simulations (SNEE, FEDER) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BaselineFundingPreset"][];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/baseline/plans/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run the planner on the live gap without saving: which schools to fund, why, at what cost and subsidy */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["BaselinePlanParamsInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BaselinePlanPreview"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/baseline/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Saved plans with their totals, newest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BaselinePlanSummary"][];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Run and save a plan (a scenario to compare) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["BaselineSavePlanBodyInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BaselinePlan"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/baseline/plans/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One saved plan */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BaselinePlan"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a saved plan */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/baseline/plans/{id}/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Turn a saved plan into draft purchase orders (one line per school and equipment category, installation lines); needs funding.manage too */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["BaselinePlanOrdersBodyInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BaselinePlanOrders"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/baseline/plans/{id}/export.xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A saved plan as a workbook (summary, schools with the score breakdown, items) */
        get: {
            parameters: {
                query?: {
                    lang?: "fr" | "en";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description XLSX file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/services": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The digital services catalogue, by name, with the number of active subscriptions (archived: ?includeArchived=true) */
        get: {
            parameters: {
                query?: {
                    kind?: components["schemas"]["DigitalServiceKindInput"];
                    includeArchived?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DigitalService"][];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Add a service to the catalogue (409 CONFLICT: name already used, whatever the case) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateDigitalServiceInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DigitalService"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/services/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One service of the catalogue */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DigitalService"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a service no school ever subscribed to (SERVICE_IN_USE otherwise: archive it) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Edit or archive a service (archived: true) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateDigitalServiceInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DigitalService"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Schools’ subscriptions (filters: school, service, kind, activeOn, status), with their status against activeOn or today */
        get: {
            parameters: {
                query?: {
                    schoolId?: string;
                    serviceId?: string;
                    kind?: components["schemas"]["DigitalServiceKindInput"];
                    activeOn?: string;
                    status?: components["schemas"]["SubscriptionStatusInput"];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SchoolSubscription"][];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Subscribe a school to a service (400 naming the field: unknown school, service or contract, end before start) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateSubscriptionInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SchoolSubscription"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/subscriptions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One subscription (404 for a school out of reach) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SchoolSubscription"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a subscription recorded by mistake (to stop one, set its end date) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Edit a subscription; end it by setting endsOn (its last day) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateSubscriptionInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SchoolSubscription"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/bookings/resources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What can be booked in a school: carts, devices (not in a cart) and rooms, with their approval flag */
        get: {
            parameters: {
                query: {
                    schoolId: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BookableResource"][];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bookings/resources/{kind}/{id}/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Whether bookings of this resource need approval (by someone with bookings.manage) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    kind: components["schemas"]["BookableResourceKindInput"];
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["BookableResourceSettingsInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BookableResource"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bookings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Calendar: bookings between two days (school time) of a school, a resource or one’s own */
        get: {
            parameters: {
                query: {
                    from: string;
                    to: string;
                    schoolId?: string;
                    resourceId?: string;
                    mine?: "true" | "false";
                    cancelled?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Booking"][];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Book a cart, a device or a room for a class or an activity, once or weekly (409 BOOKING_CONFLICT names the first colliding date; nothing is written) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateBookingInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CreatedBookings"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bookings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One booking */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Booking"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bookings/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a requested booking */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Booking"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bookings/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel (or refuse) a booking, optionally with the rest of its series; the slot is free again */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CancelBookingInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Booking"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bookings/{id}/pick-up": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the pick-up; a cart’s contents now are what its return is checked against */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Booking"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bookings/{id}/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the return with the scanned tags; a cart’s missing and extra devices are listed */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ReturnBookingInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Booking"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bookings/feeds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user’s live calendar feeds (their URLs are shown only when created) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BookingFeed"][];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create or rotate a secret ICS feed URL (a school’s bookings, or one’s own); the previous URL stops working */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateBookingFeedInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CreatedBookingFeed"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/bookings/feeds/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a calendar feed */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ical/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** ICS feed at its secret URL `/ical/{token}.ics` (text/calendar; no sign-in) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    file: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An iCalendar (RFC 5545) document */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/calendar": string;
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/training/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Training sessions by start (filters: audience, status, school — open sessions included —, from, to) */
        get: {
            parameters: {
                query?: {
                    audience?: components["schemas"]["TrainingAudienceInput"];
                    status?: components["schemas"]["TrainingStatusInput"];
                    schoolId?: string;
                    from?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TrainingSession"][];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Plan a session (400 naming the field: unknown school, room of another school, nowhere to go) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateTrainingSessionInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TrainingSessionDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/training/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One session with the registrations the actor may see and the anonymous feedback summary */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TrainingSessionDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a session recorded by mistake (TRAINING_INVALID_STATE with registrations: cancel it) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Edit a session, cancel it (status: cancelled) or plan it again; capacity never below the registrations */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateTrainingSessionInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TrainingSessionDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/training/sessions/{id}/registrations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Register oneself, an account or a named member of staff without one (name + school) — TRAINING_FULL when no seat is left */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateTrainingRegistrationInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TrainingRegistration"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/training/registrations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Unregister (before the session; managers until it is held) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/training/sessions/{id}/attendance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** After the session: present/absent per registration (staff) or the head count (families, never names); marks it held */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["TrainingAttendanceInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TrainingSessionDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/training/sessions/{id}/feedback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Anonymous scores 1–5: one by a present attendee with an account, once; any number from paper forms (training.manage) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["TrainingFeedbackInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TrainingSessionDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/training/teachers-trained": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Teachers trained per school (present at a held teachers’ session within the three school years up to `on`), against one teacher per class */
        get: {
            parameters: {
                query?: {
                    on?: string;
                    schoolId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TrainedTeachersReport"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/helpdesk/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tickets, newest first (filters: status, open, school, priority, category, assignee or none, breached) */
        get: {
            parameters: {
                query?: {
                    status?: components["schemas"]["TicketStatusInput"];
                    open?: "true" | "false";
                    schoolId?: string;
                    priority?: components["schemas"]["TicketPriorityInput"];
                    category?: components["schemas"]["TicketCategoryInput"];
                    assigneeId?: string | "none";
                    breached?: "true" | "false";
                    limit?: number;
                    offset?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TicketList"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Open a ticket for one of one’s schools (room and assets of that school); SLA due times computed */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateTicketInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TicketDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/helpdesk/queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My queue: open tickets assigned to me and unassigned ones of my schools, next due first, breaches flagged */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Ticket"][];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/helpdesk/breaches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tickets past their response or resolution target (open ones; includeClosed for all) */
        get: {
            parameters: {
                query?: {
                    schoolId?: string;
                    includeClosed?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Ticket"][];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/helpdesk/tickets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One ticket with its comments (internal ones for the helpdesk team only) and linked assets */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TicketDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change priority (due times recomputed), category, title or room */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateTicketInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TicketDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/helpdesk/tickets/{id}/assign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Assign to a technician reaching the school (counts as the first response), or unassign (null) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AssignTicketInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TicketDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/helpdesk/tickets/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move along new → assigned → in_progress → waiting → resolved → closed (HELPDESK_INVALID_TRANSITION otherwise); resolving brings repaired assets back */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["TicketStatusChangeInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TicketDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/helpdesk/tickets/{id}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Comment publicly (helpdesk.open) or internally (helpdesk.manage); not on a closed ticket */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["NewTicketCommentInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TicketDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/helpdesk/tickets/{id}/reopen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reopen a resolved or closed ticket within the reopen window (HELPDESK_REOPEN_EXPIRED after) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ReopenTicketInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TicketDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/helpdesk/tickets/{id}/satisfaction": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The opener rates the resolution (1–5, once per resolution) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["TicketSatisfactionInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TicketDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/helpdesk/tickets/{id}/repair": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send linked assets of a breakdown ticket to repair (inventory lifecycle); they come back at the resolution */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["TicketRepairInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TicketDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/helpdesk/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** SLA targets per priority, working hours, closed days and the reopen window */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HelpdeskSettings"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the SLA targets or the calendar; the open tickets’ due times are recomputed */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateHelpdeskSettingsInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HelpdeskSettings"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/public/family/{token}/tickets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Report a problem with the lent device to the helpdesk through the family link (no free text, no family data in the ticket; one open report per device) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["FamilyTicketInputInput"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FamilyTicketReceipt"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/funding/programmes/{id}/report.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The programme report for the city council (PDF): co-funding and EU mentions, budget, indicators, socle numérique of its schools */
        get: {
            parameters: {
                query?: {
                    lang?: "fr" | "en";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description PDF */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/schools/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import a school file (Annuaire de l’éducation, effectifs, IPS, Socle CSV) sent as the body; upserts by UAI. Invalid rows → 400 listing each (line, column, reason) and nothing written, unless skipInvalid=true. */
        post: {
            parameters: {
                query?: {
                    format?: "annuaire" | "effectifs" | "ips" | "socle";
                    dryRun?: "true" | "false";
                    skipInvalid?: "true" | "false";
                    communes?: string;
                    scope?: "communes" | "all";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description the CSV file */
            requestBody: {
                content: {
                    "text/csv": string;
                    "application/octet-stream": string;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SchoolImportReport"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assets/import/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Read a file’s columns and first rows, with the detected layout and column mapping */
        post: {
            parameters: {
                query?: {
                    format?: "socle" | "snipeit" | "glpi";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description the CSV or XLSX file */
            requestBody: {
                content: {
                    "text/csv": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "application/octet-stream": string;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AssetImportPreview"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assets/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import assets from a CSV or XLSX file (Socle, Snipe-IT or GLPI layout, or any with a column mapping). Invalid rows → 400 listing each (line, column, reason) and nothing written, unless skipInvalid=true. */
        post: {
            parameters: {
                query?: {
                    format?: "socle" | "snipeit" | "glpi";
                    dryRun?: "true" | "false";
                    skipInvalid?: "true" | "false";
                    createMissing?: "true" | "false";
                    mapping?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description the CSV or XLSX file */
            requestBody: {
                content: {
                    "text/csv": string;
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    "application/octet-stream": string;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AssetImportReport"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/loans/{id}/paper-acceptance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the paper convention signed by hand (a PDF or a photo of it) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            /** @description the scan */
            requestBody: {
                content: {
                    "image/jpeg": string;
                    "image/png": string;
                    "image/webp": string;
                    "application/pdf": string;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Loan"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description RFC 9457 problem details */
        ProblemInput: {
            type: string;
            title: string;
            status: number;
            code: string;
            detail: string;
            instance?: string;
            requestId: string;
            errors?: {
                path: string;
                message: string;
                code?: string;
            }[];
            retryAfter?: number;
            organisations?: {
                slug: string;
                name: string;
            }[];
            report?: unknown;
            allowed?: string[];
            currentVersion?: number;
            conflict?: {
                date: string;
                startsAt: string;
                endsAt: string;
                bookingId: string | null;
            };
        };
        SaveMailSettingsInputInput: {
            host: string;
            port: number;
            /** @enum {string} */
            security: "tls" | "starttls" | "none";
            username?: string | null;
            password?: string | null;
            /** Format: email */
            from: string;
            replyTo?: string | null;
        };
        MailSettingsInput: {
            /** @enum {string} */
            source: "organisation" | "environment" | "none";
            host: string | null;
            port: number | null;
            security: ("tls" | "starttls" | "none") | null;
            username: string | null;
            passwordSet: boolean;
            from: string | null;
            replyTo: string | null;
            updatedAt: string | null;
        };
        TestMailInputInput: {
            /** Format: email */
            to?: string;
        };
        TestMailResultInput: {
            /** @constant */
            status: "sent";
            to: string;
            messageId: string | null;
        };
        MailLogEntryInput: {
            /** Format: uuid */
            id: string;
            template: string;
            recipient: string | null;
            household: string | null;
            loanId: string | null;
            subject: string;
            /** @enum {string} */
            status: "sending" | "sent" | "failed";
            attempts: number;
            error: string | null;
            createdAt: string;
            sentAt: string | null;
        };
        AuditEventInput: {
            seq: number;
            occurredAt: string;
            actorUserId: string | null;
            actorName: string | null;
            actorKind: string;
            action: string;
            entityType: string;
            entityId: string | null;
            before: unknown;
            after: unknown;
            requestId: string | null;
            hash: string;
        };
        AuditPageInput: {
            items: components["schemas"]["AuditEventInput"][];
            nextBefore: number | null;
        };
        AuditVerificationInput: {
            ok: boolean;
            events: number;
            firstBreak: {
                seq: number;
                reason: string;
            } | null;
        };
        LoginInputInput: {
            /** Format: email */
            email: string;
            password: string;
            organisation?: string;
        };
        ChangePasswordInputInput: {
            currentPassword: string;
            newPassword: string;
        };
        MeInput: {
            user: {
                /** Format: uuid */
                id: string;
                email: string;
                displayName: string;
                /** @enum {string} */
                locale: "fr" | "en";
                roles: ("admin" | "manager" | "technician" | "finance" | "director" | "teacher" | "periscolaire" | "auditor")[];
            };
            organisation: {
                /** Format: uuid */
                id: string;
                name: string;
                slug: string;
            };
            schools: {
                /** Format: uuid */
                id: string;
                uai: string;
                name: string;
            }[];
            /** @enum {string} */
            schoolScope: "all" | "attached";
            permissions: ("organisation.read" | "organisation.manage" | "users.read" | "users.manage" | "audit.read" | "audit.verify" | "tokens.manage" | "schools.read" | "schools.manage" | "schools.import" | "schools.classes.manage" | "schools.rooms.manage" | "schools.network.manage" | "inventory.read" | "inventory.manage" | "inventory.catalogue" | "inventory.import" | "inventory.audit" | "loans.request" | "loans.read" | "loans.approve" | "loans.allocate" | "loans.handover" | "loans.incidents" | "loans.location" | "loans.campaigns" | "loans.messages" | "loans.settings" | "loans.rights" | "funding.read" | "funding.manage" | "services.read" | "services.manage" | "baseline.read" | "baseline.override" | "baseline.grid" | "baseline.plan" | "training.read" | "training.manage" | "training.register" | "bookings.read" | "bookings.create" | "bookings.manage" | "helpdesk.open" | "helpdesk.read" | "helpdesk.manage")[];
            /** @enum {string} */
            via: "session" | "token";
            csrfToken: string | null;
        };
        UpdateMeInputInput: {
            displayName?: string;
            /** @enum {string} */
            locale?: "fr" | "en";
        };
        CreateApiTokenInputInput: {
            name: string;
            /** Format: date-time */
            expiresAt?: string;
        };
        ApiTokenInput: {
            /** Format: uuid */
            id: string;
            name: string;
            prefix: string;
            createdAt: string;
            lastUsedAt: string | null;
            expiresAt: string | null;
            revokedAt: string | null;
        };
        NewApiTokenInput: {
            /** Format: uuid */
            id: string;
            name: string;
            prefix: string;
            createdAt: string;
            lastUsedAt: string | null;
            expiresAt: string | null;
            revokedAt: string | null;
            token: string;
        };
        CreateSchoolInputInput: {
            uai: string;
            name: string;
            usualName?: string | null;
            /** @enum {string} */
            kind: "maternelle" | "elementaire" | "primaire" | "application";
            /**
             * @default public
             * @enum {string}
             */
            sector: "public" | "private";
            address?: string | null;
            postcode?: string | null;
            communeCode?: string | null;
            communeName?: string | null;
            latitude?: number | null;
            longitude?: number | null;
            /**
             * @default none
             * @enum {string}
             */
            priorityEducation: "none" | "REP" | "REP+";
            circonscriptionCode?: string | null;
            circonscriptionName?: string | null;
            ips?: number | null;
            ipsYear?: string | null;
            openedOn?: string | null;
            schoolGroup?: string | null;
        };
        UpdateSchoolInputInput: {
            name?: string;
            usualName?: string | null;
            /** @enum {string} */
            kind?: "maternelle" | "elementaire" | "primaire" | "application";
            /** @enum {string} */
            sector?: "public" | "private";
            address?: string | null;
            postcode?: string | null;
            communeCode?: string | null;
            communeName?: string | null;
            latitude?: number | null;
            longitude?: number | null;
            /** @enum {string} */
            priorityEducation?: "none" | "REP" | "REP+";
            circonscriptionCode?: string | null;
            circonscriptionName?: string | null;
            ips?: number | null;
            ipsYear?: string | null;
            openedOn?: string | null;
            schoolGroup?: string | null;
        };
        CloseSchoolInputInput: {
            /** Format: date */
            closedOn: string;
        };
        SchoolSummaryInput: {
            /** Format: uuid */
            id: string;
            uai: string;
            name: string;
            usualName: string | null;
            /** @enum {string} */
            kind: "maternelle" | "elementaire" | "primaire" | "application";
            /** @enum {string} */
            sector: "public" | "private";
            communeCode: string | null;
            communeName: string | null;
            /** @enum {string} */
            priorityEducation: "none" | "REP" | "REP+";
            circonscriptionName: string | null;
            latitude: number | null;
            longitude: number | null;
            ips: number | null;
            /** @enum {string} */
            status: "open" | "closing" | "closed";
            year: number | null;
            pupils: number | null;
            classesCount: number | null;
        };
        SchoolListInput: {
            items: components["schemas"]["SchoolSummaryInput"][];
            total: number;
        };
        SchoolNetworkInput: {
            internetAccess: ("fibre" | "vdsl" | "adsl" | "cable" | "4g_5g" | "satellite" | "other" | "none") | null;
            bandwidthDownMbps: number | null;
            bandwidthUpMbps: number | null;
            wiredNetwork: ("yes" | "partial" | "no") | null;
            wifiPresent: boolean | null;
            conseilEcoleInformedOn: string | null;
            notes: string | null;
            updatedAt: string | null;
        };
        UpdateNetworkInputInput: {
            internetAccess?: ("fibre" | "vdsl" | "adsl" | "cable" | "4g_5g" | "satellite" | "other" | "none") | null;
            bandwidthDownMbps?: number | null;
            bandwidthUpMbps?: number | null;
            wiredNetwork?: ("yes" | "partial" | "no") | null;
            wifiPresent?: boolean | null;
            conseilEcoleInformedOn?: string | null;
            notes?: string | null;
        };
        SchoolYearInput: {
            year: number;
            pupils: number | null;
            classesCount: number | null;
            pupilsByLevel: {
                [key: string]: number;
            };
            source: string;
        };
        SchoolInput: {
            /** Format: uuid */
            id: string;
            uai: string;
            name: string;
            usualName: string | null;
            /** @enum {string} */
            kind: "maternelle" | "elementaire" | "primaire" | "application";
            /** @enum {string} */
            sector: "public" | "private";
            communeCode: string | null;
            communeName: string | null;
            /** @enum {string} */
            priorityEducation: "none" | "REP" | "REP+";
            circonscriptionName: string | null;
            latitude: number | null;
            longitude: number | null;
            ips: number | null;
            /** @enum {string} */
            status: "open" | "closing" | "closed";
            year: number | null;
            pupils: number | null;
            classesCount: number | null;
            address: string | null;
            postcode: string | null;
            circonscriptionCode: string | null;
            ipsYear: string | null;
            openedOn: string | null;
            closedOn: string | null;
            closingAnnounced: boolean;
            schoolGroup: string | null;
            source: string;
            network: components["schemas"]["SchoolNetworkInput"];
            years: components["schemas"]["SchoolYearInput"][];
            createdAt: string;
            updatedAt: string;
            can: {
                update: boolean;
                close: boolean;
                manageClasses: boolean;
                manageRooms: boolean;
                manageNetwork: boolean;
            };
        };
        SchoolClassInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            schoolId: string;
            year: number;
            name: string;
            levels: ("TPS" | "PS" | "MS" | "GS" | "CP" | "CE1" | "CE2" | "CM1" | "CM2")[];
            pupils: number | null;
            ulis: boolean;
            roomId: string | null;
            roomName: string | null;
            generated: boolean;
        };
        CreateClassInputInput: {
            year?: number;
            name: string;
            levels: ("TPS" | "PS" | "MS" | "GS" | "CP" | "CE1" | "CE2" | "CM1" | "CM2")[];
            pupils?: number | null;
            /** @default false */
            ulis: boolean;
            roomId?: string | null;
        };
        UpdateClassInputInput: {
            name?: string;
            levels?: ("TPS" | "PS" | "MS" | "GS" | "CP" | "CE1" | "CE2" | "CM1" | "CM2")[];
            pupils?: number | null;
            ulis?: boolean;
            roomId?: string | null;
        };
        RoomInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            schoolId: string;
            buildingId: string | null;
            buildingName: string | null;
            name: string;
            /** @enum {string} */
            kind: "classroom" | "computer_room" | "library" | "staff_room" | "office" | "technical" | "periscolaire" | "other";
            floor: string | null;
            notes: string | null;
            archived: boolean;
            currentClass: {
                /** Format: uuid */
                id: string;
                name: string;
            } | null;
        };
        CreateRoomInputInput: {
            name: string;
            /**
             * @default classroom
             * @enum {string}
             */
            kind: "classroom" | "computer_room" | "library" | "staff_room" | "office" | "technical" | "periscolaire" | "other";
            buildingId?: string | null;
            floor?: string | null;
            notes?: string | null;
        };
        UpdateRoomInputInput: {
            name?: string;
            /** @enum {string} */
            kind?: "classroom" | "computer_room" | "library" | "staff_room" | "office" | "technical" | "periscolaire" | "other";
            buildingId?: string | null;
            floor?: string | null;
            notes?: string | null;
            archived?: boolean;
        };
        BuildingInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            schoolId: string;
            name: string;
        };
        CreateBuildingInputInput: {
            name: string;
        };
        SchoolImportReportInput: {
            /** @enum {string} */
            format: "annuaire" | "effectifs" | "ips" | "socle";
            encoding: string;
            rowsRead: number;
            created: number;
            updated: number;
            unchanged: number;
            yearsWritten: number;
            rejected: {
                line: number;
                column: string;
                reason: string;
                value?: string;
            }[];
            skipped: {
                [key: string]: number;
            };
            dryRun: boolean;
            written: boolean;
        };
        SchoolOptionInput: {
            /** Format: uuid */
            id: string;
            uai: string;
            name: string;
        };
        SchoolMapPointInput: {
            /** Format: uuid */
            id: string;
            uai: string;
            name: string;
            /** @enum {string} */
            kind: "maternelle" | "elementaire" | "primaire" | "application";
            /** @enum {string} */
            priorityEducation: "none" | "REP" | "REP+";
            latitude: number;
            longitude: number;
        };
        SchoolFacetsInput: {
            kinds: {
                value: string;
                label: string | null;
                count: number;
            }[];
            priorityEducation: {
                value: string;
                label: string | null;
                count: number;
            }[];
            circonscriptions: {
                value: string;
                label: string | null;
                count: number;
            }[];
            communes: {
                value: string;
                label: string | null;
                count: number;
            }[];
        };
        CreateProgrammeInputInput: {
            name: string;
            description?: string;
            objectives?: string;
            /** Format: date */
            periodStart: string;
            /** Format: date */
            periodEnd: string;
            archiveUntil?: string | null;
            completedOn?: string | null;
            schoolIds?: string[];
        };
        UpdateProgrammeInputInput: {
            name?: string;
            description?: string;
            objectives?: string;
            /** Format: date */
            periodStart?: string;
            /** Format: date */
            periodEnd?: string;
            archiveUntil?: string | null;
            completedOn?: string | null;
            schoolIds?: string[];
        };
        FundingProgrammeInput: {
            /** Format: uuid */
            id: string;
            name: string;
            description: string;
            objectives: string;
            periodStart: string;
            periodEnd: string;
            archiveUntil: string | null;
            completedOn: string | null;
            schoolIds: string[];
            createdAt: string;
            updatedAt: string;
        };
        CreateCostItemInputInput: {
            code: string;
            /** @enum {string} */
            kind: "equipment" | "infrastructure_works" | "services_resources" | "training" | "communication" | "other";
            label: string;
            position?: number;
            budgetCents?: number;
        };
        UpdateCostItemInputInput: {
            code?: string;
            /** @enum {string} */
            kind?: "equipment" | "infrastructure_works" | "services_resources" | "training" | "communication" | "other";
            label?: string;
            position?: number;
            budgetCents?: number;
        };
        FundingCostItemInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            programmeId: string;
            code: string;
            /** @enum {string} */
            kind: "equipment" | "infrastructure_works" | "services_resources" | "training" | "communication" | "other";
            label: string;
            position: number;
            budgetCents: number;
        };
        CreateFunderInputInput: {
            name: string;
            /** @enum {string} */
            kind: "eu_feder" | "eu_react" | "state_snee" | "state_dsil" | "departement" | "region" | "own_funds" | "other";
        };
        UpdateFunderInputInput: {
            name?: string;
            /** @enum {string} */
            kind?: "eu_feder" | "eu_react" | "state_snee" | "state_dsil" | "departement" | "region" | "own_funds" | "other";
        };
        FunderInput: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @enum {string} */
            kind: "eu_feder" | "eu_react" | "state_snee" | "state_dsil" | "departement" | "region" | "own_funds" | "other";
        };
        RateRuleInput: {
            /** @constant */
            kind: "flat";
            rateBp: number;
        } | {
            /** @constant */
            kind: "tiered";
            /** @enum {string} */
            mode: "per_tranche" | "whole_amount";
            tiers: {
                upToCents: number | null;
                rateBp: number;
            }[];
        };
        FundingCapsInput: {
            totalCents?: number | null;
            perClassCents?: number | null;
            perPupilCents?: number | null;
            perSchoolCents?: number | null;
        };
        CreateConventionInputInput: {
            /** Format: uuid */
            funderId: string;
            reference: string;
            signedOn?: string | null;
            eligibleFrom?: string | null;
            eligibleTo?: string | null;
            eligibleCostItemIds?: string[] | null;
            rateRule: components["schemas"]["RateRuleInput"];
            caps?: components["schemas"]["FundingCapsInput"];
            advanceCents?: number;
            instalmentCapBp?: number;
            ownShareMinBp?: number;
            publicityText?: string;
            publicityFlags?: {
                [key: string]: boolean;
            };
            rank: number;
        };
        UpdateConventionInputInput: {
            reference?: string;
            signedOn?: string | null;
            eligibleFrom?: string | null;
            eligibleTo?: string | null;
            eligibleCostItemIds?: string[] | null;
            rateRule?: components["schemas"]["RateRuleInput"];
            caps?: components["schemas"]["FundingCapsInput"];
            advanceCents?: number;
            instalmentCapBp?: number;
            ownShareMinBp?: number;
            publicityText?: string;
            publicityFlags?: {
                [key: string]: boolean;
            };
            rank?: number;
        };
        FundingConventionInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            programmeId: string;
            /** Format: uuid */
            funderId: string;
            funderName: string;
            /** @enum {string} */
            funderKind: "eu_feder" | "eu_react" | "state_snee" | "state_dsil" | "departement" | "region" | "own_funds" | "other";
            reference: string;
            signedOn: string | null;
            eligibleFrom: string | null;
            eligibleTo: string | null;
            eligibleCostItemIds: string[] | null;
            rateRule: components["schemas"]["RateRuleInput"];
            caps: {
                totalCents: number | null;
                perClassCents: number | null;
                perPupilCents: number | null;
                perSchoolCents: number | null;
            };
            advanceCents: number;
            instalmentCapBp: number;
            ownShareMinBp: number;
            publicityText: string;
            publicityFlags: {
                [key: string]: boolean;
            };
            rank: number;
        };
        CreateSupplierInputInput: {
            name: string;
            siret: string;
        };
        UpdateSupplierInputInput: {
            name?: string;
            siret?: string;
        };
        SupplierInput: {
            /** Format: uuid */
            id: string;
            name: string;
            siret: string;
            generated: boolean;
        };
        CreateExpenseLineInputInput: {
            /** Format: uuid */
            costItemId: string;
            /** Format: uuid */
            supplierId: string;
            invoiceNumber: string;
            /** Format: date */
            invoiceDate: string;
            description?: string;
            htCents: number;
            vatCents: number;
            ttcCents: number;
            paidOn?: string | null;
            mandateNumber?: string | null;
            /** @enum {string} */
            eligibility?: "eligible" | "partly" | "not_eligible";
            eligibleCents?: number | null;
            eligibilityReason?: string | null;
            schools?: {
                /** Format: uuid */
                schoolId: string;
                amountCents: number;
            }[];
        };
        UpdateExpenseLineInputInput: {
            /** Format: uuid */
            costItemId?: string;
            /** Format: uuid */
            supplierId?: string;
            invoiceNumber?: string;
            /** Format: date */
            invoiceDate?: string;
            description?: string;
            htCents?: number;
            vatCents?: number;
            ttcCents?: number;
            paidOn?: string | null;
            mandateNumber?: string | null;
            /** @enum {string} */
            eligibility?: "eligible" | "partly" | "not_eligible";
            eligibleCents?: number | null;
            eligibilityReason?: string | null;
            schools?: {
                /** Format: uuid */
                schoolId: string;
                amountCents: number;
            }[];
        };
        ExpenseLineInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            programmeId: string;
            /** Format: uuid */
            costItemId: string;
            /** Format: uuid */
            supplierId: string;
            supplierName: string;
            supplierSiret: string;
            invoiceNumber: string;
            invoiceDate: string;
            description: string;
            htCents: number;
            vatCents: number;
            ttcCents: number;
            paidOn: string | null;
            mandateNumber: string | null;
            /** @enum {string} */
            eligibility: "eligible" | "partly" | "not_eligible";
            eligibleCents: number;
            eligibilityReason: string | null;
            invoiceId: string | null;
            invoiceLineId: string | null;
            generated: boolean;
            schools: {
                /** Format: uuid */
                schoolId: string;
                amountCents: number;
            }[];
        };
        ExpenseLineListInput: {
            items: components["schemas"]["ExpenseLineInput"][];
            total: number;
        };
        FundingSharesInput: {
            /** Format: uuid */
            programmeId: string;
            eligibleCents: number;
            ownerCents: number;
            publicAidCents: number;
            funders: {
                /** Format: uuid */
                conventionId: string;
                /** Format: uuid */
                funderId: string;
                funderName: string;
                /** @enum {string} */
                funderKind: "eu_feder" | "eu_react" | "state_snee" | "state_dsil" | "departement" | "region" | "own_funds" | "other";
                rank: number;
                baseCents: number;
                aidCents: number;
            }[];
            costItems: {
                /** Format: uuid */
                costItemId: string;
                code: string;
                label: string;
                eligibleCents: number;
                shares: {
                    /** Format: uuid */
                    conventionId: string;
                    cents: number;
                }[];
                ownerCents: number;
            }[];
            lines: {
                /** Format: uuid */
                lineId: string;
                /** Format: uuid */
                costItemId: string;
                eligibleCents: number;
                shares: {
                    /** Format: uuid */
                    conventionId: string;
                    cents: number;
                }[];
                ownerCents: number;
            }[];
            linesTotal: number;
            linesPage: {
                limit: number;
                offset: number;
            };
            checks: {
                ownShare: {
                    ok: boolean;
                    minBp: number;
                    ownerBp: number | null;
                };
                linesOver100: number;
                addsUp: boolean;
            };
            basis: {
                schools: number;
                classes: number;
                pupils: number;
            };
        };
        FundingBudgetInput: {
            /** Format: uuid */
            programmeId: string;
            totals: {
                plannedCents: number;
                orderedCents: number;
                invoicedCents: number;
                paidCents: number;
                eligibleCents: number;
                claimedCents: number;
                acceptedCents: number;
                receivedCents: number;
                lines: number;
            };
            costItems: {
                /** Format: uuid */
                costItemId: string;
                code: string;
                label: string;
                /** @enum {string} */
                kind: "equipment" | "infrastructure_works" | "services_resources" | "training" | "communication" | "other";
                plannedCents: number;
                orderedCents: number;
                invoicedCents: number;
                paidCents: number;
                eligibleCents: number;
                lines: number;
            }[];
            unassignedOrderedCents: number;
            funders: {
                /** Format: uuid */
                conventionId: string;
                /** Format: uuid */
                funderId: string;
                funderName: string;
                /** @enum {string} */
                funderKind: "eu_feder" | "eu_react" | "state_snee" | "state_dsil" | "departement" | "region" | "own_funds" | "other";
                aidCents: number;
                paidSharesCents: number;
                claimedCents: number;
                acceptedCents: number;
                receivedCents: number;
            }[];
            owner: {
                cents: number;
                paidSharesCents: number;
            };
            schools: {
                schoolId: string | null;
                uai: string | null;
                name: string | null;
                invoicedCents: number;
                paidCents: number;
                eligibleCents: number;
            }[];
            timeline: {
                month: string;
                orderedCents: number;
                invoicedCents: number;
                paidCents: number;
                claimedCents: number;
                receivedCents: number;
            }[];
        };
        /** @enum {string} */
        BaselineStatusInput: "met" | "partly" | "missing" | "unknown";
        BaselineGridBodyInput: {
            name: string;
            schoolKinds: ("maternelle" | "elementaire" | "primaire" | "application")[];
            criteria: {
                key: string;
                labelFr: string;
                labelEn: string;
                weight: number;
                /** @description Needed for the socle (otherwise only scored) */
                required: boolean;
                rule: {
                    /** @constant */
                    kind: "class_device";
                    roles: ("projection" | "teacher_computer" | "pupil_device" | "desktop" | "document_camera" | "network_ap" | "network_switch" | "server" | "printer" | "cart" | "hotspot" | "accessory" | "other")[];
                    /** @description Category bought to close the gap */
                    gapCategory: string;
                } | {
                    /** @constant */
                    kind: "pupil_devices";
                    devicesPer4Classes: number;
                    /** @description Devices lent to families still count towards the pool */
                    countOnLoan: boolean;
                    requireCart: boolean;
                    requireMdm: boolean;
                    gapCategory: string;
                    cartCategory: string;
                    cartCapacity: number;
                    mdmCostPerDeviceCents: number;
                } | {
                    /** @constant */
                    kind: "internet";
                    minDownMbps: number;
                    upgradeCostCents: number;
                } | {
                    /** @constant */
                    kind: "wifi";
                    classesPerAccessPoint: number;
                    requireSwitchableOff: boolean;
                    gapCategory: string;
                    switchRetrofitCostCents: number;
                } | {
                    /** @constant */
                    kind: "service";
                    serviceKinds: ("ent" | "cloud" | "school_server" | "resources" | "software" | "mdm" | "filtering" | "other")[];
                    /** @enum {string} */
                    mode: "any" | "all";
                    serverCounts: boolean;
                    /** @description Yearly cost when the catalogue has no price for the kind */
                    fallbackCostCents: number;
                } | {
                    /** @constant */
                    kind: "training";
                    minShareBp: number;
                    costPerTeacherCents: number;
                };
            }[];
            note?: string;
            preset?: string | null;
        };
        BaselineGridInput: {
            version: number;
            name: string;
            preset: string | null;
            schoolKinds: ("maternelle" | "elementaire" | "primaire" | "application")[];
            criteria: {
                key: string;
                labelFr: string;
                labelEn: string;
                weight: number;
                /** @description Needed for the socle (otherwise only scored) */
                required: boolean;
                rule: {
                    /** @constant */
                    kind: "class_device";
                    roles: ("projection" | "teacher_computer" | "pupil_device" | "desktop" | "document_camera" | "network_ap" | "network_switch" | "server" | "printer" | "cart" | "hotspot" | "accessory" | "other")[];
                    /** @description Category bought to close the gap */
                    gapCategory: string;
                } | {
                    /** @constant */
                    kind: "pupil_devices";
                    devicesPer4Classes: number;
                    /** @description Devices lent to families still count towards the pool */
                    countOnLoan: boolean;
                    requireCart: boolean;
                    requireMdm: boolean;
                    gapCategory: string;
                    cartCategory: string;
                    cartCapacity: number;
                    mdmCostPerDeviceCents: number;
                } | {
                    /** @constant */
                    kind: "internet";
                    minDownMbps: number;
                    upgradeCostCents: number;
                } | {
                    /** @constant */
                    kind: "wifi";
                    classesPerAccessPoint: number;
                    requireSwitchableOff: boolean;
                    gapCategory: string;
                    switchRetrofitCostCents: number;
                } | {
                    /** @constant */
                    kind: "service";
                    serviceKinds: ("ent" | "cloud" | "school_server" | "resources" | "software" | "mdm" | "filtering" | "other")[];
                    /** @enum {string} */
                    mode: "any" | "all";
                    serverCounts: boolean;
                    /** @description Yearly cost when the catalogue has no price for the kind */
                    fallbackCostCents: number;
                } | {
                    /** @constant */
                    kind: "training";
                    minShareBp: number;
                    costPerTeacherCents: number;
                };
                /** @enum {string} */
                level: "class" | "school";
            }[];
            note: string;
            createdAt: string | null;
            createdBy: string | null;
            /** @description false: no grid saved yet, the SNEE 2021 preset applies (version 0) */
            stored: boolean;
        };
        BaselineGridVersionInput: {
            version: number;
            name: string;
            preset: string | null;
            note: string;
            createdAt: string;
            createdBy: string | null;
            criteria: number;
        };
        BaselineSchoolRowInput: {
            /** Format: uuid */
            id: string;
            uai: string;
            name: string;
            kind: string;
            /** @enum {string} */
            priorityEducation: "none" | "REP" | "REP+";
            ips: number | null;
            circonscription: string | null;
            latitude: number | null;
            longitude: number | null;
            pupils: number | null;
            year: number | null;
            inScope: boolean;
            atSocle: boolean;
            scorePct: number;
            classesTotal: number;
            classesAtSocle: number;
            pupilsAtSocle: number;
            criteria: {
                key: string;
                /** @enum {string} */
                level: "class" | "school";
                status: components["schemas"]["BaselineStatusInput"];
                overridden: boolean;
                classes: {
                    met: number;
                    partly: number;
                    missing: number;
                    unknown: number;
                } | null;
            }[];
            gapCents: number;
            gapComplete: boolean;
            pupilDevices: number;
            devicesPerPupil: number | null;
            equipmentAgeYears: number | null;
        };
        BaselineComplianceInput: {
            grid: {
                version: number;
                name: string;
                stored: boolean;
            };
            on: string;
            criteria: {
                key: string;
                labelFr: string;
                labelEn: string;
                /** @enum {string} */
                level: "class" | "school";
                required: boolean;
                weight: number;
            }[];
            totals: {
                schools: number;
                atSocle: number;
                classes: number;
                classesAtSocle: number;
                pupils: number;
                pupilsAtSocle: number;
                outOfScope: number;
                gapCents: number;
                byKind: {
                    kind: string;
                    schools: number;
                    atSocle: number;
                    classes: number;
                    classesAtSocle: number;
                    pupils: number;
                    pupilsAtSocle: number;
                }[];
                byPriority: {
                    /** @enum {string} */
                    priority: "none" | "REP" | "REP+";
                    schools: number;
                    atSocle: number;
                    classes: number;
                    classesAtSocle: number;
                    pupils: number;
                    pupilsAtSocle: number;
                }[];
            };
            schools: components["schemas"]["BaselineSchoolRowInput"][];
        };
        BaselineOverrideInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            schoolId: string;
            classId: string | null;
            criterionKey: string;
            /** @enum {string} */
            status: "met" | "partly" | "missing";
            justification: string;
            evidence: string;
            expiresOn: string | null;
            recordedBy: string | null;
            createdAt: string;
            updatedAt: string;
        };
        BaselineCriterionResultInput: {
            key: string;
            /** @enum {string} */
            level: "class" | "school";
            status: components["schemas"]["BaselineStatusInput"];
            computedStatus: components["schemas"]["BaselineStatusInput"];
            override: {
                /** Format: uuid */
                id: string;
                classId: string | null;
                criterionKey: string;
                /** @enum {string} */
                status: "met" | "partly" | "missing";
                justification: string;
                evidence: string;
                expiresOn: string | null;
                updatedAt: string;
            } | null;
            reasons: string[];
            measures: {
                [key: string]: number | string | boolean | null;
            };
            evidence: {
                assets: {
                    /** Format: uuid */
                    id: string;
                    tag: string;
                    categoryCode: string;
                }[];
                subscriptions: {
                    /** Format: uuid */
                    id: string;
                    serviceName: string;
                    kind: string;
                }[];
            };
        };
        BaselineGapItemInput: {
            criterionKey: string;
            classId: string | null;
            label: string;
            /** @enum {string} */
            kind: "equipment" | "service" | "works" | "training";
            categoryCode: string | null;
            quantity: number;
            unitCents: number;
            installCents: number;
            totalCents: number;
        };
        BaselineSchoolInput: {
            grid: {
                version: number;
                name: string;
                stored: boolean;
            };
            on: string;
            criteria: {
                key: string;
                labelFr: string;
                labelEn: string;
                /** @enum {string} */
                level: "class" | "school";
                required: boolean;
                weight: number;
            }[];
            school: components["schemas"]["BaselineSchoolRowInput"];
            schoolCriteria: components["schemas"]["BaselineCriterionResultInput"][];
            classes: {
                /** Format: uuid */
                classId: string;
                name: string;
                pupils: number | null;
                roomId: string | null;
                atSocle: boolean;
                criteria: components["schemas"]["BaselineCriterionResultInput"][];
            }[];
            gap: components["schemas"]["BaselineGapItemInput"][];
            categories: {
                [key: string]: {
                    nameFr: string;
                    nameEn: string;
                };
            };
        };
        BaselineGapInput: {
            grid: {
                version: number;
                name: string;
                stored: boolean;
            };
            on: string;
            criteria: {
                key: string;
                labelFr: string;
                labelEn: string;
                /** @enum {string} */
                level: "class" | "school";
                required: boolean;
                weight: number;
            }[];
            categories: {
                [key: string]: {
                    nameFr: string;
                    nameEn: string;
                };
            };
            totals: {
                schools: number;
                gapCents: number;
                complete: boolean;
                byCriterion: {
                    key: string;
                    cents: number;
                }[];
                byKind: {
                    kind: string;
                    cents: number;
                }[];
            };
            schools: {
                /** Format: uuid */
                id: string;
                uai: string;
                name: string;
                classesTotal: number;
                classesAtSocle: number;
                gapCents: number;
                gapComplete: boolean;
                items: {
                    criterionKey: string;
                    classId: string | null;
                    label: string;
                    /** @enum {string} */
                    kind: "equipment" | "service" | "works" | "training";
                    categoryCode: string | null;
                    quantity: number;
                    unitCents: number;
                    installCents: number;
                    totalCents: number;
                    className: string | null;
                }[];
            }[];
        };
        BaselineEquityInput: {
            grid: {
                version: number;
                name: string;
                stored: boolean;
            };
            on: string;
            groups: {
                /** @enum {string} */
                priority: "none" | "REP" | "REP+";
                schools: number;
                atSocle: number;
                pupils: number;
                pupilDevices: number;
                devicesPerPupil: number | null;
                meanIps: number | null;
                meanScorePct: number | null;
            }[];
            schools: {
                /** Format: uuid */
                id: string;
                uai: string;
                name: string;
                /** @enum {string} */
                priorityEducation: "none" | "REP" | "REP+";
                ips: number | null;
                pupils: number | null;
                pupilDevices: number;
                devicesPerPupil: number | null;
                atSocle: boolean;
                scorePct: number;
                equipmentAgeYears: number | null;
            }[];
        };
        BaselineOverrideBodyInput: {
            /** Format: uuid */
            schoolId: string;
            classId?: string | null;
            criterionKey: string;
            /** @enum {string} */
            status: "met" | "partly" | "missing";
            justification: string;
            evidence: string;
            expiresOn?: string | null;
        };
        BaselinePlanParamsInput: {
            budgetCents: number;
            /**
             * @description The budget caps the spend HT, or the city’s own share
             * @enum {string}
             */
            budgetBasis: "total" | "own_share";
            /** @enum {string} */
            objective: "classes" | "pupils";
            weights: {
                repPlus: number;
                rep: number;
                lowIps: number;
                lowDevices: number;
                oldEquipment: number;
            };
            /** @default [] */
            funders: {
                name: string;
                rules: {
                    equipment?: components["schemas"]["RateRuleInput"];
                    service?: components["schemas"]["RateRuleInput"];
                    works?: components["schemas"]["RateRuleInput"];
                    training?: components["schemas"]["RateRuleInput"];
                };
                caps?: components["schemas"]["FundingCapsInput"];
            }[];
            /** @description Take the funders from this programme’s conventions */
            programmeId?: string | null;
            period?: {
                /** Format: date */
                start: string;
                /** Format: date */
                end: string;
            } | null;
        };
        BaselineSavePlanBodyInput: {
            name: string;
            input: components["schemas"]["BaselinePlanParamsInput"];
        };
        BaselinePlanPreviewInput: {
            grid: {
                version: number;
                name: string;
                stored: boolean;
            };
            on: string;
            result: {
                params: unknown;
                choices: {
                    /** Format: uuid */
                    schoolId: string;
                    uai: string;
                    name: string;
                    rank: number;
                    /** @enum {string} */
                    decision: "selected" | "over_budget" | "already_at_socle" | "gap_not_priced" | "nothing_to_gain";
                    benefit: number;
                    factors: {
                        repPlus: number;
                        rep: number;
                        lowIps: number;
                        lowDevices: number;
                        oldEquipment: number;
                    };
                    multiplier: number;
                    costCents: number;
                    basisCostCents: number;
                    addedCents: number | null;
                    scorePerThousandEuros: number;
                    items: components["schemas"]["BaselineGapItemInput"][];
                }[];
                totals: {
                    spendCents: number;
                    aid: {
                        name: string;
                        cents: number;
                    }[];
                    aidCents: number;
                    ownShareCents: number;
                    budgetUsedCents: number;
                    budgetLeftCents: number;
                    classesReached: number;
                    pupilsReached: number;
                    schoolsSelected: number;
                    schoolsLeftOut: number;
                    classesLeftOut: number;
                    schoolsOverBudget: number;
                    byKind: {
                        equipment: number;
                        service: number;
                        works: number;
                        training: number;
                    };
                };
            };
        };
        BaselinePlanInput: {
            /** Format: uuid */
            id: string;
            name: string;
            gridVersion: number;
            input: unknown;
            createdBy: string | null;
            createdAt: string;
            result: {
                params: unknown;
                choices: {
                    /** Format: uuid */
                    schoolId: string;
                    uai: string;
                    name: string;
                    rank: number;
                    /** @enum {string} */
                    decision: "selected" | "over_budget" | "already_at_socle" | "gap_not_priced" | "nothing_to_gain";
                    benefit: number;
                    factors: {
                        repPlus: number;
                        rep: number;
                        lowIps: number;
                        lowDevices: number;
                        oldEquipment: number;
                    };
                    multiplier: number;
                    costCents: number;
                    basisCostCents: number;
                    addedCents: number | null;
                    scorePerThousandEuros: number;
                    items: components["schemas"]["BaselineGapItemInput"][];
                }[];
                totals: {
                    spendCents: number;
                    aid: {
                        name: string;
                        cents: number;
                    }[];
                    aidCents: number;
                    ownShareCents: number;
                    budgetUsedCents: number;
                    budgetLeftCents: number;
                    classesReached: number;
                    pupilsReached: number;
                    schoolsSelected: number;
                    schoolsLeftOut: number;
                    classesLeftOut: number;
                    schoolsOverBudget: number;
                    byKind: {
                        equipment: number;
                        service: number;
                        works: number;
                        training: number;
                    };
                };
            };
        };
        BaselinePlanSummaryInput: {
            /** Format: uuid */
            id: string;
            name: string;
            gridVersion: number;
            input: unknown;
            createdBy: string | null;
            createdAt: string;
            totals: {
                spendCents: number;
                aid: {
                    name: string;
                    cents: number;
                }[];
                aidCents: number;
                ownShareCents: number;
                budgetUsedCents: number;
                budgetLeftCents: number;
                classesReached: number;
                pupilsReached: number;
                schoolsSelected: number;
                schoolsLeftOut: number;
                classesLeftOut: number;
                schoolsOverBudget: number;
                byKind: {
                    equipment: number;
                    service: number;
                    works: number;
                    training: number;
                };
            };
        };
        BaselineFundingPresetInput: {
            key: string;
            funder: {
                name: string;
                rules: {
                    equipment?: components["schemas"]["RateRuleInput"];
                    service?: components["schemas"]["RateRuleInput"];
                    works?: components["schemas"]["RateRuleInput"];
                    training?: components["schemas"]["RateRuleInput"];
                };
                caps?: components["schemas"]["FundingCapsInput"];
            };
        };
        BaselinePlanOrdersBodyInput: {
            /** Format: uuid */
            supplierId: string;
            contractId?: string | null;
            programmeId?: string | null;
            costItemId?: string | null;
            /** Format: date */
            orderedOn: string;
            number?: string;
        };
        BaselinePlanOrdersInput: {
            orders: {
                /** Format: uuid */
                id: string;
                number: string;
                lines: number;
                htCents: number;
            }[];
            notOrdered: {
                /** Format: uuid */
                schoolId: string;
                label: string;
                kind: string;
                totalCents: number;
            }[];
        };
        /** @enum {string} */
        BookingStatusInput: "requested" | "confirmed" | "cancelled" | "picked_up" | "returned";
        /** @enum {string} */
        BookableResourceKindInput: "cart" | "device" | "room";
        BookingSeriesInputInput: {
            /** Format: date */
            startsOn: string;
            /** Format: date */
            endsOn?: string;
            count?: number;
            weekday: number;
            startTime: string;
            endTime: string;
        };
        CreateBookingInputInput: {
            resourceKind: components["schemas"]["BookableResourceKindInput"];
            /** Format: uuid */
            resourceId: string;
            /** Format: uuid */
            classId?: string;
            activity?: string;
            /** Format: date-time */
            startsAt?: string;
            /** Format: date-time */
            endsAt?: string;
            series?: components["schemas"]["BookingSeriesInputInput"];
            notes?: string;
        };
        CancelBookingInputInput: {
            series?: boolean;
            reason?: string;
        };
        ReturnBookingInputInput: {
            /** @default [] */
            tags: string[];
            notes?: string;
        };
        BookableResourceSettingsInputInput: {
            requiresApproval: boolean;
        };
        BookingInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            schoolId: string;
            schoolName: string;
            seriesId: string | null;
            resource: {
                kind: components["schemas"]["BookableResourceKindInput"];
                /** Format: uuid */
                id: string;
                label: string;
            };
            classId: string | null;
            className: string | null;
            activity: string | null;
            bookedBy: {
                /** Format: uuid */
                id: string;
                displayName: string;
            };
            startsAt: string;
            endsAt: string;
            status: components["schemas"]["BookingStatusInput"];
            notes: string;
            pickedUpAt: string | null;
            returnedAt: string | null;
            expectedContents: {
                /** Format: uuid */
                id: string;
                tag: string;
            }[] | null;
            returnCheck: {
                expected: {
                    /** Format: uuid */
                    id: string;
                    tag: string;
                }[];
                scanned: string[];
                missing: {
                    /** Format: uuid */
                    id: string;
                    tag: string;
                }[];
                extra: string[];
            } | null;
            version: number;
            createdAt: string;
            can: {
                approve: boolean;
                cancel: boolean;
                pickUp: boolean;
                return: boolean;
            };
        };
        CreatedBookingsInput: {
            booking: components["schemas"]["BookingInput"];
            seriesId: string | null;
            occurrences: {
                /** Format: uuid */
                id: string;
                date: string;
                startsAt: string;
                endsAt: string;
            }[];
        };
        BookableResourceInput: {
            kind: components["schemas"]["BookableResourceKindInput"];
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            schoolId: string;
            label: string;
            requiresApproval: boolean;
            contentsCount: number | null;
        };
        /** @enum {string} */
        BookingFeedKindInput: "school" | "user";
        CreateBookingFeedInputInput: {
            kind: components["schemas"]["BookingFeedKindInput"];
            /** Format: uuid */
            schoolId?: string;
        };
        BookingFeedInput: {
            /** Format: uuid */
            id: string;
            kind: components["schemas"]["BookingFeedKindInput"];
            schoolId: string | null;
            createdAt: string;
            lastUsedAt: string | null;
        };
        CreatedBookingFeedInput: {
            /** Format: uuid */
            id: string;
            kind: components["schemas"]["BookingFeedKindInput"];
            schoolId: string | null;
            createdAt: string;
            lastUsedAt: string | null;
            url: string;
            token: string;
        };
        FileAttachmentInput: {
            /** Format: uuid */
            id: string;
            name: string;
            mime: string;
            size: number;
            createdAt: string;
        };
        CreateClaimInputInput: {
            /** Format: uuid */
            conventionId: string;
            /** @enum {string} */
            kind: "advance" | "instalment" | "final";
            periodFrom?: string | null;
            periodTo?: string | null;
            lineIds?: string[];
            advanceCents?: number;
            notes?: string;
        };
        UpdateClaimInputInput: {
            notes: string;
        };
        ClaimLinesChangeInputInput: {
            add?: string[];
            remove?: string[];
        };
        SubmitClaimInputInput: {
            /** Format: date */
            submittedOn: string;
        };
        CheckClaimInputInput: {
            /** Format: date */
            checkedOn: string;
            lines?: {
                /** Format: uuid */
                lineId: string;
                acceptedCents: number;
                reason?: string | null;
            }[];
            acceptedCents?: number;
        };
        PayClaimInputInput: {
            receivedCents: number;
            /** Format: date */
            receivedOn: string;
        };
        ClaimReconciliationInput: {
            aidCents: number;
            justifiedCents: number;
            dueCents: number;
            earlierCents: number;
            balanceCents: number;
        };
        FundingClaimInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            programmeId: string;
            /** Format: uuid */
            conventionId: string;
            conventionReference: string;
            /** Format: uuid */
            funderId: string;
            funderName: string;
            /** @enum {string} */
            funderKind: "eu_feder" | "eu_react" | "state_snee" | "state_dsil" | "departement" | "region" | "own_funds" | "other";
            number: number;
            label: string;
            /** @enum {string} */
            kind: "advance" | "instalment" | "final";
            /** @enum {string} */
            status: "draft" | "submitted" | "checked" | "paid";
            periodFrom: string | null;
            periodTo: string | null;
            lineCount: number;
            eligibleCents: number;
            claimedCents: number;
            acceptedCents: number | null;
            receivedCents: number | null;
            submittedOn: string | null;
            checkedOn: string | null;
            receivedOn: string | null;
            notes: string;
            version: number;
            reconciliation: components["schemas"]["ClaimReconciliationInput"] | null;
            createdAt: string;
            updatedAt: string;
        };
        FundingClaimLineInput: {
            position: number;
            /** Format: uuid */
            expenseLineId: string;
            /** Format: uuid */
            costItemId: string;
            costItemCode: string;
            costItemLabel: string;
            supplierName: string;
            supplierSiret: string;
            invoiceId: string | null;
            invoiceNumber: string;
            invoiceDate: string;
            description: string;
            htCents: number;
            vatCents: number;
            ttcCents: number;
            paidOn: string | null;
            mandateNumber: string | null;
            eligibleCents: number;
            aidCents: number;
            acceptedCents: number | null;
            rejectionReason: string | null;
        };
        FundingClaimDetailInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            programmeId: string;
            /** Format: uuid */
            conventionId: string;
            conventionReference: string;
            /** Format: uuid */
            funderId: string;
            funderName: string;
            /** @enum {string} */
            funderKind: "eu_feder" | "eu_react" | "state_snee" | "state_dsil" | "departement" | "region" | "own_funds" | "other";
            number: number;
            label: string;
            /** @enum {string} */
            kind: "advance" | "instalment" | "final";
            /** @enum {string} */
            status: "draft" | "submitted" | "checked" | "paid";
            periodFrom: string | null;
            periodTo: string | null;
            lineCount: number;
            eligibleCents: number;
            claimedCents: number;
            acceptedCents: number | null;
            receivedCents: number | null;
            submittedOn: string | null;
            checkedOn: string | null;
            receivedOn: string | null;
            notes: string;
            version: number;
            reconciliation: components["schemas"]["ClaimReconciliationInput"] | null;
            createdAt: string;
            updatedAt: string;
            lines: components["schemas"]["FundingClaimLineInput"][];
            costItems: {
                /** Format: uuid */
                costItemId: string;
                code: string;
                label: string;
                lines: number;
                htCents: number;
                eligibleCents: number;
                aidCents: number;
                acceptedCents: number | null;
            }[];
            totals: {
                htCents: number;
                eligibleCents: number;
                aidCents: number;
                acceptedCents: number | null;
            };
        };
        FundingClaimListInput: {
            claims: components["schemas"]["FundingClaimInput"][];
            funders: {
                /** Format: uuid */
                conventionId: string;
                conventionReference: string;
                /** Format: uuid */
                funderId: string;
                funderName: string;
                /** @enum {string} */
                funderKind: "eu_feder" | "eu_react" | "state_snee" | "state_dsil" | "departement" | "region" | "own_funds" | "other";
                aidCents: number;
                instalmentCapCents: number;
                advanceAndInstalmentsCents: number;
                claimedCents: number;
                acceptedCents: number;
                receivedCents: number;
                claimableLines: number;
                claimableCents: number;
            }[];
        };
        FundingClaimableLinesInput: {
            /** Format: uuid */
            conventionId: string;
            aidCents: number;
            instalmentCapCents: number;
            advanceAndInstalmentsCents: number;
            totalAidCents: number;
            items: {
                /** Format: uuid */
                expenseLineId: string;
                /** Format: uuid */
                costItemId: string;
                costItemCode: string;
                costItemLabel: string;
                supplierName: string;
                invoiceNumber: string;
                invoiceDate: string;
                description: string;
                htCents: number;
                eligibleCents: number;
                paidOn: string | null;
                aidCents: number;
            }[];
        };
        CreateIndicatorInputInput: {
            code: string;
            label: string;
            unit?: string;
            /** @enum {string} */
            source: "schools_equipped" | "classes_equipped" | "devices_deployed" | "pupils_covered" | "teachers_trained" | "co35_capacity" | "manual";
            conventionId?: string | null;
            baseline?: number;
            target: number;
            manualValue?: number | null;
            position?: number;
        };
        UpdateIndicatorInputInput: {
            code?: string;
            label?: string;
            unit?: string;
            /** @enum {string} */
            source?: "schools_equipped" | "classes_equipped" | "devices_deployed" | "pupils_covered" | "teachers_trained" | "co35_capacity" | "manual";
            conventionId?: string | null;
            baseline?: number;
            target?: number;
            manualValue?: number | null;
            position?: number;
        };
        FundingIndicatorInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            programmeId: string;
            conventionId: string | null;
            code: string;
            label: string;
            unit: string;
            /** @enum {string} */
            source: "schools_equipped" | "classes_equipped" | "devices_deployed" | "pupils_covered" | "teachers_trained" | "co35_capacity" | "manual";
            baseline: number;
            target: number;
            manualValue: number | null;
            value: number | null;
            computed: boolean;
            reachedBp: number | null;
            position: number;
        };
        SeedIndicatorsInputInput: {
            classesTarget?: number;
        };
        CreatePublicityItemInputInput: {
            /** @enum {string} */
            kind: "website_description" | "a3_poster" | "permanent_plaque" | "billboard" | "communication" | "other";
            label: string;
            required?: boolean;
            dueOn?: string | null;
            doneOn?: string | null;
            evidenceFileId?: string | null;
            evidenceUrl?: string | null;
            notes?: string;
            position?: number;
        };
        UpdatePublicityItemInputInput: {
            /** @enum {string} */
            kind?: "website_description" | "a3_poster" | "permanent_plaque" | "billboard" | "communication" | "other";
            label?: string;
            required?: boolean;
            dueOn?: string | null;
            doneOn?: string | null;
            evidenceFileId?: string | null;
            evidenceUrl?: string | null;
            notes?: string;
            position?: number;
        };
        FundingPublicityItemInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            programmeId: string;
            /** @enum {string} */
            kind: "website_description" | "a3_poster" | "permanent_plaque" | "billboard" | "communication" | "other";
            label: string;
            required: boolean;
            dueOn: string | null;
            doneOn: string | null;
            evidenceFileId: string | null;
            evidenceUrl: string | null;
            notes: string;
            position: number;
            overdue: boolean;
            dueUnknown: boolean;
        };
        FundingPublicityMentionsInput: {
            euEmblem: boolean;
            mentions: {
                kind: string;
                funderName: string | null;
                fr: string;
                en: string;
            }[];
        };
        /** @description What the family reports through its link */
        FamilyMessageInputInput: {
            /**
             * @description breakdown, damage, loss, theft, or a question
             * @enum {string}
             */
            category: "breakdown" | "damage" | "loss" | "theft" | "question";
            text: string;
        };
        /** @description The message reached the school (nothing else is told) */
        FamilyMessageReceiptInput: {
            /** @constant */
            received: true;
            receivedAt: string;
        };
        /** @description A message a family sent through its link */
        LoanMessageInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            loanId: string;
            school: {
                /** Format: uuid */
                id: string;
                uai: string;
                name: string;
            };
            household: {
                /** Format: uuid */
                id: string;
                pseudonym: string;
            };
            /** @enum {string} */
            category: "breakdown" | "damage" | "loss" | "theft" | "question";
            text: string;
            createdAt: string;
            handledAt: string | null;
            handledBy: {
                /** Format: uuid */
                id: string;
                displayName: string;
            } | null;
            can: {
                handle: boolean;
            };
        };
        LoanMessageListInput: {
            items: components["schemas"]["LoanMessageInput"][];
            total: number;
            unhandled: number;
        };
        /** @description Mark a message handled (true) or waiting again (false) */
        MarkLoanMessageInputInput: {
            /** @default true */
            handled: boolean;
        };
        LoanMessageHandledInput: {
            /** Format: uuid */
            id: string;
            handledAt: string | null;
            handledBy: {
                /** Format: uuid */
                id: string;
                displayName: string;
            } | null;
        };
        /** @enum {string} */
        TicketCategoryInput: "breakdown" | "request" | "network" | "account" | "training";
        /** @enum {string} */
        TicketPriorityInput: "low" | "normal" | "high" | "urgent";
        /** @enum {string} */
        TicketStatusInput: "new" | "assigned" | "in_progress" | "waiting" | "resolved" | "closed";
        CreateTicketInputInput: {
            /** Format: uuid */
            schoolId: string;
            roomId?: string | null;
            category: components["schemas"]["TicketCategoryInput"];
            /** @default normal */
            priority: components["schemas"]["TicketPriorityInput"];
            title: string;
            description?: string;
            assetIds?: string[];
        };
        UpdateTicketInputInput: {
            priority?: components["schemas"]["TicketPriorityInput"];
            category?: components["schemas"]["TicketCategoryInput"];
            title?: string;
            roomId?: string | null;
        };
        AssignTicketInputInput: {
            /** @description A technician (or manager) reaching the school; null: unassign */
            assigneeId: string | null;
        };
        TicketStatusChangeInputInput: {
            /** @enum {string} */
            status: "in_progress" | "waiting" | "resolved" | "closed";
            note?: string;
        };
        NewTicketCommentInputInput: {
            body: string;
            /** @default false */
            internal: boolean;
        };
        ReopenTicketInputInput: {
            reason: string;
        };
        TicketSatisfactionInputInput: {
            score: number;
            comment?: string;
        };
        TicketRepairInputInput: {
            assetIds?: string[];
        };
        FamilyTicketInputInput: {
            /**
             * @description What is wrong with the lent device (no free text: the ticket holds no family data)
             * @enum {string}
             */
            problem: "does_not_start" | "screen" | "keyboard" | "battery" | "network" | "other";
        };
        /** @description The report reached the helpdesk (nothing else is told) */
        FamilyTicketReceiptInput: {
            /** @constant */
            received: true;
            receivedAt: string;
        };
        TicketInput: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            source: "staff" | "family";
            school: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            room: {
                /** Format: uuid */
                id: string;
                name: string;
            } | null;
            category: components["schemas"]["TicketCategoryInput"];
            priority: components["schemas"]["TicketPriorityInput"];
            status: components["schemas"]["TicketStatusInput"];
            title: string;
            description: string;
            openedBy: {
                /** Format: uuid */
                id: string;
                displayName: string;
            } | null;
            assignee: {
                /** Format: uuid */
                id: string;
                displayName: string;
            } | null;
            createdAt: string;
            updatedAt: string;
            firstResponseAt: string | null;
            resolvedAt: string | null;
            closedAt: string | null;
            responseDueAt: string | null;
            resolutionDueAt: string | null;
            paused: boolean;
            breached: {
                response: boolean;
                resolution: boolean;
                any: boolean;
            };
            satisfaction: {
                score: number;
                comment: string | null;
                at: string;
            } | null;
            assetCount: number;
            can: {
                manage: boolean;
                comment: boolean;
                commentInternal: boolean;
                reopen: boolean;
                rate: boolean;
                repair: boolean;
                statuses: components["schemas"]["TicketStatusInput"][];
            };
        };
        TicketCommentInput: {
            /** Format: uuid */
            id: string;
            author: {
                /** Format: uuid */
                id: string;
                displayName: string;
            } | null;
            internal: boolean;
            body: string;
            createdAt: string;
        };
        TicketAssetInput: {
            /** Format: uuid */
            id: string;
            tag: string;
            status: string;
            model: string;
            sentToRepairAt: string | null;
            backFromRepairAt: string | null;
        };
        TicketDetailInput: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            source: "staff" | "family";
            school: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            room: {
                /** Format: uuid */
                id: string;
                name: string;
            } | null;
            category: components["schemas"]["TicketCategoryInput"];
            priority: components["schemas"]["TicketPriorityInput"];
            status: components["schemas"]["TicketStatusInput"];
            title: string;
            description: string;
            openedBy: {
                /** Format: uuid */
                id: string;
                displayName: string;
            } | null;
            assignee: {
                /** Format: uuid */
                id: string;
                displayName: string;
            } | null;
            createdAt: string;
            updatedAt: string;
            firstResponseAt: string | null;
            resolvedAt: string | null;
            closedAt: string | null;
            responseDueAt: string | null;
            resolutionDueAt: string | null;
            paused: boolean;
            breached: {
                response: boolean;
                resolution: boolean;
                any: boolean;
            };
            satisfaction: {
                score: number;
                comment: string | null;
                at: string;
            } | null;
            assetCount: number;
            can: {
                manage: boolean;
                comment: boolean;
                commentInternal: boolean;
                reopen: boolean;
                rate: boolean;
                repair: boolean;
                statuses: components["schemas"]["TicketStatusInput"][];
            };
            comments: components["schemas"]["TicketCommentInput"][];
            assets: components["schemas"]["TicketAssetInput"][];
        };
        TicketListInput: {
            items: components["schemas"]["TicketInput"][];
            total: number;
        };
        HelpdeskSettingsInput: {
            /** @default {} */
            sla: {
                /** @default {} */
                urgent: {
                    /** @default 1 */
                    responseHours: number;
                    /** @default 8 */
                    resolutionHours: number;
                };
                /** @default {} */
                high: {
                    /** @default 4 */
                    responseHours: number;
                    /** @default 16 */
                    resolutionHours: number;
                };
                /** @default {} */
                normal: {
                    /** @default 8 */
                    responseHours: number;
                    /** @default 40 */
                    resolutionHours: number;
                };
                /** @default {} */
                low: {
                    /** @default 16 */
                    responseHours: number;
                    /** @default 80 */
                    resolutionHours: number;
                };
            };
            /** @default {} */
            workingHours: {
                /**
                 * @default [
                 *       {
                 *         "from": "08:00",
                 *         "to": "12:00"
                 *       },
                 *       {
                 *         "from": "13:30",
                 *         "to": "17:30"
                 *       }
                 *     ]
                 */
                mon: {
                    from: string;
                    to: string;
                }[];
                /**
                 * @default [
                 *       {
                 *         "from": "08:00",
                 *         "to": "12:00"
                 *       },
                 *       {
                 *         "from": "13:30",
                 *         "to": "17:30"
                 *       }
                 *     ]
                 */
                tue: {
                    from: string;
                    to: string;
                }[];
                /**
                 * @default [
                 *       {
                 *         "from": "08:00",
                 *         "to": "12:00"
                 *       },
                 *       {
                 *         "from": "13:30",
                 *         "to": "17:30"
                 *       }
                 *     ]
                 */
                wed: {
                    from: string;
                    to: string;
                }[];
                /**
                 * @default [
                 *       {
                 *         "from": "08:00",
                 *         "to": "12:00"
                 *       },
                 *       {
                 *         "from": "13:30",
                 *         "to": "17:30"
                 *       }
                 *     ]
                 */
                thu: {
                    from: string;
                    to: string;
                }[];
                /**
                 * @default [
                 *       {
                 *         "from": "08:00",
                 *         "to": "12:00"
                 *       },
                 *       {
                 *         "from": "13:30",
                 *         "to": "17:30"
                 *       }
                 *     ]
                 */
                fri: {
                    from: string;
                    to: string;
                }[];
                /** @default [] */
                sat: {
                    from: string;
                    to: string;
                }[];
                /** @default [] */
                sun: {
                    from: string;
                    to: string;
                }[];
            };
            /** @default [] */
            closedDays: {
                /** Format: date */
                from: string;
                /** Format: date */
                to: string;
                /** @default  */
                label: string;
            }[];
            /** @default 14 */
            reopenDays: number;
        };
        UpdateHelpdeskSettingsInputInput: {
            sla?: {
                /** @default {} */
                urgent: {
                    /** @default 1 */
                    responseHours: number;
                    /** @default 8 */
                    resolutionHours: number;
                };
                /** @default {} */
                high: {
                    /** @default 4 */
                    responseHours: number;
                    /** @default 16 */
                    resolutionHours: number;
                };
                /** @default {} */
                normal: {
                    /** @default 8 */
                    responseHours: number;
                    /** @default 40 */
                    resolutionHours: number;
                };
                /** @default {} */
                low: {
                    /** @default 16 */
                    responseHours: number;
                    /** @default 80 */
                    resolutionHours: number;
                };
            };
            workingHours?: {
                /**
                 * @default [
                 *       {
                 *         "from": "08:00",
                 *         "to": "12:00"
                 *       },
                 *       {
                 *         "from": "13:30",
                 *         "to": "17:30"
                 *       }
                 *     ]
                 */
                mon: {
                    from: string;
                    to: string;
                }[];
                /**
                 * @default [
                 *       {
                 *         "from": "08:00",
                 *         "to": "12:00"
                 *       },
                 *       {
                 *         "from": "13:30",
                 *         "to": "17:30"
                 *       }
                 *     ]
                 */
                tue: {
                    from: string;
                    to: string;
                }[];
                /**
                 * @default [
                 *       {
                 *         "from": "08:00",
                 *         "to": "12:00"
                 *       },
                 *       {
                 *         "from": "13:30",
                 *         "to": "17:30"
                 *       }
                 *     ]
                 */
                wed: {
                    from: string;
                    to: string;
                }[];
                /**
                 * @default [
                 *       {
                 *         "from": "08:00",
                 *         "to": "12:00"
                 *       },
                 *       {
                 *         "from": "13:30",
                 *         "to": "17:30"
                 *       }
                 *     ]
                 */
                thu: {
                    from: string;
                    to: string;
                }[];
                /**
                 * @default [
                 *       {
                 *         "from": "08:00",
                 *         "to": "12:00"
                 *       },
                 *       {
                 *         "from": "13:30",
                 *         "to": "17:30"
                 *       }
                 *     ]
                 */
                fri: {
                    from: string;
                    to: string;
                }[];
                /** @default [] */
                sat: {
                    from: string;
                    to: string;
                }[];
                /** @default [] */
                sun: {
                    from: string;
                    to: string;
                }[];
            };
            closedDays?: {
                /** Format: date */
                from: string;
                /** Format: date */
                to: string;
                /** @default  */
                label: string;
            }[];
            reopenDays?: number;
        };
        StartInventoryRoundInputInput: {
            /** @enum {string} */
            scope: "school" | "room" | "cart";
            /** Format: uuid */
            schoolId?: string;
            /** Format: uuid */
            roomId?: string;
            /** Format: uuid */
            cartId?: string;
            notes?: string;
        };
        InventoryScanInputInput: {
            tags: string[];
        };
        InventoryCorrectionsInputInput: {
            /** @default false */
            moveUnexpected: boolean;
            /** @default false */
            markMissingLost: boolean;
            /** @constant */
            confirm: true;
        };
        InventoryRoundInput: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            scope: "school" | "room" | "cart";
            place: string;
            schoolId: string | null;
            roomId: string | null;
            cartId: string | null;
            /** @enum {string} */
            status: "open" | "closed" | "cancelled";
            startedAt: string;
            startedBy: string | null;
            closedAt: string | null;
            correctionsAppliedAt: string | null;
            notes: string | null;
            counts: {
                expected: number;
                found: number;
                missing: number;
                unexpected: number;
                unknown: number;
            };
            found: {
                /** Format: uuid */
                id: string;
                tag: string;
                model: string;
                status: string;
                registeredAt: string | null;
            }[];
            missing: {
                /** Format: uuid */
                id: string;
                tag: string;
                model: string;
                status: string;
                registeredAt: string | null;
            }[];
            unexpected: {
                /** Format: uuid */
                id: string;
                tag: string;
                model: string;
                status: string;
                registeredAt: string | null;
            }[];
            unknown: string[];
        };
        InventoryScanResultInput: {
            results: {
                tag: string;
                /** @enum {string} */
                result: "found" | "unexpected" | "unknown" | "already_scanned";
                asset: {
                    /** Format: uuid */
                    id: string;
                    tag: string;
                    model: string;
                    status: string;
                    registeredAt: string | null;
                } | null;
            }[];
            round: components["schemas"]["InventoryRoundInput"];
        };
        AssetCategoryInput: {
            /** Format: uuid */
            id: string;
            code: string;
            nameFr: string;
            nameEn: string;
            /** @enum {string} */
            role: "projection" | "teacher_computer" | "pupil_device" | "desktop" | "document_camera" | "network_ap" | "network_switch" | "server" | "printer" | "cart" | "hotspot" | "accessory" | "other";
            customFieldsSchema: {
                [key: string]: unknown;
            } | null;
            referencePriceCents: number | null;
            installCostCents: number | null;
            archived: boolean;
        };
        CreateAssetCategoryInputInput: {
            code: string;
            nameFr: string;
            nameEn: string;
            /**
             * @default other
             * @enum {string}
             */
            role: "projection" | "teacher_computer" | "pupil_device" | "desktop" | "document_camera" | "network_ap" | "network_switch" | "server" | "printer" | "cart" | "hotspot" | "accessory" | "other";
            customFieldsSchema?: {
                /** @constant */
                type: "object";
                properties: {
                    [key: string]: {
                        /** @enum {string} */
                        type: "string" | "number" | "integer" | "boolean";
                        title?: string;
                        enum?: (string | number)[];
                        maxLength?: number;
                        minimum?: number;
                        maximum?: number;
                    };
                };
                required?: string[];
            } | null;
            referencePriceCents?: number | null;
            installCostCents?: number | null;
        };
        UpdateAssetCategoryInputInput: {
            nameFr?: string;
            nameEn?: string;
            /** @enum {string} */
            role?: "projection" | "teacher_computer" | "pupil_device" | "desktop" | "document_camera" | "network_ap" | "network_switch" | "server" | "printer" | "cart" | "hotspot" | "accessory" | "other";
            customFieldsSchema?: {
                /** @constant */
                type: "object";
                properties: {
                    [key: string]: {
                        /** @enum {string} */
                        type: "string" | "number" | "integer" | "boolean";
                        title?: string;
                        enum?: (string | number)[];
                        maxLength?: number;
                        minimum?: number;
                        maximum?: number;
                    };
                };
                required?: string[];
            } | null;
            referencePriceCents?: number | null;
            installCostCents?: number | null;
            archived?: boolean;
        };
        ManufacturerInput: {
            /** Format: uuid */
            id: string;
            name: string;
        };
        CreateManufacturerInputInput: {
            name: string;
        };
        AssetModelInput: {
            /** Format: uuid */
            id: string;
            name: string;
            modelNumber: string | null;
            category: {
                /** Format: uuid */
                id: string;
                code: string;
                nameFr: string;
                nameEn: string;
                /** @enum {string} */
                role: "projection" | "teacher_computer" | "pupil_device" | "desktop" | "document_camera" | "network_ap" | "network_switch" | "server" | "printer" | "cart" | "hotspot" | "accessory" | "other";
            };
            manufacturer: {
                /** Format: uuid */
                id: string;
                name: string;
            } | null;
            specs: {
                [key: string]: unknown;
            };
            unitPriceCents: number | null;
            installCostCents: number | null;
            expectedLifeYears: number | null;
            archived: boolean;
            assetCount: number;
        };
        CreateAssetModelInputInput: {
            name: string;
            modelNumber?: string | null;
            /** Format: uuid */
            categoryId: string;
            manufacturerId?: string | null;
            /** @default {} */
            specs: {
                [key: string]: string | number | boolean;
            };
            unitPriceCents?: number | null;
            installCostCents?: number | null;
            expectedLifeYears?: number | null;
        };
        UpdateAssetModelInputInput: {
            name?: string;
            modelNumber?: string | null;
            /** Format: uuid */
            categoryId?: string;
            manufacturerId?: string | null;
            /** @default {} */
            specs: {
                [key: string]: string | number | boolean;
            };
            unitPriceCents?: number | null;
            installCostCents?: number | null;
            expectedLifeYears?: number | null;
            archived?: boolean;
        };
        StockLocationInput: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @enum {string} */
            kind: "warehouse" | "technician" | "school_store";
            schoolId: string | null;
            archived: boolean;
        };
        CreateStockLocationInputInput: {
            name: string;
            /**
             * @default warehouse
             * @enum {string}
             */
            kind: "warehouse" | "technician" | "school_store";
            schoolId?: string | null;
        };
        CreateAssetInputInput: {
            tag?: string;
            /**
             * @default in_stock
             * @enum {string}
             */
            status: "ordered" | "in_stock" | "preparing" | "deployed";
            serial?: string | null;
            /** Format: uuid */
            modelId: string;
            purchaseDate?: string | null;
            purchasePriceCents?: number | null;
            supplier?: string | null;
            orderRef?: string | null;
            invoiceRef?: string | null;
            warrantyEnd?: string | null;
            mdmEnrolled?: boolean;
            wifiSwitchableOff?: boolean | null;
            notes?: string | null;
            customFields?: {
                [key: string]: string | number | boolean | null;
            };
            schoolId?: string | null;
            roomId?: string | null;
            classId?: string | null;
            stockLocationId?: string | null;
        };
        UpdateAssetInputInput: {
            version: number;
            tag?: string;
            serial?: string | null;
            /** Format: uuid */
            modelId?: string;
            purchaseDate?: string | null;
            purchasePriceCents?: number | null;
            supplier?: string | null;
            orderRef?: string | null;
            invoiceRef?: string | null;
            warrantyEnd?: string | null;
            mdmEnrolled?: boolean;
            wifiSwitchableOff?: boolean | null;
            notes?: string | null;
            customFields?: {
                [key: string]: string | number | boolean | null;
            };
        };
        AssetTransitionInputInput: {
            version: number;
            /** @enum {string} */
            to: "ordered" | "in_stock" | "preparing" | "deployed" | "in_cart" | "on_loan" | "returned" | "in_repair" | "lost" | "stolen" | "retired" | "donated";
            note?: string | null;
            wiped?: boolean;
            location?: {
                schoolId?: string | null;
                roomId?: string | null;
                classId?: string | null;
                stockLocationId?: string | null;
            };
        };
        AssetMoveInputInput: {
            version: number;
            note?: string | null;
            schoolId?: string | null;
            roomId?: string | null;
            classId?: string | null;
            stockLocationId?: string | null;
        };
        CartOperationInputInput: {
            version: number;
            /** Format: uuid */
            cartId: string;
            note?: string | null;
        };
        TakeOutOfCartInputInput: {
            version: number;
            /**
             * @default deployed
             * @enum {string}
             */
            to: "deployed" | "in_stock" | "in_repair" | "on_loan";
            note?: string | null;
            location?: {
                schoolId?: string | null;
                roomId?: string | null;
                classId?: string | null;
                stockLocationId?: string | null;
            };
        };
        BulkAssetInputInput: {
            /** @enum {string} */
            action: "move" | "status" | "cart_in" | "cart_out" | "assign_school";
            ids?: string[];
            tags?: string[];
            /**
             * @default each
             * @enum {string}
             */
            mode: "each" | "all";
            /** @enum {string} */
            to?: "ordered" | "in_stock" | "preparing" | "deployed" | "in_cart" | "on_loan" | "returned" | "in_repair" | "lost" | "stolen" | "retired" | "donated";
            /** Format: uuid */
            cartId?: string;
            wiped?: boolean;
            note?: string | null;
            location?: {
                schoolId?: string | null;
                roomId?: string | null;
                classId?: string | null;
                stockLocationId?: string | null;
            };
        };
        BulkAssetResultInput: {
            /** @enum {string} */
            mode: "each" | "all";
            done: number;
            refused: number;
            results: {
                id: string | null;
                tag: string | null;
                /** @enum {string} */
                outcome: "done" | "refused";
                code: string | null;
                reason: string | null;
            }[];
        };
        AssetInput: {
            /** Format: uuid */
            id: string;
            tag: string;
            serial: string | null;
            /** @enum {string} */
            status: "ordered" | "in_stock" | "preparing" | "deployed" | "in_cart" | "on_loan" | "returned" | "in_repair" | "lost" | "stolen" | "retired" | "donated";
            model: {
                /** Format: uuid */
                id: string;
                name: string;
                manufacturer: string | null;
            };
            category: {
                /** Format: uuid */
                id: string;
                code: string;
                nameFr: string;
                nameEn: string;
                /** @enum {string} */
                role: "projection" | "teacher_computer" | "pupil_device" | "desktop" | "document_camera" | "network_ap" | "network_switch" | "server" | "printer" | "cart" | "hotspot" | "accessory" | "other";
            };
            school: {
                /** Format: uuid */
                id: string;
                uai: string;
                name: string;
            } | null;
            room: {
                /** Format: uuid */
                id: string;
                name: string;
            } | null;
            class: {
                /** Format: uuid */
                id: string;
                name: string;
            } | null;
            cart: {
                /** Format: uuid */
                id: string;
                tag: string;
            } | null;
            stockLocation: {
                /** Format: uuid */
                id: string;
                name: string;
            } | null;
            purchaseDate: string | null;
            purchasePriceCents: number | null;
            supplier: string | null;
            orderRef: string | null;
            invoiceRef: string | null;
            warrantyEnd: string | null;
            mdmEnrolled: boolean;
            wifiSwitchableOff: boolean | null;
            notes: string | null;
            customFields: {
                [key: string]: unknown;
            };
            version: number;
            generated: boolean;
            lastAuditedAt: string | null;
            updatedAt: string;
        };
        AssetEventInput: {
            id: number;
            occurredAt: string;
            actorName: string | null;
            kind: string;
            fromStatus: string | null;
            toStatus: string | null;
            fromLocation: {
                [key: string]: unknown;
            } | null;
            toLocation: {
                [key: string]: unknown;
            } | null;
            note: string | null;
        };
        AssetDetailInput: {
            /** Format: uuid */
            id: string;
            tag: string;
            serial: string | null;
            /** @enum {string} */
            status: "ordered" | "in_stock" | "preparing" | "deployed" | "in_cart" | "on_loan" | "returned" | "in_repair" | "lost" | "stolen" | "retired" | "donated";
            model: {
                /** Format: uuid */
                id: string;
                name: string;
                manufacturer: string | null;
            };
            category: {
                /** Format: uuid */
                id: string;
                code: string;
                nameFr: string;
                nameEn: string;
                /** @enum {string} */
                role: "projection" | "teacher_computer" | "pupil_device" | "desktop" | "document_camera" | "network_ap" | "network_switch" | "server" | "printer" | "cart" | "hotspot" | "accessory" | "other";
            };
            school: {
                /** Format: uuid */
                id: string;
                uai: string;
                name: string;
            } | null;
            room: {
                /** Format: uuid */
                id: string;
                name: string;
            } | null;
            class: {
                /** Format: uuid */
                id: string;
                name: string;
            } | null;
            cart: {
                /** Format: uuid */
                id: string;
                tag: string;
            } | null;
            stockLocation: {
                /** Format: uuid */
                id: string;
                name: string;
            } | null;
            purchaseDate: string | null;
            purchasePriceCents: number | null;
            supplier: string | null;
            orderRef: string | null;
            invoiceRef: string | null;
            warrantyEnd: string | null;
            mdmEnrolled: boolean;
            wifiSwitchableOff: boolean | null;
            notes: string | null;
            customFields: {
                [key: string]: unknown;
            };
            version: number;
            generated: boolean;
            lastAuditedAt: string | null;
            updatedAt: string;
            events: components["schemas"]["AssetEventInput"][];
            contents: {
                /** Format: uuid */
                id: string;
                tag: string;
                serial: string | null;
                /** @enum {string} */
                status: "ordered" | "in_stock" | "preparing" | "deployed" | "in_cart" | "on_loan" | "returned" | "in_repair" | "lost" | "stolen" | "retired" | "donated";
                model: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                    manufacturer: string | null;
                };
                version: number;
            }[] | null;
            allowedTransitions: ("ordered" | "in_stock" | "preparing" | "deployed" | "in_cart" | "on_loan" | "returned" | "in_repair" | "lost" | "stolen" | "retired" | "donated")[];
            can: {
                update: boolean;
                transition: boolean;
                move: boolean;
            };
        };
        AssetListInput: {
            items: components["schemas"]["AssetInput"][];
            total: number;
        };
        EquipmentSummaryInput: {
            total: number;
            byCategory: {
                /** Format: uuid */
                categoryId: string;
                code: string;
                nameFr: string;
                nameEn: string;
                /** @enum {string} */
                role: "projection" | "teacher_computer" | "pupil_device" | "desktop" | "document_camera" | "network_ap" | "network_switch" | "server" | "printer" | "cart" | "hotspot" | "accessory" | "other";
                byStatus: {
                    [key: string]: number;
                };
                total: number;
            }[];
        };
        LabelsInputInput: {
            ids?: string[];
            tags?: string[];
            /**
             * @default a4-3x8
             * @enum {string}
             */
            layout: "a4-3x8" | "a4-4x10" | "a4-2x7";
            /** @default 0 */
            skip: number;
        };
        AssetImportReportInput: {
            /** @enum {string} */
            format: "socle" | "snipeit" | "glpi";
            columns: {
                [key: string]: string;
            };
            rowsRead: number;
            valid: number;
            created: number;
            rejected: {
                line: number;
                column: string;
                reason: string;
                value?: string;
            }[];
            rejectedCount: number;
            categoriesCreated: string[];
            modelsCreated: string[];
            dryRun: boolean;
            written: boolean;
        };
        AssetImportPreviewInput: {
            headers: string[];
            detectedFormat: ("socle" | "snipeit" | "glpi") | null;
            columns: {
                [key: string]: string;
            };
            fields: ("tag" | "serial" | "category" | "model" | "modelNumber" | "manufacturer" | "location" | "room" | "status" | "purchaseDate" | "purchaseCost" | "supplier" | "orderRef" | "invoiceRef" | "warrantyEnd" | "warrantyMonths" | "notes")[];
            sample: {
                [key: string]: string;
            }[];
        };
        WarrantyDigestInput: {
            days: number;
            until: string;
            total: number;
            items: {
                /** Format: uuid */
                id: string;
                tag: string;
                model: string;
                warrantyEnd: string;
                school: string | null;
            }[];
        };
        NotificationInput: {
            /** Format: uuid */
            id: string;
            kind: string;
            payload: {
                [key: string]: unknown;
            };
            createdAt: string;
        };
        /** @description What became of the mails of a family link */
        FamilyLinkMailInput: {
            /** @enum {string} */
            status: "sent" | "already_sent" | "partial" | "failed" | "no_email" | "not_configured";
            recipients: number;
            sent: number;
            duplicates: number;
            failed: number;
        };
        CreateLoanCampaignInputInput: {
            name: string;
            reason: string;
            startsOn?: string | null;
            endsOn?: string | null;
            dueDate?: string | null;
            schoolIds: string[];
        };
        /** @description A crisis campaign: loans to families while schools are closed */
        LoanCampaignInput: {
            /** Format: uuid */
            id: string;
            name: string;
            reason: string;
            startsOn: string | null;
            endsOn: string | null;
            dueDate: string | null;
            /** @enum {string} */
            status: "open" | "closed";
            schools: {
                /** Format: uuid */
                id: string;
                uai: string;
                name: string;
                /** @enum {string} */
                priorityEducation: "none" | "REP" | "REP+";
            }[];
            openedAt: string;
            openedBy: {
                /** Format: uuid */
                id: string;
                displayName: string;
            } | null;
            closedAt: string | null;
            can: {
                confirm: boolean;
                close: boolean;
            };
        };
        LoanCampaignProposalInput: {
            /** Format: uuid */
            campaignId: string;
            computedAt: string;
            pairs: {
                request: {
                    /** Format: uuid */
                    id: string;
                    school: {
                        /** Format: uuid */
                        id: string;
                        uai: string;
                        name: string;
                        /** @enum {string} */
                        priorityEducation: "none" | "REP" | "REP+";
                    };
                    household: {
                        /** Format: uuid */
                        id: string;
                        pseudonym: string;
                    };
                    /** @enum {string} */
                    status: "pending" | "approved";
                    createdAt: string;
                    needsConnectivity: boolean;
                    categoryId: string | null;
                    categoryName: string | null;
                };
                device: {
                    /** Format: uuid */
                    id: string;
                    tag: string;
                    model: string;
                    category: string;
                    role: string;
                    /** @enum {string} */
                    status: "in_stock" | "in_cart";
                    schoolId: string | null;
                    cartTag: string | null;
                    stockLocation: string | null;
                    /** @enum {string} */
                    source: "school" | "central" | "other_school";
                };
                hotspot: {
                    /** Format: uuid */
                    id: string;
                    tag: string;
                    model: string;
                    category: string;
                    role: string;
                    /** @enum {string} */
                    status: "in_stock" | "in_cart";
                    schoolId: string | null;
                    cartTag: string | null;
                    stockLocation: string | null;
                    /** @enum {string} */
                    source: "school" | "central" | "other_school";
                } | null;
                warnings: "no_hotspot"[];
                assetIds: string[];
            }[];
            unmatched: {
                request: {
                    /** Format: uuid */
                    id: string;
                    school: {
                        /** Format: uuid */
                        id: string;
                        uai: string;
                        name: string;
                        /** @enum {string} */
                        priorityEducation: "none" | "REP" | "REP+";
                    };
                    household: {
                        /** Format: uuid */
                        id: string;
                        pseudonym: string;
                    };
                    /** @enum {string} */
                    status: "pending" | "approved";
                    createdAt: string;
                    needsConnectivity: boolean;
                    categoryId: string | null;
                    categoryName: string | null;
                };
                /** @enum {string} */
                reason: "no_device_available";
            }[];
            leftover: {
                devices: number;
                hotspots: number;
            };
        };
        ConfirmLoanCampaignInputInput: {
            pairs: {
                /** Format: uuid */
                requestId: string;
                assetIds: string[];
            }[];
            /** Format: date */
            dueDate?: string;
        };
        ConfirmLoanCampaignResultInput: {
            results: {
                /** Format: uuid */
                requestId: string;
                /** @enum {string} */
                outcome: "done" | "refused";
                loanId: string | null;
                reason: ("request_not_found" | "not_in_campaign" | "not_eligible" | "other_campaign" | "request_not_open" | "duplicate_request" | "unknown_asset" | "device_unavailable" | "device_taken" | "concurrent_change" | "refused") | null;
                code: string | null;
                detail: string | null;
                delivery: ("mail" | "paper") | null;
            }[];
            done: number;
            refused: number;
            mails: {
                queued: number;
                /** @enum {string} */
                status: "queued" | "none" | "jobs_disabled" | "failed";
            };
        };
        /** @description Live counts per school (poll it) */
        LoanCampaignDashboardInput: {
            /** Format: uuid */
            campaignId: string;
            at: string;
            schools: {
                school: {
                    /** Format: uuid */
                    id: string;
                    uai: string;
                    name: string;
                    /** @enum {string} */
                    priorityEducation: "none" | "REP" | "REP+";
                };
                requests: number;
                waiting: number;
                allocated: number;
                accepted: number;
                handedOver: number;
                returned: number;
                availableDevices: number;
            }[];
            totals: {
                requests: number;
                waiting: number;
                allocated: number;
                accepted: number;
                handedOver: number;
                returned: number;
                availableDevices: number;
            };
            centralStock: {
                availableDevices: number;
            };
        };
        ReturnDriveLoanInput: {
            /** Format: uuid */
            id: string;
            household: {
                /** Format: uuid */
                id: string;
                pseudonym: string;
            };
            dueDate: string;
            daysOverdue: number;
            handedOverAt: string | null;
            campaignId: string | null;
            items: {
                /** Format: uuid */
                assetId: string;
                tag: string;
                serial: string | null;
                model: string;
                role: string;
            }[];
        };
        ReturnDriveInput: {
            school: {
                /** Format: uuid */
                id: string;
                uai: string;
                name: string;
            };
            dueBy: string;
            loans: components["schemas"]["ReturnDriveLoanInput"][];
            counts: {
                dueStillOut: number;
                itemsStillOut: number;
                outNotYetDue: number;
            };
        };
        ReturnDriveScanInputInput: {
            /** Format: uuid */
            school: string;
            tags: string[];
            /**
             * @default ok
             * @enum {string}
             */
            condition: "ok" | "damaged" | "accessories_missing";
            /** @constant */
            wiped: true;
            destination?: {
                /** Format: uuid */
                stockLocationId?: string;
                /** Format: uuid */
                cartId?: string;
            };
        };
        ReturnDriveScanResultInput: {
            results: {
                tag: string;
                /** @enum {string} */
                outcome: "returned" | "refused";
                reason: ("unknown_tag" | "duplicate_scan" | "not_on_loan" | "not_handed_over" | "wrong_school" | "refused") | null;
                code: string | null;
                detail: string | null;
                loanId: string | null;
                loanStatus: string | null;
            }[];
            returned: number;
            refused: number;
        };
        CreateLoanIncidentInputInput: {
            /** @enum {string} */
            kind: "damage" | "loss" | "theft";
            /** Format: date */
            declaredOn: string;
            policeReportRef?: string | null;
            notes?: string | null;
            /** Format: uuid */
            assetId?: string;
            /** @default true */
            updateAsset: boolean;
        };
        UpdateLoanIncidentInputInput: {
            /** @enum {string} */
            outcome?: "pending" | "repaired" | "replaced" | "written_off" | "paid_by_insurance" | "found";
            /** Format: date */
            settledOn?: string;
            policeReportRef?: string | null;
            notes?: string | null;
        };
        LoanIncidentInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            loanId: string;
            asset: {
                /** Format: uuid */
                id: string;
                tag: string;
            } | null;
            /** @enum {string} */
            kind: "damage" | "loss" | "theft";
            declaredOn: string;
            policeReportRef: string | null;
            notes: string | null;
            /** @enum {string} */
            outcome: "pending" | "repaired" | "replaced" | "written_off" | "paid_by_insurance" | "found";
            settledOn: string | null;
            locationActivatedAt: string | null;
            locationActivatedBy: string | null;
            createdAt: string;
            can: {
                update: boolean;
                activateLocation: boolean;
            };
        };
        HouseholdExportInput: {
            exportedAt: string;
            organisation: string;
            controllerNotice: string;
            household: {
                /** Format: uuid */
                id: string;
                pseudonym: string;
                /** @enum {string} */
                language: "fr" | "en";
                school: {
                    uai: string;
                    name: string;
                };
                createdAt: string;
                personalDataErasedAt: string | null;
            };
            pupil: {
                firstName: string;
                lastName: string;
                className: string | null;
            } | null;
            legalRepresentatives: {
                rank: number;
                firstName: string;
                lastName: string;
                addressLine: string;
                postcode: string;
                city: string;
                phone: string | null;
                email: string | null;
            }[];
            requests: {
                /** Format: uuid */
                id: string;
                status: string;
                need: {
                    category: string | null;
                    connectivity: boolean;
                };
                eligibility: {
                    eligible: boolean;
                    reasonCode: string;
                    decidedOn: string;
                };
                createdAt: string;
                reviewedAt: string | null;
            }[];
            loans: {
                /** Format: uuid */
                id: string;
                status: string;
                dueDate: string;
                allocatedAt: string;
                acceptance: {
                    via: string | null;
                    at: string | null;
                    nameTyped: string | null;
                    ipHashKept: boolean;
                };
                handedOverAt: string | null;
                conditionOut: string | null;
                conditionOutNotes: string | null;
                returnedAt: string | null;
                conditionIn: string | null;
                conditionInNotes: string | null;
                wipedAt: string | null;
                closedAt: string | null;
                devices: {
                    tag: string;
                    model: string;
                    serial: string | null;
                    role: string;
                    returnedAt: string | null;
                }[];
                documents: {
                    name: string;
                    createdAt: string;
                }[];
                incidents: {
                    kind: string;
                    declaredOn: string;
                    policeReportRef: string | null;
                    notes: string | null;
                    outcome: string;
                    settledOn: string | null;
                    locationActivatedAt: string | null;
                }[];
                messages: {
                    category: string;
                    body: string;
                    createdAt: string;
                    handledAt: string | null;
                }[];
            }[];
            mails: {
                template: string;
                recipient: string | null;
                subject: string;
                status: string;
                createdAt: string;
                sentAt: string | null;
            }[];
            events: {
                occurredAt: string;
                action: string;
                actorKind: string;
                entityType: string;
            }[];
        };
        HouseholdErasedInput: {
            /** Format: uuid */
            id: string;
            pseudonym: string;
            erasedAt: string;
            cancelledRequests: number;
            files: number;
        };
        CreateLoanRequestInputInput: {
            /** Format: uuid */
            schoolId: string;
            classId?: string | null;
            pupil: {
                firstName: string;
                lastName: string;
            };
            household: {
                /**
                 * @default fr
                 * @enum {string}
                 */
                locale: "fr" | "en";
                contacts: {
                    firstName: string;
                    lastName: string;
                    addressLine: string;
                    postcode: string;
                    city: string;
                    phone?: string | null;
                    email?: string | null;
                }[];
            };
            need: {
                categoryId?: string | null;
                /** @default false */
                connectivity: boolean;
            };
            eligibility: {
                eligible: boolean;
                reasonCode: string;
                /** Format: date */
                decidedOn: string;
            };
        };
        HouseholdViewInput: {
            /** Format: uuid */
            id: string;
            pseudonym: string;
            /** @enum {string} */
            locale: "fr" | "en";
            pupil: {
                firstName: string;
                lastName: string;
                className: string | null;
            } | null;
            contacts: {
                rank: number;
                firstName: string;
                lastName: string;
                addressLine: string;
                postcode: string;
                city: string;
                phone: string | null;
                email: string | null;
            }[] | null;
            purged: boolean;
        };
        LoanRequestInput: {
            /** Format: uuid */
            id: string;
            school: {
                /** Format: uuid */
                id: string;
                uai: string;
                name: string;
                priorityEducation: string;
            };
            household: components["schemas"]["HouseholdViewInput"];
            need: {
                categoryId: string | null;
                categoryName: string | null;
                connectivity: boolean;
            };
            eligibility: {
                eligible: boolean;
                reasonCode: string;
                decidedOn: string;
            };
            /** @enum {string} */
            status: "pending" | "approved" | "rejected" | "allocated" | "cancelled";
            loanId: string | null;
            createdAt: string;
            can: {
                approve: boolean;
                allocate: boolean;
            };
        };
        AllocateLoanInputInput: {
            assetIds?: string[];
            tags?: string[];
            /** Format: date */
            dueDate?: string;
        };
        LoanInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            requestId: string;
            school: {
                /** Format: uuid */
                id: string;
                uai: string;
                name: string;
            };
            household: components["schemas"]["HouseholdViewInput"];
            /** @enum {string} */
            status: "allocated" | "accepted" | "handed_over" | "returned" | "closed" | "cancelled";
            dueDate: string;
            overdue: boolean;
            items: {
                /** Format: uuid */
                assetId: string;
                tag: string;
                serial: string | null;
                model: string;
                role: string;
                open: boolean;
            }[];
            allocatedAt: string;
            acceptedVia: ("link" | "paper") | null;
            acceptedAt: string | null;
            handedOverAt: string | null;
            conditionOut: string | null;
            conditionOutNotes: string | null;
            returnedAt: string | null;
            conditionIn: string | null;
            conditionInNotes: string | null;
            wipedAt: string | null;
            closedAt: string | null;
            can: {
                seePersonalData: boolean;
                handover: boolean;
                return: boolean;
                sendLink: boolean;
            };
        };
        LoanHandoverInputInput: {
            tags: string[];
            /**
             * @default ok
             * @enum {string}
             */
            condition: "ok" | "damaged" | "accessories_missing";
            notes?: string | null;
        };
        LoanReturnInputInput: {
            tags: string[];
            /**
             * @default ok
             * @enum {string}
             */
            condition: "ok" | "damaged" | "accessories_missing";
            notes?: string | null;
            /** @constant */
            wiped: true;
            destination: {
                /** Format: uuid */
                stockLocationId?: string;
                /** Format: uuid */
                cartId?: string;
            };
        };
        FamilyLinkInput: {
            url: string;
            expiresAt: string;
        };
        EligibilityReasonInput: {
            code: string;
            labelFr: string;
            labelEn: string;
            eligible: boolean;
            active: boolean;
        };
        SaveEligibilityReasonInputInput: {
            code: string;
            labelFr: string;
            labelEn: string;
            eligible: boolean;
            /** @default true */
            active: boolean;
        };
        FamilyPageInput: {
            organisation: string;
            school: string;
            pupilFirstName: string | null;
            /** @enum {string} */
            status: "allocated" | "accepted" | "handed_over" | "returned" | "closed" | "cancelled";
            dueDate: string;
            devices: {
                tag: string;
                model: string;
                serial: string | null;
            }[];
            accepted: boolean;
            acceptedAt: string | null;
            /** @enum {string} */
            locale: "fr" | "en";
            returnInstructions: string;
        };
        FamilyAcceptInputInput: {
            name: string;
            /** @constant */
            confirm: true;
        };
        OrganisationInput: {
            /** Format: uuid */
            id: string;
            slug: string;
            name: string;
            settings: {
                /** @default [] */
                communes: string[];
                /**
                 * @default all
                 * @enum {string}
                 */
                technicianScope: "all" | "assigned";
                /** @default {ORG}-{YYYY}-{00000} */
                assetTagPattern: string;
                /** @default 60 */
                warrantyNoticeDays: number;
                /** @default false */
                loanAutoApprove: boolean;
                /** @default 07-04 */
                loanDueMonthDay: string;
                /** @default 90 */
                loanRetentionDays: number;
                /** @default 14 */
                loanReminderDaysBefore: number;
                /** @default  */
                dpoContact: string;
                /**
                 * @default {
                 *       "fr": "",
                 *       "en": ""
                 *     }
                 */
                loanConventionTemplate: {
                    /** @default  */
                    fr: string;
                    /** @default  */
                    en: string;
                };
                helpdesk?: {
                    /** @default {} */
                    sla: {
                        /** @default {} */
                        urgent: {
                            /** @default 1 */
                            responseHours: number;
                            /** @default 8 */
                            resolutionHours: number;
                        };
                        /** @default {} */
                        high: {
                            /** @default 4 */
                            responseHours: number;
                            /** @default 16 */
                            resolutionHours: number;
                        };
                        /** @default {} */
                        normal: {
                            /** @default 8 */
                            responseHours: number;
                            /** @default 40 */
                            resolutionHours: number;
                        };
                        /** @default {} */
                        low: {
                            /** @default 16 */
                            responseHours: number;
                            /** @default 80 */
                            resolutionHours: number;
                        };
                    };
                    /** @default {} */
                    workingHours: {
                        /**
                         * @default [
                         *       {
                         *         "from": "08:00",
                         *         "to": "12:00"
                         *       },
                         *       {
                         *         "from": "13:30",
                         *         "to": "17:30"
                         *       }
                         *     ]
                         */
                        mon: {
                            from: string;
                            to: string;
                        }[];
                        /**
                         * @default [
                         *       {
                         *         "from": "08:00",
                         *         "to": "12:00"
                         *       },
                         *       {
                         *         "from": "13:30",
                         *         "to": "17:30"
                         *       }
                         *     ]
                         */
                        tue: {
                            from: string;
                            to: string;
                        }[];
                        /**
                         * @default [
                         *       {
                         *         "from": "08:00",
                         *         "to": "12:00"
                         *       },
                         *       {
                         *         "from": "13:30",
                         *         "to": "17:30"
                         *       }
                         *     ]
                         */
                        wed: {
                            from: string;
                            to: string;
                        }[];
                        /**
                         * @default [
                         *       {
                         *         "from": "08:00",
                         *         "to": "12:00"
                         *       },
                         *       {
                         *         "from": "13:30",
                         *         "to": "17:30"
                         *       }
                         *     ]
                         */
                        thu: {
                            from: string;
                            to: string;
                        }[];
                        /**
                         * @default [
                         *       {
                         *         "from": "08:00",
                         *         "to": "12:00"
                         *       },
                         *       {
                         *         "from": "13:30",
                         *         "to": "17:30"
                         *       }
                         *     ]
                         */
                        fri: {
                            from: string;
                            to: string;
                        }[];
                        /** @default [] */
                        sat: {
                            from: string;
                            to: string;
                        }[];
                        /** @default [] */
                        sun: {
                            from: string;
                            to: string;
                        }[];
                    };
                    /** @default [] */
                    closedDays: {
                        /** Format: date */
                        from: string;
                        /** Format: date */
                        to: string;
                        /** @default  */
                        label: string;
                    }[];
                    /** @default 14 */
                    reopenDays: number;
                };
                /** @default false */
                demo: boolean;
            };
            can: {
                update: boolean;
            };
        };
        UpdateOrganisationInputInput: {
            name?: string;
            settings?: {
                communes?: string[];
                /** @enum {string} */
                technicianScope?: "all" | "assigned";
                assetTagPattern?: string;
                warrantyNoticeDays?: number;
                loanAutoApprove?: boolean;
                loanDueMonthDay?: string;
                loanRetentionDays?: number;
                loanReminderDaysBefore?: number;
                dpoContact?: string;
                loanConventionTemplate?: {
                    fr: string;
                    en: string;
                };
            };
        };
        /** @enum {string} */
        ContractProcedureInput: "appel_offres_ouvert" | "appel_offres_restreint" | "procedure_adaptee" | "procedure_negociee" | "accord_cadre" | "marche_subsequent" | "ugap" | "sans_publicite" | "other";
        /** @enum {string} */
        PurchaseOrderStatusInput: "draft" | "ordered" | "partly_received" | "received" | "cancelled";
        ContractLotInput: {
            number: number;
            label: string;
        };
        CreateContractInputInput: {
            reference: string;
            title: string;
            procedure: components["schemas"]["ContractProcedureInput"];
            notifiedOn?: string | null;
            startsOn?: string | null;
            endsOn?: string | null;
            lots?: components["schemas"]["ContractLotInput"][];
            ceilingCents?: number | null;
            ugap?: boolean;
            supplierId?: string | null;
            notes?: string;
        };
        UpdateContractInputInput: {
            reference?: string;
            title?: string;
            procedure?: components["schemas"]["ContractProcedureInput"];
            notifiedOn?: string | null;
            startsOn?: string | null;
            endsOn?: string | null;
            lots?: components["schemas"]["ContractLotInput"][];
            ceilingCents?: number | null;
            ugap?: boolean;
            supplierId?: string | null;
            notes?: string;
        };
        ContractInput: {
            /** Format: uuid */
            id: string;
            reference: string;
            title: string;
            procedure: components["schemas"]["ContractProcedureInput"];
            notifiedOn: string | null;
            startsOn: string | null;
            endsOn: string | null;
            lots: {
                number: number;
                label: string;
            }[];
            ceilingCents: number | null;
            ugap: boolean;
            supplierId: string | null;
            supplierName: string | null;
            notes: string;
            generated: boolean;
            orderedCents: number;
            draftCents: number;
            overCeiling: boolean;
            orderCount: number;
            createdAt: string;
            updatedAt: string;
        };
        NewPurchaseOrderLineInput: {
            modelId?: string | null;
            description: string;
            quantity: number;
            unitPriceCents: number;
            vatRateBp?: number;
            schoolId?: string | null;
            costItemId?: string | null;
        };
        CreatePurchaseOrderInputInput: {
            number: string;
            /** Format: uuid */
            supplierId: string;
            contractId?: string | null;
            lotNumber?: number | null;
            programmeId?: string | null;
            costItemId?: string | null;
            /** Format: date */
            orderedOn: string;
            expectedOn?: string | null;
            notes?: string;
            lines?: components["schemas"]["NewPurchaseOrderLineInput"][];
        };
        UpdatePurchaseOrderInputInput: {
            number?: string;
            /** Format: uuid */
            supplierId?: string;
            contractId?: string | null;
            lotNumber?: number | null;
            programmeId?: string | null;
            costItemId?: string | null;
            /** Format: date */
            orderedOn?: string;
            expectedOn?: string | null;
            notes?: string;
            lines?: components["schemas"]["NewPurchaseOrderLineInput"][];
        };
        InvoiceDiscrepancyInput: {
            /** @enum {string} */
            kind: "quantity_over_received" | "quantity_over_ordered" | "unit_price" | "header_total" | "header_vat";
            /** Format: uuid */
            invoiceId: string;
            invoiceLineId: string | null;
            orderLineId: string | null;
            expected: number;
            actual: number;
        };
        PurchaseOrderLineInput: {
            /** Format: uuid */
            id: string;
            position: number;
            modelId: string | null;
            modelName: string | null;
            description: string;
            quantity: number;
            unitPriceCents: number;
            vatRateBp: number;
            htCents: number;
            vatCents: number;
            schoolId: string | null;
            schoolName: string | null;
            costItemId: string | null;
            receivedQuantity: number;
            invoicedQuantity: number;
        };
        PurchaseOrderSummaryInput: {
            /** Format: uuid */
            id: string;
            number: string;
            status: components["schemas"]["PurchaseOrderStatusInput"];
            /** Format: uuid */
            supplierId: string;
            supplierName: string;
            contractId: string | null;
            contractReference: string | null;
            lotNumber: number | null;
            programmeId: string | null;
            costItemId: string | null;
            orderedOn: string;
            expectedOn: string | null;
            notes: string;
            generated: boolean;
            version: number;
            htCents: number;
            vatCents: number;
            ttcCents: number;
            quantity: number;
            receivedQuantity: number;
            invoicedHtCents: number;
            hasDiscrepancies: boolean;
            createdAt: string;
            updatedAt: string;
        };
        PurchaseOrderListInput: {
            items: components["schemas"]["PurchaseOrderSummaryInput"][];
            total: number;
        };
        DeliveredAssetInput: {
            /** Format: uuid */
            id: string;
            tag: string;
            serial: string | null;
            /** Format: uuid */
            orderLineId: string;
        };
        DeliveryInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            orderId: string;
            receivedOn: string;
            noteRef: string | null;
            stockLocationId: string | null;
            stockLocationName: string | null;
            receivedBy: string | null;
            receivedByName: string | null;
            createdAt: string;
            lines: {
                /** Format: uuid */
                orderLineId: string;
                quantity: number;
            }[];
            assets: components["schemas"]["DeliveredAssetInput"][];
        };
        PurchaseOrderInput: {
            /** Format: uuid */
            id: string;
            number: string;
            status: components["schemas"]["PurchaseOrderStatusInput"];
            /** Format: uuid */
            supplierId: string;
            supplierName: string;
            contractId: string | null;
            contractReference: string | null;
            lotNumber: number | null;
            programmeId: string | null;
            costItemId: string | null;
            orderedOn: string;
            expectedOn: string | null;
            notes: string;
            generated: boolean;
            version: number;
            htCents: number;
            vatCents: number;
            ttcCents: number;
            quantity: number;
            receivedQuantity: number;
            invoicedHtCents: number;
            hasDiscrepancies: boolean;
            createdAt: string;
            updatedAt: string;
            lines: components["schemas"]["PurchaseOrderLineInput"][];
            deliveries: components["schemas"]["DeliveryInput"][];
            invoices: {
                /** Format: uuid */
                id: string;
                number: string;
                invoiceDate: string;
                htCents: number;
                ttcCents: number;
                paidOn: string | null;
            }[];
            discrepancies: components["schemas"]["InvoiceDiscrepancyInput"][];
            actions: {
                editLines: boolean;
                place: boolean;
                cancel: boolean;
                delete: boolean;
                receive: boolean;
                invoice: boolean;
            };
        };
        CreateDeliveryInputInput: {
            /** Format: date */
            receivedOn: string;
            noteRef?: string | null;
            stockLocationId?: string | null;
            lines: {
                /** Format: uuid */
                orderLineId: string;
                quantity: number;
                serials?: string[];
            }[];
        };
        NewInvoiceLineInput: {
            orderLineId?: string | null;
            description: string;
            quantity: number;
            unitPriceCents: number;
            vatRateBp: number;
            vatCents?: number;
        };
        CreateInvoiceInputInput: {
            /** Format: uuid */
            supplierId: string;
            orderId?: string | null;
            number: string;
            /** Format: date */
            invoiceDate: string;
            htCents: number;
            vatCents: number;
            ttcCents: number;
            paidOn?: string | null;
            mandateNumber?: string | null;
            notes?: string;
            lines: components["schemas"]["NewInvoiceLineInput"][];
        };
        UpdateInvoiceInputInput: {
            /** Format: uuid */
            supplierId?: string;
            orderId?: string | null;
            number?: string;
            /** Format: date */
            invoiceDate?: string;
            htCents?: number;
            vatCents?: number;
            ttcCents?: number;
            paidOn?: string | null;
            mandateNumber?: string | null;
            notes?: string;
            lines?: components["schemas"]["NewInvoiceLineInput"][];
        };
        SetInvoiceFileInputInput: {
            fileId: string | null;
        };
        InvoiceSummaryInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            supplierId: string;
            supplierName: string;
            supplierSiret: string;
            orderId: string | null;
            orderNumber: string | null;
            number: string;
            invoiceDate: string;
            htCents: number;
            vatCents: number;
            ttcCents: number;
            paidOn: string | null;
            mandateNumber: string | null;
            fileId: string | null;
            notes: string;
            generated: boolean;
            lineCount: number;
            allocatedLines: number;
            hasDiscrepancies: boolean;
            createdAt: string;
            updatedAt: string;
        };
        InvoiceListInput: {
            items: components["schemas"]["InvoiceSummaryInput"][];
            total: number;
        };
        InvoiceLineInput: {
            /** Format: uuid */
            id: string;
            position: number;
            orderLineId: string | null;
            description: string;
            quantity: number;
            unitPriceCents: number;
            vatRateBp: number;
            htCents: number;
            vatCents: number;
            expenseLineId: string | null;
            programmeId: string | null;
            costItemId: string | null;
        };
        InvoiceInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            supplierId: string;
            supplierName: string;
            supplierSiret: string;
            orderId: string | null;
            orderNumber: string | null;
            number: string;
            invoiceDate: string;
            htCents: number;
            vatCents: number;
            ttcCents: number;
            paidOn: string | null;
            mandateNumber: string | null;
            fileId: string | null;
            notes: string;
            generated: boolean;
            lineCount: number;
            allocatedLines: number;
            hasDiscrepancies: boolean;
            createdAt: string;
            updatedAt: string;
            lines: components["schemas"]["InvoiceLineInput"][];
            discrepancies: components["schemas"]["InvoiceDiscrepancyInput"][];
        };
        AllocateInvoiceInputInput: {
            /** Format: uuid */
            programmeId: string;
            lines: {
                /** Format: uuid */
                invoiceLineId: string;
                /** Format: uuid */
                costItemId: string;
                /** @enum {string} */
                eligibility?: "eligible" | "partly" | "not_eligible";
                eligibleCents?: number | null;
                eligibilityReason?: string | null;
                schools?: "by_assets" | {
                    /** Format: uuid */
                    schoolId: string;
                    amountCents: number;
                }[];
            }[];
        };
        /** @enum {string} */
        DigitalServiceKindInput: "ent" | "cloud" | "school_server" | "resources" | "software" | "mdm" | "filtering" | "other";
        /** @enum {string} */
        DigitalServicePricingInput: "per_school" | "per_pupil" | "per_seat";
        /** @enum {string} */
        SubscriptionStatusInput: "active" | "future" | "ended";
        CreateDigitalServiceInputInput: {
            name: string;
            kind: components["schemas"]["DigitalServiceKindInput"];
            supplierId?: string | null;
            description?: string;
            pricing?: components["schemas"]["DigitalServicePricingInput"];
            unitPriceCents?: number | null;
            archived?: boolean;
        };
        UpdateDigitalServiceInputInput: {
            name?: string;
            kind?: components["schemas"]["DigitalServiceKindInput"];
            supplierId?: string | null;
            description?: string;
            pricing?: components["schemas"]["DigitalServicePricingInput"];
            unitPriceCents?: number | null;
            archived?: boolean;
        };
        DigitalServiceInput: {
            /** Format: uuid */
            id: string;
            name: string;
            kind: components["schemas"]["DigitalServiceKindInput"];
            supplierId: string | null;
            supplierName: string | null;
            description: string;
            pricing: components["schemas"]["DigitalServicePricingInput"];
            unitPriceCents: number | null;
            archived: boolean;
            activeSubscriptions: number;
            subscriptionCount: number;
            can: {
                update: boolean;
                delete: boolean;
            };
            createdAt: string;
            updatedAt: string;
        };
        CreateSubscriptionInputInput: {
            /** Format: uuid */
            schoolId: string;
            /** Format: uuid */
            serviceId: string;
            seats?: number | null;
            /** Format: date */
            startsOn: string;
            endsOn?: string | null;
            yearlyCostCents?: number | null;
            contractId?: string | null;
            notes?: string;
        };
        UpdateSubscriptionInputInput: {
            /** Format: uuid */
            serviceId?: string;
            seats?: number | null;
            /** Format: date */
            startsOn?: string;
            endsOn?: string | null;
            yearlyCostCents?: number | null;
            contractId?: string | null;
            notes?: string;
        };
        SchoolSubscriptionInput: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            schoolId: string;
            schoolName: string;
            schoolUai: string;
            /** Format: uuid */
            serviceId: string;
            serviceName: string;
            kind: components["schemas"]["DigitalServiceKindInput"];
            serviceArchived: boolean;
            seats: number | null;
            startsOn: string;
            endsOn: string | null;
            yearlyCostCents: number | null;
            contractId: string | null;
            contractReference: string | null;
            notes: string;
            status: components["schemas"]["SubscriptionStatusInput"];
            can: {
                update: boolean;
                delete: boolean;
            };
            createdAt: string;
            updatedAt: string;
        };
        HealthInput: {
            /** @constant */
            status: "ok";
        };
        ReadyInput: {
            /** @constant */
            status: "ready";
            /** @enum {string} */
            database: "pglite" | "postgres";
            migrations: {
                applied: number;
                expected: number;
            };
        };
        PublicInfoInput: {
            organisationName: string | null;
            contactEmail: string | null;
            /** @enum {string} */
            accessibilityStatus: "non_evalue" | "partiel" | "total";
            map: {
                tileUrl: string;
                attribution: string;
            };
            version: string;
        };
        /** @enum {string} */
        TrainingAudienceInput: "teachers" | "families" | "periscolaire" | "technicians";
        /** @enum {string} */
        TrainingStatusInput: "planned" | "held" | "cancelled";
        TrainingMaterialInput: {
            label: string;
            /** Format: uri */
            url: string;
        };
        CreateTrainingSessionInputInput: {
            audience: components["schemas"]["TrainingAudienceInput"];
            topic: string;
            description?: string;
            /** Format: date-time */
            startsAt: string;
            durationMinutes: number;
            schoolId?: string | null;
            roomId?: string | null;
            place?: string | null;
            online?: boolean;
            onlineUrl?: string | null;
            trainer: string;
            capacity?: number | null;
            materials?: components["schemas"]["TrainingMaterialInput"][];
        };
        UpdateTrainingSessionInputInput: {
            topic?: string;
            description?: string;
            /** Format: date-time */
            startsAt?: string;
            durationMinutes?: number;
            schoolId?: string | null;
            roomId?: string | null;
            place?: string | null;
            online?: boolean;
            onlineUrl?: string | null;
            trainer?: string;
            capacity?: number | null;
            materials?: components["schemas"]["TrainingMaterialInput"][];
            /** @enum {string} */
            status?: "planned" | "cancelled";
        };
        TrainingRegistrationInput: {
            /** Format: uuid */
            id: string;
            userId: string | null;
            traineeId: string | null;
            name: string | null;
            schoolId: string | null;
            schoolName: string | null;
            attended: boolean | null;
            createdAt: string;
            can: {
                unregister: boolean;
            };
        };
        TrainingFeedbackSummaryInput: {
            count: number;
            average: number | null;
            distribution: number[];
        };
        TrainingSessionInput: {
            /** Format: uuid */
            id: string;
            audience: components["schemas"]["TrainingAudienceInput"];
            topic: string;
            description: string;
            startsAt: string;
            endsAt: string;
            durationMinutes: number;
            schoolId: string | null;
            schoolName: string | null;
            roomId: string | null;
            roomName: string | null;
            place: string | null;
            online: boolean;
            onlineUrl: string | null;
            trainer: string;
            capacity: number | null;
            materials: components["schemas"]["TrainingMaterialInput"][];
            status: components["schemas"]["TrainingStatusInput"];
            registered: number;
            seatsLeft: number | null;
            attendees: number | null;
            headCount: number | null;
            feedback: components["schemas"]["TrainingFeedbackSummaryInput"];
            registeredSelf: boolean;
            can: {
                update: boolean;
                delete: boolean;
                register: boolean;
                recordAttendance: boolean;
                giveFeedback: boolean;
            };
            createdAt: string;
            updatedAt: string;
        };
        TrainingSessionDetailInput: {
            /** Format: uuid */
            id: string;
            audience: components["schemas"]["TrainingAudienceInput"];
            topic: string;
            description: string;
            startsAt: string;
            endsAt: string;
            durationMinutes: number;
            schoolId: string | null;
            schoolName: string | null;
            roomId: string | null;
            roomName: string | null;
            place: string | null;
            online: boolean;
            onlineUrl: string | null;
            trainer: string;
            capacity: number | null;
            materials: components["schemas"]["TrainingMaterialInput"][];
            status: components["schemas"]["TrainingStatusInput"];
            registered: number;
            seatsLeft: number | null;
            attendees: number | null;
            headCount: number | null;
            feedback: components["schemas"]["TrainingFeedbackSummaryInput"];
            registeredSelf: boolean;
            can: {
                update: boolean;
                delete: boolean;
                register: boolean;
                recordAttendance: boolean;
                giveFeedback: boolean;
            };
            createdAt: string;
            updatedAt: string;
            registrations: components["schemas"]["TrainingRegistrationInput"][];
        };
        CreateTrainingRegistrationInputInput: {
            /** Format: uuid */
            userId?: string;
            name?: string;
            /** Format: uuid */
            schoolId?: string;
        };
        TrainingAttendanceInputInput: {
            entries?: {
                /** Format: uuid */
                registrationId: string;
                attended: boolean;
            }[];
            headCount?: number;
        };
        TrainingFeedbackInputInput: {
            scores: number[];
        };
        TrainedTeachersBySchoolInput: {
            /** Format: uuid */
            schoolId: string;
            uai: string;
            name: string;
            teachers: number | null;
            trained: number;
            shareBp: number | null;
        };
        TrainedTeachersReportInput: {
            on: string;
            windowStart: string;
            schools: components["schemas"]["TrainedTeachersBySchoolInput"][];
        };
        UserInput: {
            /** Format: uuid */
            id: string;
            email: string;
            displayName: string;
            roles: ("admin" | "manager" | "technician" | "finance" | "director" | "teacher" | "periscolaire" | "auditor")[];
            active: boolean;
            /** @enum {string} */
            locale: "fr" | "en";
            schools: {
                /** Format: uuid */
                id: string;
                uai: string;
                name: string;
            }[];
            hasPassword: boolean;
            lastLoginAt: string | null;
            createdAt: string;
            can: {
                update: boolean;
                setPassword: boolean;
            };
        };
        CreateUserInputInput: {
            /** Format: email */
            email: string;
            displayName: string;
            roles: ("admin" | "manager" | "technician" | "finance" | "director" | "teacher" | "periscolaire" | "auditor")[];
            /**
             * @default fr
             * @enum {string}
             */
            locale: "fr" | "en";
            /** @default [] */
            schoolIds: string[];
            password?: string;
        };
        UpdateUserInputInput: {
            displayName?: string;
            roles?: ("admin" | "manager" | "technician" | "finance" | "director" | "teacher" | "periscolaire" | "auditor")[];
            /** @enum {string} */
            locale?: "fr" | "en";
            active?: boolean;
            schoolIds?: string[];
        };
        SetPasswordInputInput: {
            password: string;
        };
        UserListInput: {
            items: components["schemas"]["UserInput"][];
            total: number;
        };
        /** @description RFC 9457 problem details */
        Problem: {
            type: string;
            title: string;
            status: number;
            code: string;
            detail: string;
            instance?: string;
            requestId: string;
            errors?: {
                path: string;
                message: string;
                code?: string;
            }[];
            retryAfter?: number;
            organisations?: {
                slug: string;
                name: string;
            }[];
            report?: unknown;
            allowed?: string[];
            currentVersion?: number;
            conflict?: {
                date: string;
                startsAt: string;
                endsAt: string;
                bookingId: string | null;
            };
        };
        SaveMailSettingsInput: {
            host: string;
            port: number;
            /** @enum {string} */
            security: "tls" | "starttls" | "none";
            username?: string | null;
            password?: string | null;
            /** Format: email */
            from: string;
            replyTo?: string | null;
        };
        MailSettings: {
            /** @enum {string} */
            source: "organisation" | "environment" | "none";
            host: string | null;
            port: number | null;
            security: ("tls" | "starttls" | "none") | null;
            username: string | null;
            passwordSet: boolean;
            from: string | null;
            replyTo: string | null;
            updatedAt: string | null;
        };
        TestMailInput: {
            /** Format: email */
            to?: string;
        };
        TestMailResult: {
            /** @constant */
            status: "sent";
            to: string;
            messageId: string | null;
        };
        MailLogEntry: {
            /** Format: uuid */
            id: string;
            template: string;
            recipient: string | null;
            household: string | null;
            loanId: string | null;
            subject: string;
            /** @enum {string} */
            status: "sending" | "sent" | "failed";
            attempts: number;
            error: string | null;
            createdAt: string;
            sentAt: string | null;
        };
        AuditEvent: {
            seq: number;
            occurredAt: string;
            actorUserId: string | null;
            actorName: string | null;
            actorKind: string;
            action: string;
            entityType: string;
            entityId: string | null;
            before: unknown;
            after: unknown;
            requestId: string | null;
            hash: string;
        };
        AuditPage: {
            items: components["schemas"]["AuditEvent"][];
            nextBefore: number | null;
        };
        AuditVerification: {
            ok: boolean;
            events: number;
            firstBreak: {
                seq: number;
                reason: string;
            } | null;
        };
        LoginInput: {
            /** Format: email */
            email: string;
            password: string;
            organisation?: string;
        };
        ChangePasswordInput: {
            currentPassword: string;
            newPassword: string;
        };
        Me: {
            user: {
                /** Format: uuid */
                id: string;
                email: string;
                displayName: string;
                /** @enum {string} */
                locale: "fr" | "en";
                roles: ("admin" | "manager" | "technician" | "finance" | "director" | "teacher" | "periscolaire" | "auditor")[];
            };
            organisation: {
                /** Format: uuid */
                id: string;
                name: string;
                slug: string;
            };
            schools: {
                /** Format: uuid */
                id: string;
                uai: string;
                name: string;
            }[];
            /** @enum {string} */
            schoolScope: "all" | "attached";
            permissions: ("organisation.read" | "organisation.manage" | "users.read" | "users.manage" | "audit.read" | "audit.verify" | "tokens.manage" | "schools.read" | "schools.manage" | "schools.import" | "schools.classes.manage" | "schools.rooms.manage" | "schools.network.manage" | "inventory.read" | "inventory.manage" | "inventory.catalogue" | "inventory.import" | "inventory.audit" | "loans.request" | "loans.read" | "loans.approve" | "loans.allocate" | "loans.handover" | "loans.incidents" | "loans.location" | "loans.campaigns" | "loans.messages" | "loans.settings" | "loans.rights" | "funding.read" | "funding.manage" | "services.read" | "services.manage" | "baseline.read" | "baseline.override" | "baseline.grid" | "baseline.plan" | "training.read" | "training.manage" | "training.register" | "bookings.read" | "bookings.create" | "bookings.manage" | "helpdesk.open" | "helpdesk.read" | "helpdesk.manage")[];
            /** @enum {string} */
            via: "session" | "token";
            csrfToken: string | null;
        };
        UpdateMeInput: {
            displayName?: string;
            /** @enum {string} */
            locale?: "fr" | "en";
        };
        CreateApiTokenInput: {
            name: string;
            /** Format: date-time */
            expiresAt?: string;
        };
        ApiToken: {
            /** Format: uuid */
            id: string;
            name: string;
            prefix: string;
            createdAt: string;
            lastUsedAt: string | null;
            expiresAt: string | null;
            revokedAt: string | null;
        };
        NewApiToken: {
            /** Format: uuid */
            id: string;
            name: string;
            prefix: string;
            createdAt: string;
            lastUsedAt: string | null;
            expiresAt: string | null;
            revokedAt: string | null;
            token: string;
        };
        CreateSchoolInput: {
            uai: unknown;
            name: string;
            usualName?: string | null;
            /** @enum {string} */
            kind: "maternelle" | "elementaire" | "primaire" | "application";
            /**
             * @default public
             * @enum {string}
             */
            sector: "public" | "private";
            address?: string | null;
            postcode?: string | null;
            communeCode?: string | null;
            communeName?: string | null;
            latitude?: number | null;
            longitude?: number | null;
            /**
             * @default none
             * @enum {string}
             */
            priorityEducation: "none" | "REP" | "REP+";
            circonscriptionCode?: string | null;
            circonscriptionName?: string | null;
            ips?: number | null;
            ipsYear?: string | null;
            openedOn?: string | null;
            schoolGroup?: string | null;
        };
        UpdateSchoolInput: {
            name?: string;
            usualName?: string | null;
            /** @enum {string} */
            kind?: "maternelle" | "elementaire" | "primaire" | "application";
            /** @enum {string} */
            sector?: "public" | "private";
            address?: string | null;
            postcode?: string | null;
            communeCode?: string | null;
            communeName?: string | null;
            latitude?: number | null;
            longitude?: number | null;
            /** @enum {string} */
            priorityEducation?: "none" | "REP" | "REP+";
            circonscriptionCode?: string | null;
            circonscriptionName?: string | null;
            ips?: number | null;
            ipsYear?: string | null;
            openedOn?: string | null;
            schoolGroup?: string | null;
        };
        CloseSchoolInput: {
            /** Format: date */
            closedOn: string;
        };
        SchoolSummary: {
            /** Format: uuid */
            id: string;
            uai: string;
            name: string;
            usualName: string | null;
            /** @enum {string} */
            kind: "maternelle" | "elementaire" | "primaire" | "application";
            /** @enum {string} */
            sector: "public" | "private";
            communeCode: string | null;
            communeName: string | null;
            /** @enum {string} */
            priorityEducation: "none" | "REP" | "REP+";
            circonscriptionName: string | null;
            latitude: number | null;
            longitude: number | null;
            ips: number | null;
            /** @enum {string} */
            status: "open" | "closing" | "closed";
            year: number | null;
            pupils: number | null;
            classesCount: number | null;
        };
        SchoolList: {
            items: components["schemas"]["SchoolSummary"][];
            total: number;
        };
        SchoolNetwork: {
            internetAccess: ("fibre" | "vdsl" | "adsl" | "cable" | "4g_5g" | "satellite" | "other" | "none") | null;
            bandwidthDownMbps: number | null;
            bandwidthUpMbps: number | null;
            wiredNetwork: ("yes" | "partial" | "no") | null;
            wifiPresent: boolean | null;
            conseilEcoleInformedOn: string | null;
            notes: string | null;
            updatedAt: string | null;
        };
        UpdateNetworkInput: {
            internetAccess?: ("fibre" | "vdsl" | "adsl" | "cable" | "4g_5g" | "satellite" | "other" | "none") | null;
            bandwidthDownMbps?: number | null;
            bandwidthUpMbps?: number | null;
            wiredNetwork?: ("yes" | "partial" | "no") | null;
            wifiPresent?: boolean | null;
            conseilEcoleInformedOn?: string | null;
            notes?: string | null;
        };
        SchoolYear: {
            year: number;
            pupils: number | null;
            classesCount: number | null;
            pupilsByLevel: {
                [key: string]: number;
            };
            source: string;
        };
        School: {
            /** Format: uuid */
            id: string;
            uai: string;
            name: string;
            usualName: string | null;
            /** @enum {string} */
            kind: "maternelle" | "elementaire" | "primaire" | "application";
            /** @enum {string} */
            sector: "public" | "private";
            communeCode: string | null;
            communeName: string | null;
            /** @enum {string} */
            priorityEducation: "none" | "REP" | "REP+";
            circonscriptionName: string | null;
            latitude: number | null;
            longitude: number | null;
            ips: number | null;
            /** @enum {string} */
            status: "open" | "closing" | "closed";
            year: number | null;
            pupils: number | null;
            classesCount: number | null;
            address: string | null;
            postcode: string | null;
            circonscriptionCode: string | null;
            ipsYear: string | null;
            openedOn: string | null;
            closedOn: string | null;
            closingAnnounced: boolean;
            schoolGroup: string | null;
            source: string;
            network: components["schemas"]["SchoolNetwork"];
            years: components["schemas"]["SchoolYear"][];
            createdAt: string;
            updatedAt: string;
            can: {
                update: boolean;
                close: boolean;
                manageClasses: boolean;
                manageRooms: boolean;
                manageNetwork: boolean;
            };
        };
        SchoolClass: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            schoolId: string;
            year: number;
            name: string;
            levels: ("TPS" | "PS" | "MS" | "GS" | "CP" | "CE1" | "CE2" | "CM1" | "CM2")[];
            pupils: number | null;
            ulis: boolean;
            roomId: string | null;
            roomName: string | null;
            generated: boolean;
        };
        CreateClassInput: {
            year?: number;
            name: string;
            levels: ("TPS" | "PS" | "MS" | "GS" | "CP" | "CE1" | "CE2" | "CM1" | "CM2")[];
            pupils?: number | null;
            /** @default false */
            ulis: boolean;
            roomId?: string | null;
        };
        UpdateClassInput: {
            name?: string;
            levels?: ("TPS" | "PS" | "MS" | "GS" | "CP" | "CE1" | "CE2" | "CM1" | "CM2")[];
            pupils?: number | null;
            ulis?: boolean;
            roomId?: string | null;
        };
        Room: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            schoolId: string;
            buildingId: string | null;
            buildingName: string | null;
            name: string;
            /** @enum {string} */
            kind: "classroom" | "computer_room" | "library" | "staff_room" | "office" | "technical" | "periscolaire" | "other";
            floor: string | null;
            notes: string | null;
            archived: boolean;
            currentClass: {
                /** Format: uuid */
                id: string;
                name: string;
            } | null;
        };
        CreateRoomInput: {
            name: string;
            /**
             * @default classroom
             * @enum {string}
             */
            kind: "classroom" | "computer_room" | "library" | "staff_room" | "office" | "technical" | "periscolaire" | "other";
            buildingId?: string | null;
            floor?: string | null;
            notes?: string | null;
        };
        UpdateRoomInput: {
            name?: string;
            /** @enum {string} */
            kind?: "classroom" | "computer_room" | "library" | "staff_room" | "office" | "technical" | "periscolaire" | "other";
            buildingId?: string | null;
            floor?: string | null;
            notes?: string | null;
            archived?: boolean;
        };
        Building: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            schoolId: string;
            name: string;
        };
        CreateBuildingInput: {
            name: string;
        };
        SchoolImportReport: {
            /** @enum {string} */
            format: "annuaire" | "effectifs" | "ips" | "socle";
            encoding: string;
            rowsRead: number;
            created: number;
            updated: number;
            unchanged: number;
            yearsWritten: number;
            rejected: {
                line: number;
                column: string;
                reason: string;
                value?: string;
            }[];
            skipped: {
                [key: string]: number;
            };
            dryRun: boolean;
            written: boolean;
        };
        SchoolOption: {
            /** Format: uuid */
            id: string;
            uai: string;
            name: string;
        };
        SchoolMapPoint: {
            /** Format: uuid */
            id: string;
            uai: string;
            name: string;
            /** @enum {string} */
            kind: "maternelle" | "elementaire" | "primaire" | "application";
            /** @enum {string} */
            priorityEducation: "none" | "REP" | "REP+";
            latitude: number;
            longitude: number;
        };
        SchoolFacets: {
            kinds: {
                value: string;
                label: string | null;
                count: number;
            }[];
            priorityEducation: {
                value: string;
                label: string | null;
                count: number;
            }[];
            circonscriptions: {
                value: string;
                label: string | null;
                count: number;
            }[];
            communes: {
                value: string;
                label: string | null;
                count: number;
            }[];
        };
        CreateProgrammeInput: {
            name: string;
            description?: string;
            objectives?: string;
            /** Format: date */
            periodStart: string;
            /** Format: date */
            periodEnd: string;
            archiveUntil?: string | null;
            completedOn?: string | null;
            schoolIds?: string[];
        };
        UpdateProgrammeInput: {
            name?: string;
            description?: string;
            objectives?: string;
            /** Format: date */
            periodStart?: string;
            /** Format: date */
            periodEnd?: string;
            archiveUntil?: string | null;
            completedOn?: string | null;
            schoolIds?: string[];
        };
        FundingProgramme: {
            /** Format: uuid */
            id: string;
            name: string;
            description: string;
            objectives: string;
            periodStart: string;
            periodEnd: string;
            archiveUntil: string | null;
            completedOn: string | null;
            schoolIds: string[];
            createdAt: string;
            updatedAt: string;
        };
        CreateCostItemInput: {
            code: string;
            /** @enum {string} */
            kind: "equipment" | "infrastructure_works" | "services_resources" | "training" | "communication" | "other";
            label: string;
            position?: number;
            budgetCents?: number;
        };
        UpdateCostItemInput: {
            code?: string;
            /** @enum {string} */
            kind?: "equipment" | "infrastructure_works" | "services_resources" | "training" | "communication" | "other";
            label?: string;
            position?: number;
            budgetCents?: number;
        };
        FundingCostItem: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            programmeId: string;
            code: string;
            /** @enum {string} */
            kind: "equipment" | "infrastructure_works" | "services_resources" | "training" | "communication" | "other";
            label: string;
            position: number;
            budgetCents: number;
        };
        CreateFunderInput: {
            name: string;
            /** @enum {string} */
            kind: "eu_feder" | "eu_react" | "state_snee" | "state_dsil" | "departement" | "region" | "own_funds" | "other";
        };
        UpdateFunderInput: {
            name?: string;
            /** @enum {string} */
            kind?: "eu_feder" | "eu_react" | "state_snee" | "state_dsil" | "departement" | "region" | "own_funds" | "other";
        };
        Funder: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @enum {string} */
            kind: "eu_feder" | "eu_react" | "state_snee" | "state_dsil" | "departement" | "region" | "own_funds" | "other";
        };
        RateRule: {
            /** @constant */
            kind: "flat";
            rateBp: number;
        } | {
            /** @constant */
            kind: "tiered";
            /** @enum {string} */
            mode: "per_tranche" | "whole_amount";
            tiers: {
                upToCents: number | null;
                rateBp: number;
            }[];
        };
        FundingCaps: {
            totalCents?: number | null;
            perClassCents?: number | null;
            perPupilCents?: number | null;
            perSchoolCents?: number | null;
        };
        CreateConventionInput: {
            /** Format: uuid */
            funderId: string;
            reference: string;
            signedOn?: string | null;
            eligibleFrom?: string | null;
            eligibleTo?: string | null;
            eligibleCostItemIds?: string[] | null;
            rateRule: components["schemas"]["RateRule"];
            caps?: components["schemas"]["FundingCaps"];
            advanceCents?: number;
            instalmentCapBp?: number;
            ownShareMinBp?: number;
            publicityText?: string;
            publicityFlags?: {
                [key: string]: boolean;
            };
            rank: number;
        };
        UpdateConventionInput: {
            reference?: string;
            signedOn?: string | null;
            eligibleFrom?: string | null;
            eligibleTo?: string | null;
            eligibleCostItemIds?: string[] | null;
            rateRule?: components["schemas"]["RateRule"];
            caps?: components["schemas"]["FundingCaps"];
            advanceCents?: number;
            instalmentCapBp?: number;
            ownShareMinBp?: number;
            publicityText?: string;
            publicityFlags?: {
                [key: string]: boolean;
            };
            rank?: number;
        };
        FundingConvention: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            programmeId: string;
            /** Format: uuid */
            funderId: string;
            funderName: string;
            /** @enum {string} */
            funderKind: "eu_feder" | "eu_react" | "state_snee" | "state_dsil" | "departement" | "region" | "own_funds" | "other";
            reference: string;
            signedOn: string | null;
            eligibleFrom: string | null;
            eligibleTo: string | null;
            eligibleCostItemIds: string[] | null;
            rateRule: components["schemas"]["RateRule"];
            caps: {
                totalCents: number | null;
                perClassCents: number | null;
                perPupilCents: number | null;
                perSchoolCents: number | null;
            };
            advanceCents: number;
            instalmentCapBp: number;
            ownShareMinBp: number;
            publicityText: string;
            publicityFlags: {
                [key: string]: boolean;
            };
            rank: number;
        };
        CreateSupplierInput: {
            name: string;
            siret: string;
        };
        UpdateSupplierInput: {
            name?: string;
            siret?: string;
        };
        Supplier: {
            /** Format: uuid */
            id: string;
            name: string;
            siret: string;
            generated: boolean;
        };
        CreateExpenseLineInput: {
            /** Format: uuid */
            costItemId: string;
            /** Format: uuid */
            supplierId: string;
            invoiceNumber: string;
            /** Format: date */
            invoiceDate: string;
            description?: string;
            htCents: number;
            vatCents: number;
            ttcCents: number;
            paidOn?: string | null;
            mandateNumber?: string | null;
            /** @enum {string} */
            eligibility?: "eligible" | "partly" | "not_eligible";
            eligibleCents?: number | null;
            eligibilityReason?: string | null;
            schools?: {
                /** Format: uuid */
                schoolId: string;
                amountCents: number;
            }[];
        };
        UpdateExpenseLineInput: {
            /** Format: uuid */
            costItemId?: string;
            /** Format: uuid */
            supplierId?: string;
            invoiceNumber?: string;
            /** Format: date */
            invoiceDate?: string;
            description?: string;
            htCents?: number;
            vatCents?: number;
            ttcCents?: number;
            paidOn?: string | null;
            mandateNumber?: string | null;
            /** @enum {string} */
            eligibility?: "eligible" | "partly" | "not_eligible";
            eligibleCents?: number | null;
            eligibilityReason?: string | null;
            schools?: {
                /** Format: uuid */
                schoolId: string;
                amountCents: number;
            }[];
        };
        ExpenseLine: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            programmeId: string;
            /** Format: uuid */
            costItemId: string;
            /** Format: uuid */
            supplierId: string;
            supplierName: string;
            supplierSiret: string;
            invoiceNumber: string;
            invoiceDate: string;
            description: string;
            htCents: number;
            vatCents: number;
            ttcCents: number;
            paidOn: string | null;
            mandateNumber: string | null;
            /** @enum {string} */
            eligibility: "eligible" | "partly" | "not_eligible";
            eligibleCents: number;
            eligibilityReason: string | null;
            invoiceId: string | null;
            invoiceLineId: string | null;
            generated: boolean;
            schools: {
                /** Format: uuid */
                schoolId: string;
                amountCents: number;
            }[];
        };
        ExpenseLineList: {
            items: components["schemas"]["ExpenseLine"][];
            total: number;
        };
        FundingShares: {
            /** Format: uuid */
            programmeId: string;
            eligibleCents: number;
            ownerCents: number;
            publicAidCents: number;
            funders: {
                /** Format: uuid */
                conventionId: string;
                /** Format: uuid */
                funderId: string;
                funderName: string;
                /** @enum {string} */
                funderKind: "eu_feder" | "eu_react" | "state_snee" | "state_dsil" | "departement" | "region" | "own_funds" | "other";
                rank: number;
                baseCents: number;
                aidCents: number;
            }[];
            costItems: {
                /** Format: uuid */
                costItemId: string;
                code: string;
                label: string;
                eligibleCents: number;
                shares: {
                    /** Format: uuid */
                    conventionId: string;
                    cents: number;
                }[];
                ownerCents: number;
            }[];
            lines: {
                /** Format: uuid */
                lineId: string;
                /** Format: uuid */
                costItemId: string;
                eligibleCents: number;
                shares: {
                    /** Format: uuid */
                    conventionId: string;
                    cents: number;
                }[];
                ownerCents: number;
            }[];
            linesTotal: number;
            linesPage: {
                limit: number;
                offset: number;
            };
            checks: {
                ownShare: {
                    ok: boolean;
                    minBp: number;
                    ownerBp: number | null;
                };
                linesOver100: number;
                addsUp: boolean;
            };
            basis: {
                schools: number;
                classes: number;
                pupils: number;
            };
        };
        FundingBudget: {
            /** Format: uuid */
            programmeId: string;
            totals: {
                plannedCents: number;
                orderedCents: number;
                invoicedCents: number;
                paidCents: number;
                eligibleCents: number;
                claimedCents: number;
                acceptedCents: number;
                receivedCents: number;
                lines: number;
            };
            costItems: {
                /** Format: uuid */
                costItemId: string;
                code: string;
                label: string;
                /** @enum {string} */
                kind: "equipment" | "infrastructure_works" | "services_resources" | "training" | "communication" | "other";
                plannedCents: number;
                orderedCents: number;
                invoicedCents: number;
                paidCents: number;
                eligibleCents: number;
                lines: number;
            }[];
            unassignedOrderedCents: number;
            funders: {
                /** Format: uuid */
                conventionId: string;
                /** Format: uuid */
                funderId: string;
                funderName: string;
                /** @enum {string} */
                funderKind: "eu_feder" | "eu_react" | "state_snee" | "state_dsil" | "departement" | "region" | "own_funds" | "other";
                aidCents: number;
                paidSharesCents: number;
                claimedCents: number;
                acceptedCents: number;
                receivedCents: number;
            }[];
            owner: {
                cents: number;
                paidSharesCents: number;
            };
            schools: {
                schoolId: string | null;
                uai: string | null;
                name: string | null;
                invoicedCents: number;
                paidCents: number;
                eligibleCents: number;
            }[];
            timeline: {
                month: string;
                orderedCents: number;
                invoicedCents: number;
                paidCents: number;
                claimedCents: number;
                receivedCents: number;
            }[];
        };
        /** @enum {string} */
        BaselineStatus: "met" | "partly" | "missing" | "unknown";
        BaselineGridBody: {
            name: string;
            schoolKinds: ("maternelle" | "elementaire" | "primaire" | "application")[];
            criteria: {
                key: string;
                labelFr: string;
                labelEn: string;
                weight: number;
                /** @description Needed for the socle (otherwise only scored) */
                required: boolean;
                rule: {
                    /** @constant */
                    kind: "class_device";
                    roles: ("projection" | "teacher_computer" | "pupil_device" | "desktop" | "document_camera" | "network_ap" | "network_switch" | "server" | "printer" | "cart" | "hotspot" | "accessory" | "other")[];
                    /** @description Category bought to close the gap */
                    gapCategory: string;
                } | {
                    /** @constant */
                    kind: "pupil_devices";
                    devicesPer4Classes: number;
                    /** @description Devices lent to families still count towards the pool */
                    countOnLoan: boolean;
                    requireCart: boolean;
                    requireMdm: boolean;
                    gapCategory: string;
                    cartCategory: string;
                    cartCapacity: number;
                    mdmCostPerDeviceCents: number;
                } | {
                    /** @constant */
                    kind: "internet";
                    minDownMbps: number;
                    upgradeCostCents: number;
                } | {
                    /** @constant */
                    kind: "wifi";
                    classesPerAccessPoint: number;
                    requireSwitchableOff: boolean;
                    gapCategory: string;
                    switchRetrofitCostCents: number;
                } | {
                    /** @constant */
                    kind: "service";
                    serviceKinds: ("ent" | "cloud" | "school_server" | "resources" | "software" | "mdm" | "filtering" | "other")[];
                    /** @enum {string} */
                    mode: "any" | "all";
                    serverCounts: boolean;
                    /** @description Yearly cost when the catalogue has no price for the kind */
                    fallbackCostCents: number;
                } | {
                    /** @constant */
                    kind: "training";
                    minShareBp: number;
                    costPerTeacherCents: number;
                };
            }[];
            note?: string;
            preset?: string | null;
        };
        BaselineGrid: {
            version: number;
            name: string;
            preset: string | null;
            schoolKinds: ("maternelle" | "elementaire" | "primaire" | "application")[];
            criteria: {
                key: string;
                labelFr: string;
                labelEn: string;
                weight: number;
                /** @description Needed for the socle (otherwise only scored) */
                required: boolean;
                rule: {
                    /** @constant */
                    kind: "class_device";
                    roles: ("projection" | "teacher_computer" | "pupil_device" | "desktop" | "document_camera" | "network_ap" | "network_switch" | "server" | "printer" | "cart" | "hotspot" | "accessory" | "other")[];
                    /** @description Category bought to close the gap */
                    gapCategory: string;
                } | {
                    /** @constant */
                    kind: "pupil_devices";
                    devicesPer4Classes: number;
                    /** @description Devices lent to families still count towards the pool */
                    countOnLoan: boolean;
                    requireCart: boolean;
                    requireMdm: boolean;
                    gapCategory: string;
                    cartCategory: string;
                    cartCapacity: number;
                    mdmCostPerDeviceCents: number;
                } | {
                    /** @constant */
                    kind: "internet";
                    minDownMbps: number;
                    upgradeCostCents: number;
                } | {
                    /** @constant */
                    kind: "wifi";
                    classesPerAccessPoint: number;
                    requireSwitchableOff: boolean;
                    gapCategory: string;
                    switchRetrofitCostCents: number;
                } | {
                    /** @constant */
                    kind: "service";
                    serviceKinds: ("ent" | "cloud" | "school_server" | "resources" | "software" | "mdm" | "filtering" | "other")[];
                    /** @enum {string} */
                    mode: "any" | "all";
                    serverCounts: boolean;
                    /** @description Yearly cost when the catalogue has no price for the kind */
                    fallbackCostCents: number;
                } | {
                    /** @constant */
                    kind: "training";
                    minShareBp: number;
                    costPerTeacherCents: number;
                };
                /** @enum {string} */
                level: "class" | "school";
            }[];
            note: string;
            createdAt: string | null;
            createdBy: string | null;
            /** @description false: no grid saved yet, the SNEE 2021 preset applies (version 0) */
            stored: boolean;
        };
        BaselineGridVersion: {
            version: number;
            name: string;
            preset: string | null;
            note: string;
            createdAt: string;
            createdBy: string | null;
            criteria: number;
        };
        BaselineSchoolRow: {
            /** Format: uuid */
            id: string;
            uai: string;
            name: string;
            kind: string;
            /** @enum {string} */
            priorityEducation: "none" | "REP" | "REP+";
            ips: number | null;
            circonscription: string | null;
            latitude: number | null;
            longitude: number | null;
            pupils: number | null;
            year: number | null;
            inScope: boolean;
            atSocle: boolean;
            scorePct: number;
            classesTotal: number;
            classesAtSocle: number;
            pupilsAtSocle: number;
            criteria: {
                key: string;
                /** @enum {string} */
                level: "class" | "school";
                status: components["schemas"]["BaselineStatus"];
                overridden: boolean;
                classes: {
                    met: number;
                    partly: number;
                    missing: number;
                    unknown: number;
                } | null;
            }[];
            gapCents: number;
            gapComplete: boolean;
            pupilDevices: number;
            devicesPerPupil: number | null;
            equipmentAgeYears: number | null;
        };
        BaselineCompliance: {
            grid: {
                version: number;
                name: string;
                stored: boolean;
            };
            on: string;
            criteria: {
                key: string;
                labelFr: string;
                labelEn: string;
                /** @enum {string} */
                level: "class" | "school";
                required: boolean;
                weight: number;
            }[];
            totals: {
                schools: number;
                atSocle: number;
                classes: number;
                classesAtSocle: number;
                pupils: number;
                pupilsAtSocle: number;
                outOfScope: number;
                gapCents: number;
                byKind: {
                    kind: string;
                    schools: number;
                    atSocle: number;
                    classes: number;
                    classesAtSocle: number;
                    pupils: number;
                    pupilsAtSocle: number;
                }[];
                byPriority: {
                    /** @enum {string} */
                    priority: "none" | "REP" | "REP+";
                    schools: number;
                    atSocle: number;
                    classes: number;
                    classesAtSocle: number;
                    pupils: number;
                    pupilsAtSocle: number;
                }[];
            };
            schools: components["schemas"]["BaselineSchoolRow"][];
        };
        BaselineOverride: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            schoolId: string;
            classId: string | null;
            criterionKey: string;
            /** @enum {string} */
            status: "met" | "partly" | "missing";
            justification: string;
            evidence: string;
            expiresOn: string | null;
            recordedBy: string | null;
            createdAt: string;
            updatedAt: string;
        };
        BaselineCriterionResult: {
            key: string;
            /** @enum {string} */
            level: "class" | "school";
            status: components["schemas"]["BaselineStatus"];
            computedStatus: components["schemas"]["BaselineStatus"];
            override: {
                /** Format: uuid */
                id: string;
                classId: string | null;
                criterionKey: string;
                /** @enum {string} */
                status: "met" | "partly" | "missing";
                justification: string;
                evidence: string;
                expiresOn: string | null;
                updatedAt: string;
            } | null;
            reasons: string[];
            measures: {
                [key: string]: number | string | boolean | null;
            };
            evidence: {
                assets: {
                    /** Format: uuid */
                    id: string;
                    tag: string;
                    categoryCode: string;
                }[];
                subscriptions: {
                    /** Format: uuid */
                    id: string;
                    serviceName: string;
                    kind: string;
                }[];
            };
        };
        BaselineGapItem: {
            criterionKey: string;
            classId: string | null;
            label: string;
            /** @enum {string} */
            kind: "equipment" | "service" | "works" | "training";
            categoryCode: string | null;
            quantity: number;
            unitCents: number;
            installCents: number;
            totalCents: number;
        };
        BaselineSchool: {
            grid: {
                version: number;
                name: string;
                stored: boolean;
            };
            on: string;
            criteria: {
                key: string;
                labelFr: string;
                labelEn: string;
                /** @enum {string} */
                level: "class" | "school";
                required: boolean;
                weight: number;
            }[];
            school: components["schemas"]["BaselineSchoolRow"];
            schoolCriteria: components["schemas"]["BaselineCriterionResult"][];
            classes: {
                /** Format: uuid */
                classId: string;
                name: string;
                pupils: number | null;
                roomId: string | null;
                atSocle: boolean;
                criteria: components["schemas"]["BaselineCriterionResult"][];
            }[];
            gap: components["schemas"]["BaselineGapItem"][];
            categories: {
                [key: string]: {
                    nameFr: string;
                    nameEn: string;
                };
            };
        };
        BaselineGap: {
            grid: {
                version: number;
                name: string;
                stored: boolean;
            };
            on: string;
            criteria: {
                key: string;
                labelFr: string;
                labelEn: string;
                /** @enum {string} */
                level: "class" | "school";
                required: boolean;
                weight: number;
            }[];
            categories: {
                [key: string]: {
                    nameFr: string;
                    nameEn: string;
                };
            };
            totals: {
                schools: number;
                gapCents: number;
                complete: boolean;
                byCriterion: {
                    key: string;
                    cents: number;
                }[];
                byKind: {
                    kind: string;
                    cents: number;
                }[];
            };
            schools: {
                /** Format: uuid */
                id: string;
                uai: string;
                name: string;
                classesTotal: number;
                classesAtSocle: number;
                gapCents: number;
                gapComplete: boolean;
                items: {
                    criterionKey: string;
                    classId: string | null;
                    label: string;
                    /** @enum {string} */
                    kind: "equipment" | "service" | "works" | "training";
                    categoryCode: string | null;
                    quantity: number;
                    unitCents: number;
                    installCents: number;
                    totalCents: number;
                    className: string | null;
                }[];
            }[];
        };
        BaselineEquity: {
            grid: {
                version: number;
                name: string;
                stored: boolean;
            };
            on: string;
            groups: {
                /** @enum {string} */
                priority: "none" | "REP" | "REP+";
                schools: number;
                atSocle: number;
                pupils: number;
                pupilDevices: number;
                devicesPerPupil: number | null;
                meanIps: number | null;
                meanScorePct: number | null;
            }[];
            schools: {
                /** Format: uuid */
                id: string;
                uai: string;
                name: string;
                /** @enum {string} */
                priorityEducation: "none" | "REP" | "REP+";
                ips: number | null;
                pupils: number | null;
                pupilDevices: number;
                devicesPerPupil: number | null;
                atSocle: boolean;
                scorePct: number;
                equipmentAgeYears: number | null;
            }[];
        };
        BaselineOverrideBody: {
            /** Format: uuid */
            schoolId: string;
            classId?: string | null;
            criterionKey: string;
            /** @enum {string} */
            status: "met" | "partly" | "missing";
            justification: string;
            evidence: string;
            expiresOn?: string | null;
        };
        BaselinePlanParams: {
            budgetCents: number;
            /**
             * @description The budget caps the spend HT, or the city’s own share
             * @enum {string}
             */
            budgetBasis: "total" | "own_share";
            /** @enum {string} */
            objective: "classes" | "pupils";
            weights: {
                repPlus: number;
                rep: number;
                lowIps: number;
                lowDevices: number;
                oldEquipment: number;
            };
            /** @default [] */
            funders: {
                name: string;
                rules: {
                    equipment?: components["schemas"]["RateRule"];
                    service?: components["schemas"]["RateRule"];
                    works?: components["schemas"]["RateRule"];
                    training?: components["schemas"]["RateRule"];
                };
                caps?: components["schemas"]["FundingCaps"];
            }[];
            /** @description Take the funders from this programme’s conventions */
            programmeId?: string | null;
            period?: {
                /** Format: date */
                start: string;
                /** Format: date */
                end: string;
            } | null;
        };
        BaselineSavePlanBody: {
            name: string;
            input: components["schemas"]["BaselinePlanParams"];
        };
        BaselinePlanPreview: {
            grid: {
                version: number;
                name: string;
                stored: boolean;
            };
            on: string;
            result: {
                params: unknown;
                choices: {
                    /** Format: uuid */
                    schoolId: string;
                    uai: string;
                    name: string;
                    rank: number;
                    /** @enum {string} */
                    decision: "selected" | "over_budget" | "already_at_socle" | "gap_not_priced" | "nothing_to_gain";
                    benefit: number;
                    factors: {
                        repPlus: number;
                        rep: number;
                        lowIps: number;
                        lowDevices: number;
                        oldEquipment: number;
                    };
                    multiplier: number;
                    costCents: number;
                    basisCostCents: number;
                    addedCents: number | null;
                    scorePerThousandEuros: number;
                    items: components["schemas"]["BaselineGapItem"][];
                }[];
                totals: {
                    spendCents: number;
                    aid: {
                        name: string;
                        cents: number;
                    }[];
                    aidCents: number;
                    ownShareCents: number;
                    budgetUsedCents: number;
                    budgetLeftCents: number;
                    classesReached: number;
                    pupilsReached: number;
                    schoolsSelected: number;
                    schoolsLeftOut: number;
                    classesLeftOut: number;
                    schoolsOverBudget: number;
                    byKind: {
                        equipment: number;
                        service: number;
                        works: number;
                        training: number;
                    };
                };
            };
        };
        BaselinePlan: {
            /** Format: uuid */
            id: string;
            name: string;
            gridVersion: number;
            input: unknown;
            createdBy: string | null;
            createdAt: string;
            result: {
                params: unknown;
                choices: {
                    /** Format: uuid */
                    schoolId: string;
                    uai: string;
                    name: string;
                    rank: number;
                    /** @enum {string} */
                    decision: "selected" | "over_budget" | "already_at_socle" | "gap_not_priced" | "nothing_to_gain";
                    benefit: number;
                    factors: {
                        repPlus: number;
                        rep: number;
                        lowIps: number;
                        lowDevices: number;
                        oldEquipment: number;
                    };
                    multiplier: number;
                    costCents: number;
                    basisCostCents: number;
                    addedCents: number | null;
                    scorePerThousandEuros: number;
                    items: components["schemas"]["BaselineGapItem"][];
                }[];
                totals: {
                    spendCents: number;
                    aid: {
                        name: string;
                        cents: number;
                    }[];
                    aidCents: number;
                    ownShareCents: number;
                    budgetUsedCents: number;
                    budgetLeftCents: number;
                    classesReached: number;
                    pupilsReached: number;
                    schoolsSelected: number;
                    schoolsLeftOut: number;
                    classesLeftOut: number;
                    schoolsOverBudget: number;
                    byKind: {
                        equipment: number;
                        service: number;
                        works: number;
                        training: number;
                    };
                };
            };
        };
        BaselinePlanSummary: {
            /** Format: uuid */
            id: string;
            name: string;
            gridVersion: number;
            input: unknown;
            createdBy: string | null;
            createdAt: string;
            totals: {
                spendCents: number;
                aid: {
                    name: string;
                    cents: number;
                }[];
                aidCents: number;
                ownShareCents: number;
                budgetUsedCents: number;
                budgetLeftCents: number;
                classesReached: number;
                pupilsReached: number;
                schoolsSelected: number;
                schoolsLeftOut: number;
                classesLeftOut: number;
                schoolsOverBudget: number;
                byKind: {
                    equipment: number;
                    service: number;
                    works: number;
                    training: number;
                };
            };
        };
        BaselineFundingPreset: {
            key: string;
            funder: {
                name: string;
                rules: {
                    equipment?: components["schemas"]["RateRule"];
                    service?: components["schemas"]["RateRule"];
                    works?: components["schemas"]["RateRule"];
                    training?: components["schemas"]["RateRule"];
                };
                caps?: components["schemas"]["FundingCaps"];
            };
        };
        BaselinePlanOrdersBody: {
            /** Format: uuid */
            supplierId: string;
            contractId?: string | null;
            programmeId?: string | null;
            costItemId?: string | null;
            /** Format: date */
            orderedOn: string;
            number?: string;
        };
        BaselinePlanOrders: {
            orders: {
                /** Format: uuid */
                id: string;
                number: string;
                lines: number;
                htCents: number;
            }[];
            notOrdered: {
                /** Format: uuid */
                schoolId: string;
                label: string;
                kind: string;
                totalCents: number;
            }[];
        };
        /** @enum {string} */
        BookingStatus: "requested" | "confirmed" | "cancelled" | "picked_up" | "returned";
        /** @enum {string} */
        BookableResourceKind: "cart" | "device" | "room";
        BookingSeriesInput: {
            /** Format: date */
            startsOn: string;
            /** Format: date */
            endsOn?: string;
            count?: number;
            weekday: number;
            startTime: string;
            endTime: string;
        };
        CreateBookingInput: {
            resourceKind: components["schemas"]["BookableResourceKind"];
            /** Format: uuid */
            resourceId: string;
            /** Format: uuid */
            classId?: string;
            activity?: string;
            /** Format: date-time */
            startsAt?: string;
            /** Format: date-time */
            endsAt?: string;
            series?: components["schemas"]["BookingSeriesInput"];
            notes?: string;
        };
        CancelBookingInput: {
            series?: boolean;
            reason?: string;
        };
        ReturnBookingInput: {
            /** @default [] */
            tags: string[];
            notes?: string;
        };
        BookableResourceSettingsInput: {
            requiresApproval: boolean;
        };
        Booking: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            schoolId: string;
            schoolName: string;
            seriesId: string | null;
            resource: {
                kind: components["schemas"]["BookableResourceKind"];
                /** Format: uuid */
                id: string;
                label: string;
            };
            classId: string | null;
            className: string | null;
            activity: string | null;
            bookedBy: {
                /** Format: uuid */
                id: string;
                displayName: string;
            };
            startsAt: string;
            endsAt: string;
            status: components["schemas"]["BookingStatus"];
            notes: string;
            pickedUpAt: string | null;
            returnedAt: string | null;
            expectedContents: {
                /** Format: uuid */
                id: string;
                tag: string;
            }[] | null;
            returnCheck: {
                expected: {
                    /** Format: uuid */
                    id: string;
                    tag: string;
                }[];
                scanned: string[];
                missing: {
                    /** Format: uuid */
                    id: string;
                    tag: string;
                }[];
                extra: string[];
            } | null;
            version: number;
            createdAt: string;
            can: {
                approve: boolean;
                cancel: boolean;
                pickUp: boolean;
                return: boolean;
            };
        };
        CreatedBookings: {
            booking: components["schemas"]["Booking"];
            seriesId: string | null;
            occurrences: {
                /** Format: uuid */
                id: string;
                date: string;
                startsAt: string;
                endsAt: string;
            }[];
        };
        BookableResource: {
            kind: components["schemas"]["BookableResourceKind"];
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            schoolId: string;
            label: string;
            requiresApproval: boolean;
            contentsCount: number | null;
        };
        /** @enum {string} */
        BookingFeedKind: "school" | "user";
        CreateBookingFeedInput: {
            kind: components["schemas"]["BookingFeedKind"];
            /** Format: uuid */
            schoolId?: string;
        };
        BookingFeed: {
            /** Format: uuid */
            id: string;
            kind: components["schemas"]["BookingFeedKind"];
            schoolId: string | null;
            createdAt: string;
            lastUsedAt: string | null;
        };
        CreatedBookingFeed: {
            /** Format: uuid */
            id: string;
            kind: components["schemas"]["BookingFeedKind"];
            schoolId: string | null;
            createdAt: string;
            lastUsedAt: string | null;
            url: string;
            token: string;
        };
        FileAttachment: {
            /** Format: uuid */
            id: string;
            name: string;
            mime: string;
            size: number;
            createdAt: string;
        };
        CreateClaimInput: {
            /** Format: uuid */
            conventionId: string;
            /** @enum {string} */
            kind: "advance" | "instalment" | "final";
            periodFrom?: string | null;
            periodTo?: string | null;
            lineIds?: string[];
            advanceCents?: number;
            notes?: string;
        };
        UpdateClaimInput: {
            notes: string;
        };
        ClaimLinesChangeInput: {
            add?: string[];
            remove?: string[];
        };
        SubmitClaimInput: {
            /** Format: date */
            submittedOn: string;
        };
        CheckClaimInput: {
            /** Format: date */
            checkedOn: string;
            lines?: {
                /** Format: uuid */
                lineId: string;
                acceptedCents: number;
                reason?: string | null;
            }[];
            acceptedCents?: number;
        };
        PayClaimInput: {
            receivedCents: number;
            /** Format: date */
            receivedOn: string;
        };
        ClaimReconciliation: {
            aidCents: number;
            justifiedCents: number;
            dueCents: number;
            earlierCents: number;
            balanceCents: number;
        };
        FundingClaim: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            programmeId: string;
            /** Format: uuid */
            conventionId: string;
            conventionReference: string;
            /** Format: uuid */
            funderId: string;
            funderName: string;
            /** @enum {string} */
            funderKind: "eu_feder" | "eu_react" | "state_snee" | "state_dsil" | "departement" | "region" | "own_funds" | "other";
            number: number;
            label: string;
            /** @enum {string} */
            kind: "advance" | "instalment" | "final";
            /** @enum {string} */
            status: "draft" | "submitted" | "checked" | "paid";
            periodFrom: string | null;
            periodTo: string | null;
            lineCount: number;
            eligibleCents: number;
            claimedCents: number;
            acceptedCents: number | null;
            receivedCents: number | null;
            submittedOn: string | null;
            checkedOn: string | null;
            receivedOn: string | null;
            notes: string;
            version: number;
            reconciliation: components["schemas"]["ClaimReconciliation"] | null;
            createdAt: string;
            updatedAt: string;
        };
        FundingClaimLine: {
            position: number;
            /** Format: uuid */
            expenseLineId: string;
            /** Format: uuid */
            costItemId: string;
            costItemCode: string;
            costItemLabel: string;
            supplierName: string;
            supplierSiret: string;
            invoiceId: string | null;
            invoiceNumber: string;
            invoiceDate: string;
            description: string;
            htCents: number;
            vatCents: number;
            ttcCents: number;
            paidOn: string | null;
            mandateNumber: string | null;
            eligibleCents: number;
            aidCents: number;
            acceptedCents: number | null;
            rejectionReason: string | null;
        };
        FundingClaimDetail: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            programmeId: string;
            /** Format: uuid */
            conventionId: string;
            conventionReference: string;
            /** Format: uuid */
            funderId: string;
            funderName: string;
            /** @enum {string} */
            funderKind: "eu_feder" | "eu_react" | "state_snee" | "state_dsil" | "departement" | "region" | "own_funds" | "other";
            number: number;
            label: string;
            /** @enum {string} */
            kind: "advance" | "instalment" | "final";
            /** @enum {string} */
            status: "draft" | "submitted" | "checked" | "paid";
            periodFrom: string | null;
            periodTo: string | null;
            lineCount: number;
            eligibleCents: number;
            claimedCents: number;
            acceptedCents: number | null;
            receivedCents: number | null;
            submittedOn: string | null;
            checkedOn: string | null;
            receivedOn: string | null;
            notes: string;
            version: number;
            reconciliation: components["schemas"]["ClaimReconciliation"] | null;
            createdAt: string;
            updatedAt: string;
            lines: components["schemas"]["FundingClaimLine"][];
            costItems: {
                /** Format: uuid */
                costItemId: string;
                code: string;
                label: string;
                lines: number;
                htCents: number;
                eligibleCents: number;
                aidCents: number;
                acceptedCents: number | null;
            }[];
            totals: {
                htCents: number;
                eligibleCents: number;
                aidCents: number;
                acceptedCents: number | null;
            };
        };
        FundingClaimList: {
            claims: components["schemas"]["FundingClaim"][];
            funders: {
                /** Format: uuid */
                conventionId: string;
                conventionReference: string;
                /** Format: uuid */
                funderId: string;
                funderName: string;
                /** @enum {string} */
                funderKind: "eu_feder" | "eu_react" | "state_snee" | "state_dsil" | "departement" | "region" | "own_funds" | "other";
                aidCents: number;
                instalmentCapCents: number;
                advanceAndInstalmentsCents: number;
                claimedCents: number;
                acceptedCents: number;
                receivedCents: number;
                claimableLines: number;
                claimableCents: number;
            }[];
        };
        FundingClaimableLines: {
            /** Format: uuid */
            conventionId: string;
            aidCents: number;
            instalmentCapCents: number;
            advanceAndInstalmentsCents: number;
            totalAidCents: number;
            items: {
                /** Format: uuid */
                expenseLineId: string;
                /** Format: uuid */
                costItemId: string;
                costItemCode: string;
                costItemLabel: string;
                supplierName: string;
                invoiceNumber: string;
                invoiceDate: string;
                description: string;
                htCents: number;
                eligibleCents: number;
                paidOn: string | null;
                aidCents: number;
            }[];
        };
        CreateIndicatorInput: {
            code: string;
            label: string;
            unit?: string;
            /** @enum {string} */
            source: "schools_equipped" | "classes_equipped" | "devices_deployed" | "pupils_covered" | "teachers_trained" | "co35_capacity" | "manual";
            conventionId?: string | null;
            baseline?: number;
            target: number;
            manualValue?: number | null;
            position?: number;
        };
        UpdateIndicatorInput: {
            code?: string;
            label?: string;
            unit?: string;
            /** @enum {string} */
            source?: "schools_equipped" | "classes_equipped" | "devices_deployed" | "pupils_covered" | "teachers_trained" | "co35_capacity" | "manual";
            conventionId?: string | null;
            baseline?: number;
            target?: number;
            manualValue?: number | null;
            position?: number;
        };
        FundingIndicator: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            programmeId: string;
            conventionId: string | null;
            code: string;
            label: string;
            unit: string;
            /** @enum {string} */
            source: "schools_equipped" | "classes_equipped" | "devices_deployed" | "pupils_covered" | "teachers_trained" | "co35_capacity" | "manual";
            baseline: number;
            target: number;
            manualValue: number | null;
            value: number | null;
            computed: boolean;
            reachedBp: number | null;
            position: number;
        };
        SeedIndicatorsInput: {
            classesTarget?: number;
        };
        CreatePublicityItemInput: {
            /** @enum {string} */
            kind: "website_description" | "a3_poster" | "permanent_plaque" | "billboard" | "communication" | "other";
            label: string;
            required?: boolean;
            dueOn?: string | null;
            doneOn?: string | null;
            evidenceFileId?: string | null;
            evidenceUrl?: string | null;
            notes?: string;
            position?: number;
        };
        UpdatePublicityItemInput: {
            /** @enum {string} */
            kind?: "website_description" | "a3_poster" | "permanent_plaque" | "billboard" | "communication" | "other";
            label?: string;
            required?: boolean;
            dueOn?: string | null;
            doneOn?: string | null;
            evidenceFileId?: string | null;
            evidenceUrl?: string | null;
            notes?: string;
            position?: number;
        };
        FundingPublicityItem: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            programmeId: string;
            /** @enum {string} */
            kind: "website_description" | "a3_poster" | "permanent_plaque" | "billboard" | "communication" | "other";
            label: string;
            required: boolean;
            dueOn: string | null;
            doneOn: string | null;
            evidenceFileId: string | null;
            evidenceUrl: string | null;
            notes: string;
            position: number;
            overdue: boolean;
            dueUnknown: boolean;
        };
        FundingPublicityMentions: {
            euEmblem: boolean;
            mentions: {
                kind: string;
                funderName: string | null;
                fr: string;
                en: string;
            }[];
        };
        /** @description What the family reports through its link */
        FamilyMessageInput: {
            /**
             * @description breakdown, damage, loss, theft, or a question
             * @enum {string}
             */
            category: "breakdown" | "damage" | "loss" | "theft" | "question";
            text: string;
        };
        /** @description The message reached the school (nothing else is told) */
        FamilyMessageReceipt: {
            /** @constant */
            received: true;
            receivedAt: string;
        };
        /** @description A message a family sent through its link */
        LoanMessage: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            loanId: string;
            school: {
                /** Format: uuid */
                id: string;
                uai: string;
                name: string;
            };
            household: {
                /** Format: uuid */
                id: string;
                pseudonym: string;
            };
            /** @enum {string} */
            category: "breakdown" | "damage" | "loss" | "theft" | "question";
            text: string;
            createdAt: string;
            handledAt: string | null;
            handledBy: {
                /** Format: uuid */
                id: string;
                displayName: string;
            } | null;
            can: {
                handle: boolean;
            };
        };
        LoanMessageList: {
            items: components["schemas"]["LoanMessage"][];
            total: number;
            unhandled: number;
        };
        /** @description Mark a message handled (true) or waiting again (false) */
        MarkLoanMessageInput: {
            /** @default true */
            handled: boolean;
        };
        LoanMessageHandled: {
            /** Format: uuid */
            id: string;
            handledAt: string | null;
            handledBy: {
                /** Format: uuid */
                id: string;
                displayName: string;
            } | null;
        };
        /** @enum {string} */
        TicketCategory: "breakdown" | "request" | "network" | "account" | "training";
        /** @enum {string} */
        TicketPriority: "low" | "normal" | "high" | "urgent";
        /** @enum {string} */
        TicketStatus: "new" | "assigned" | "in_progress" | "waiting" | "resolved" | "closed";
        CreateTicketInput: {
            /** Format: uuid */
            schoolId: string;
            roomId?: string | null;
            category: components["schemas"]["TicketCategory"];
            /** @default normal */
            priority: components["schemas"]["TicketPriority"];
            title: string;
            description?: string;
            assetIds?: string[];
        };
        UpdateTicketInput: {
            priority?: components["schemas"]["TicketPriority"];
            category?: components["schemas"]["TicketCategory"];
            title?: string;
            roomId?: string | null;
        };
        AssignTicketInput: {
            /** @description A technician (or manager) reaching the school; null: unassign */
            assigneeId: string | null;
        };
        TicketStatusChangeInput: {
            /** @enum {string} */
            status: "in_progress" | "waiting" | "resolved" | "closed";
            note?: string;
        };
        NewTicketCommentInput: {
            body: string;
            /** @default false */
            internal: boolean;
        };
        ReopenTicketInput: {
            reason: string;
        };
        TicketSatisfactionInput: {
            score: number;
            comment?: string;
        };
        TicketRepairInput: {
            assetIds?: string[];
        };
        FamilyTicketInput: {
            /**
             * @description What is wrong with the lent device (no free text: the ticket holds no family data)
             * @enum {string}
             */
            problem: "does_not_start" | "screen" | "keyboard" | "battery" | "network" | "other";
        };
        /** @description The report reached the helpdesk (nothing else is told) */
        FamilyTicketReceipt: {
            /** @constant */
            received: true;
            receivedAt: string;
        };
        Ticket: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            source: "staff" | "family";
            school: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            room: {
                /** Format: uuid */
                id: string;
                name: string;
            } | null;
            category: components["schemas"]["TicketCategory"];
            priority: components["schemas"]["TicketPriority"];
            status: components["schemas"]["TicketStatus"];
            title: string;
            description: string;
            openedBy: {
                /** Format: uuid */
                id: string;
                displayName: string;
            } | null;
            assignee: {
                /** Format: uuid */
                id: string;
                displayName: string;
            } | null;
            createdAt: string;
            updatedAt: string;
            firstResponseAt: string | null;
            resolvedAt: string | null;
            closedAt: string | null;
            responseDueAt: string | null;
            resolutionDueAt: string | null;
            paused: boolean;
            breached: {
                response: boolean;
                resolution: boolean;
                any: boolean;
            };
            satisfaction: {
                score: number;
                comment: string | null;
                at: string;
            } | null;
            assetCount: number;
            can: {
                manage: boolean;
                comment: boolean;
                commentInternal: boolean;
                reopen: boolean;
                rate: boolean;
                repair: boolean;
                statuses: components["schemas"]["TicketStatus"][];
            };
        };
        TicketComment: {
            /** Format: uuid */
            id: string;
            author: {
                /** Format: uuid */
                id: string;
                displayName: string;
            } | null;
            internal: boolean;
            body: string;
            createdAt: string;
        };
        TicketAsset: {
            /** Format: uuid */
            id: string;
            tag: string;
            status: string;
            model: string;
            sentToRepairAt: string | null;
            backFromRepairAt: string | null;
        };
        TicketDetail: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            source: "staff" | "family";
            school: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            room: {
                /** Format: uuid */
                id: string;
                name: string;
            } | null;
            category: components["schemas"]["TicketCategory"];
            priority: components["schemas"]["TicketPriority"];
            status: components["schemas"]["TicketStatus"];
            title: string;
            description: string;
            openedBy: {
                /** Format: uuid */
                id: string;
                displayName: string;
            } | null;
            assignee: {
                /** Format: uuid */
                id: string;
                displayName: string;
            } | null;
            createdAt: string;
            updatedAt: string;
            firstResponseAt: string | null;
            resolvedAt: string | null;
            closedAt: string | null;
            responseDueAt: string | null;
            resolutionDueAt: string | null;
            paused: boolean;
            breached: {
                response: boolean;
                resolution: boolean;
                any: boolean;
            };
            satisfaction: {
                score: number;
                comment: string | null;
                at: string;
            } | null;
            assetCount: number;
            can: {
                manage: boolean;
                comment: boolean;
                commentInternal: boolean;
                reopen: boolean;
                rate: boolean;
                repair: boolean;
                statuses: components["schemas"]["TicketStatus"][];
            };
            comments: components["schemas"]["TicketComment"][];
            assets: components["schemas"]["TicketAsset"][];
        };
        TicketList: {
            items: components["schemas"]["Ticket"][];
            total: number;
        };
        HelpdeskSettings: {
            sla: {
                urgent: {
                    /** @default 1 */
                    responseHours: number;
                    /** @default 8 */
                    resolutionHours: number;
                };
                high: {
                    /** @default 4 */
                    responseHours: number;
                    /** @default 16 */
                    resolutionHours: number;
                };
                normal: {
                    /** @default 8 */
                    responseHours: number;
                    /** @default 40 */
                    resolutionHours: number;
                };
                low: {
                    /** @default 16 */
                    responseHours: number;
                    /** @default 80 */
                    resolutionHours: number;
                };
            };
            workingHours: {
                /**
                 * @default [
                 *       {
                 *         "from": "08:00",
                 *         "to": "12:00"
                 *       },
                 *       {
                 *         "from": "13:30",
                 *         "to": "17:30"
                 *       }
                 *     ]
                 */
                mon: {
                    from: string;
                    to: string;
                }[];
                /**
                 * @default [
                 *       {
                 *         "from": "08:00",
                 *         "to": "12:00"
                 *       },
                 *       {
                 *         "from": "13:30",
                 *         "to": "17:30"
                 *       }
                 *     ]
                 */
                tue: {
                    from: string;
                    to: string;
                }[];
                /**
                 * @default [
                 *       {
                 *         "from": "08:00",
                 *         "to": "12:00"
                 *       },
                 *       {
                 *         "from": "13:30",
                 *         "to": "17:30"
                 *       }
                 *     ]
                 */
                wed: {
                    from: string;
                    to: string;
                }[];
                /**
                 * @default [
                 *       {
                 *         "from": "08:00",
                 *         "to": "12:00"
                 *       },
                 *       {
                 *         "from": "13:30",
                 *         "to": "17:30"
                 *       }
                 *     ]
                 */
                thu: {
                    from: string;
                    to: string;
                }[];
                /**
                 * @default [
                 *       {
                 *         "from": "08:00",
                 *         "to": "12:00"
                 *       },
                 *       {
                 *         "from": "13:30",
                 *         "to": "17:30"
                 *       }
                 *     ]
                 */
                fri: {
                    from: string;
                    to: string;
                }[];
                /** @default [] */
                sat: {
                    from: string;
                    to: string;
                }[];
                /** @default [] */
                sun: {
                    from: string;
                    to: string;
                }[];
            };
            /** @default [] */
            closedDays: {
                /** Format: date */
                from: string;
                /** Format: date */
                to: string;
                /** @default  */
                label: string;
            }[];
            /** @default 14 */
            reopenDays: number;
        };
        UpdateHelpdeskSettingsInput: {
            sla?: {
                urgent: {
                    /** @default 1 */
                    responseHours: number;
                    /** @default 8 */
                    resolutionHours: number;
                };
                high: {
                    /** @default 4 */
                    responseHours: number;
                    /** @default 16 */
                    resolutionHours: number;
                };
                normal: {
                    /** @default 8 */
                    responseHours: number;
                    /** @default 40 */
                    resolutionHours: number;
                };
                low: {
                    /** @default 16 */
                    responseHours: number;
                    /** @default 80 */
                    resolutionHours: number;
                };
            };
            workingHours?: {
                /**
                 * @default [
                 *       {
                 *         "from": "08:00",
                 *         "to": "12:00"
                 *       },
                 *       {
                 *         "from": "13:30",
                 *         "to": "17:30"
                 *       }
                 *     ]
                 */
                mon: {
                    from: string;
                    to: string;
                }[];
                /**
                 * @default [
                 *       {
                 *         "from": "08:00",
                 *         "to": "12:00"
                 *       },
                 *       {
                 *         "from": "13:30",
                 *         "to": "17:30"
                 *       }
                 *     ]
                 */
                tue: {
                    from: string;
                    to: string;
                }[];
                /**
                 * @default [
                 *       {
                 *         "from": "08:00",
                 *         "to": "12:00"
                 *       },
                 *       {
                 *         "from": "13:30",
                 *         "to": "17:30"
                 *       }
                 *     ]
                 */
                wed: {
                    from: string;
                    to: string;
                }[];
                /**
                 * @default [
                 *       {
                 *         "from": "08:00",
                 *         "to": "12:00"
                 *       },
                 *       {
                 *         "from": "13:30",
                 *         "to": "17:30"
                 *       }
                 *     ]
                 */
                thu: {
                    from: string;
                    to: string;
                }[];
                /**
                 * @default [
                 *       {
                 *         "from": "08:00",
                 *         "to": "12:00"
                 *       },
                 *       {
                 *         "from": "13:30",
                 *         "to": "17:30"
                 *       }
                 *     ]
                 */
                fri: {
                    from: string;
                    to: string;
                }[];
                /** @default [] */
                sat: {
                    from: string;
                    to: string;
                }[];
                /** @default [] */
                sun: {
                    from: string;
                    to: string;
                }[];
            };
            closedDays?: {
                /** Format: date */
                from: string;
                /** Format: date */
                to: string;
                /** @default  */
                label: string;
            }[];
            reopenDays?: number;
        };
        StartInventoryRoundInput: {
            /** @enum {string} */
            scope: "school" | "room" | "cart";
            /** Format: uuid */
            schoolId?: string;
            /** Format: uuid */
            roomId?: string;
            /** Format: uuid */
            cartId?: string;
            notes?: string;
        };
        InventoryScanInput: {
            tags: string[];
        };
        InventoryCorrectionsInput: {
            /** @default false */
            moveUnexpected: boolean;
            /** @default false */
            markMissingLost: boolean;
            /** @constant */
            confirm: true;
        };
        InventoryRound: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            scope: "school" | "room" | "cart";
            place: string;
            schoolId: string | null;
            roomId: string | null;
            cartId: string | null;
            /** @enum {string} */
            status: "open" | "closed" | "cancelled";
            startedAt: string;
            startedBy: string | null;
            closedAt: string | null;
            correctionsAppliedAt: string | null;
            notes: string | null;
            counts: {
                expected: number;
                found: number;
                missing: number;
                unexpected: number;
                unknown: number;
            };
            found: {
                /** Format: uuid */
                id: string;
                tag: string;
                model: string;
                status: string;
                registeredAt: string | null;
            }[];
            missing: {
                /** Format: uuid */
                id: string;
                tag: string;
                model: string;
                status: string;
                registeredAt: string | null;
            }[];
            unexpected: {
                /** Format: uuid */
                id: string;
                tag: string;
                model: string;
                status: string;
                registeredAt: string | null;
            }[];
            unknown: string[];
        };
        InventoryScanResult: {
            results: {
                tag: string;
                /** @enum {string} */
                result: "found" | "unexpected" | "unknown" | "already_scanned";
                asset: {
                    /** Format: uuid */
                    id: string;
                    tag: string;
                    model: string;
                    status: string;
                    registeredAt: string | null;
                } | null;
            }[];
            round: components["schemas"]["InventoryRound"];
        };
        AssetCategory: {
            /** Format: uuid */
            id: string;
            code: string;
            nameFr: string;
            nameEn: string;
            /** @enum {string} */
            role: "projection" | "teacher_computer" | "pupil_device" | "desktop" | "document_camera" | "network_ap" | "network_switch" | "server" | "printer" | "cart" | "hotspot" | "accessory" | "other";
            customFieldsSchema: {
                [key: string]: unknown;
            } | null;
            referencePriceCents: number | null;
            installCostCents: number | null;
            archived: boolean;
        };
        CreateAssetCategoryInput: {
            code: string;
            nameFr: string;
            nameEn: string;
            /**
             * @default other
             * @enum {string}
             */
            role: "projection" | "teacher_computer" | "pupil_device" | "desktop" | "document_camera" | "network_ap" | "network_switch" | "server" | "printer" | "cart" | "hotspot" | "accessory" | "other";
            customFieldsSchema?: {
                /** @constant */
                type: "object";
                properties: {
                    [key: string]: {
                        /** @enum {string} */
                        type: "string" | "number" | "integer" | "boolean";
                        title?: string;
                        enum?: (string | number)[];
                        maxLength?: number;
                        minimum?: number;
                        maximum?: number;
                    };
                };
                required?: string[];
            } | null;
            referencePriceCents?: number | null;
            installCostCents?: number | null;
        };
        UpdateAssetCategoryInput: {
            nameFr?: string;
            nameEn?: string;
            /** @enum {string} */
            role?: "projection" | "teacher_computer" | "pupil_device" | "desktop" | "document_camera" | "network_ap" | "network_switch" | "server" | "printer" | "cart" | "hotspot" | "accessory" | "other";
            customFieldsSchema?: {
                /** @constant */
                type: "object";
                properties: {
                    [key: string]: {
                        /** @enum {string} */
                        type: "string" | "number" | "integer" | "boolean";
                        title?: string;
                        enum?: (string | number)[];
                        maxLength?: number;
                        minimum?: number;
                        maximum?: number;
                    };
                };
                required?: string[];
            } | null;
            referencePriceCents?: number | null;
            installCostCents?: number | null;
            archived?: boolean;
        };
        Manufacturer: {
            /** Format: uuid */
            id: string;
            name: string;
        };
        CreateManufacturerInput: {
            name: string;
        };
        AssetModel: {
            /** Format: uuid */
            id: string;
            name: string;
            modelNumber: string | null;
            category: {
                /** Format: uuid */
                id: string;
                code: string;
                nameFr: string;
                nameEn: string;
                /** @enum {string} */
                role: "projection" | "teacher_computer" | "pupil_device" | "desktop" | "document_camera" | "network_ap" | "network_switch" | "server" | "printer" | "cart" | "hotspot" | "accessory" | "other";
            };
            manufacturer: {
                /** Format: uuid */
                id: string;
                name: string;
            } | null;
            specs: {
                [key: string]: unknown;
            };
            unitPriceCents: number | null;
            installCostCents: number | null;
            expectedLifeYears: number | null;
            archived: boolean;
            assetCount: number;
        };
        CreateAssetModelInput: {
            name: string;
            modelNumber?: string | null;
            /** Format: uuid */
            categoryId: string;
            manufacturerId?: string | null;
            /** @default {} */
            specs: {
                [key: string]: string | number | boolean;
            };
            unitPriceCents?: number | null;
            installCostCents?: number | null;
            expectedLifeYears?: number | null;
        };
        UpdateAssetModelInput: {
            name?: string;
            modelNumber?: string | null;
            /** Format: uuid */
            categoryId?: string;
            manufacturerId?: string | null;
            /** @default {} */
            specs: {
                [key: string]: string | number | boolean;
            };
            unitPriceCents?: number | null;
            installCostCents?: number | null;
            expectedLifeYears?: number | null;
            archived?: boolean;
        };
        StockLocation: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @enum {string} */
            kind: "warehouse" | "technician" | "school_store";
            schoolId: string | null;
            archived: boolean;
        };
        CreateStockLocationInput: {
            name: string;
            /**
             * @default warehouse
             * @enum {string}
             */
            kind: "warehouse" | "technician" | "school_store";
            schoolId?: string | null;
        };
        CreateAssetInput: {
            tag?: string;
            /**
             * @default in_stock
             * @enum {string}
             */
            status: "ordered" | "in_stock" | "preparing" | "deployed";
            serial?: string | null;
            /** Format: uuid */
            modelId: string;
            purchaseDate?: string | null;
            purchasePriceCents?: number | null;
            supplier?: string | null;
            orderRef?: string | null;
            invoiceRef?: string | null;
            warrantyEnd?: string | null;
            mdmEnrolled?: boolean;
            wifiSwitchableOff?: boolean | null;
            notes?: string | null;
            customFields?: {
                [key: string]: string | number | boolean | null;
            };
            schoolId?: string | null;
            roomId?: string | null;
            classId?: string | null;
            stockLocationId?: string | null;
        };
        UpdateAssetInput: {
            version: number;
            tag?: string;
            serial?: string | null;
            /** Format: uuid */
            modelId?: string;
            purchaseDate?: string | null;
            purchasePriceCents?: number | null;
            supplier?: string | null;
            orderRef?: string | null;
            invoiceRef?: string | null;
            warrantyEnd?: string | null;
            mdmEnrolled?: boolean;
            wifiSwitchableOff?: boolean | null;
            notes?: string | null;
            customFields?: {
                [key: string]: string | number | boolean | null;
            };
        };
        AssetTransitionInput: {
            version: number;
            /** @enum {string} */
            to: "ordered" | "in_stock" | "preparing" | "deployed" | "in_cart" | "on_loan" | "returned" | "in_repair" | "lost" | "stolen" | "retired" | "donated";
            note?: string | null;
            wiped?: boolean;
            location?: {
                schoolId?: string | null;
                roomId?: string | null;
                classId?: string | null;
                stockLocationId?: string | null;
            };
        };
        AssetMoveInput: {
            version: number;
            note?: string | null;
            schoolId?: string | null;
            roomId?: string | null;
            classId?: string | null;
            stockLocationId?: string | null;
        };
        CartOperationInput: {
            version: number;
            /** Format: uuid */
            cartId: string;
            note?: string | null;
        };
        TakeOutOfCartInput: {
            version: number;
            /**
             * @default deployed
             * @enum {string}
             */
            to: "deployed" | "in_stock" | "in_repair" | "on_loan";
            note?: string | null;
            location?: {
                schoolId?: string | null;
                roomId?: string | null;
                classId?: string | null;
                stockLocationId?: string | null;
            };
        };
        BulkAssetInput: {
            /** @enum {string} */
            action: "move" | "status" | "cart_in" | "cart_out" | "assign_school";
            ids?: string[];
            tags?: string[];
            /**
             * @default each
             * @enum {string}
             */
            mode: "each" | "all";
            /** @enum {string} */
            to?: "ordered" | "in_stock" | "preparing" | "deployed" | "in_cart" | "on_loan" | "returned" | "in_repair" | "lost" | "stolen" | "retired" | "donated";
            /** Format: uuid */
            cartId?: string;
            wiped?: boolean;
            note?: string | null;
            location?: {
                schoolId?: string | null;
                roomId?: string | null;
                classId?: string | null;
                stockLocationId?: string | null;
            };
        };
        BulkAssetResult: {
            /** @enum {string} */
            mode: "each" | "all";
            done: number;
            refused: number;
            results: {
                id: string | null;
                tag: string | null;
                /** @enum {string} */
                outcome: "done" | "refused";
                code: string | null;
                reason: string | null;
            }[];
        };
        Asset: {
            /** Format: uuid */
            id: string;
            tag: string;
            serial: string | null;
            /** @enum {string} */
            status: "ordered" | "in_stock" | "preparing" | "deployed" | "in_cart" | "on_loan" | "returned" | "in_repair" | "lost" | "stolen" | "retired" | "donated";
            model: {
                /** Format: uuid */
                id: string;
                name: string;
                manufacturer: string | null;
            };
            category: {
                /** Format: uuid */
                id: string;
                code: string;
                nameFr: string;
                nameEn: string;
                /** @enum {string} */
                role: "projection" | "teacher_computer" | "pupil_device" | "desktop" | "document_camera" | "network_ap" | "network_switch" | "server" | "printer" | "cart" | "hotspot" | "accessory" | "other";
            };
            school: {
                /** Format: uuid */
                id: string;
                uai: string;
                name: string;
            } | null;
            room: {
                /** Format: uuid */
                id: string;
                name: string;
            } | null;
            class: {
                /** Format: uuid */
                id: string;
                name: string;
            } | null;
            cart: {
                /** Format: uuid */
                id: string;
                tag: string;
            } | null;
            stockLocation: {
                /** Format: uuid */
                id: string;
                name: string;
            } | null;
            purchaseDate: string | null;
            purchasePriceCents: number | null;
            supplier: string | null;
            orderRef: string | null;
            invoiceRef: string | null;
            warrantyEnd: string | null;
            mdmEnrolled: boolean;
            wifiSwitchableOff: boolean | null;
            notes: string | null;
            customFields: {
                [key: string]: unknown;
            };
            version: number;
            generated: boolean;
            lastAuditedAt: string | null;
            updatedAt: string;
        };
        AssetEvent: {
            id: number;
            occurredAt: string;
            actorName: string | null;
            kind: string;
            fromStatus: string | null;
            toStatus: string | null;
            fromLocation: {
                [key: string]: unknown;
            } | null;
            toLocation: {
                [key: string]: unknown;
            } | null;
            note: string | null;
        };
        AssetDetail: {
            /** Format: uuid */
            id: string;
            tag: string;
            serial: string | null;
            /** @enum {string} */
            status: "ordered" | "in_stock" | "preparing" | "deployed" | "in_cart" | "on_loan" | "returned" | "in_repair" | "lost" | "stolen" | "retired" | "donated";
            model: {
                /** Format: uuid */
                id: string;
                name: string;
                manufacturer: string | null;
            };
            category: {
                /** Format: uuid */
                id: string;
                code: string;
                nameFr: string;
                nameEn: string;
                /** @enum {string} */
                role: "projection" | "teacher_computer" | "pupil_device" | "desktop" | "document_camera" | "network_ap" | "network_switch" | "server" | "printer" | "cart" | "hotspot" | "accessory" | "other";
            };
            school: {
                /** Format: uuid */
                id: string;
                uai: string;
                name: string;
            } | null;
            room: {
                /** Format: uuid */
                id: string;
                name: string;
            } | null;
            class: {
                /** Format: uuid */
                id: string;
                name: string;
            } | null;
            cart: {
                /** Format: uuid */
                id: string;
                tag: string;
            } | null;
            stockLocation: {
                /** Format: uuid */
                id: string;
                name: string;
            } | null;
            purchaseDate: string | null;
            purchasePriceCents: number | null;
            supplier: string | null;
            orderRef: string | null;
            invoiceRef: string | null;
            warrantyEnd: string | null;
            mdmEnrolled: boolean;
            wifiSwitchableOff: boolean | null;
            notes: string | null;
            customFields: {
                [key: string]: unknown;
            };
            version: number;
            generated: boolean;
            lastAuditedAt: string | null;
            updatedAt: string;
            events: components["schemas"]["AssetEvent"][];
            contents: {
                /** Format: uuid */
                id: string;
                tag: string;
                serial: string | null;
                /** @enum {string} */
                status: "ordered" | "in_stock" | "preparing" | "deployed" | "in_cart" | "on_loan" | "returned" | "in_repair" | "lost" | "stolen" | "retired" | "donated";
                model: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                    manufacturer: string | null;
                };
                version: number;
            }[] | null;
            allowedTransitions: ("ordered" | "in_stock" | "preparing" | "deployed" | "in_cart" | "on_loan" | "returned" | "in_repair" | "lost" | "stolen" | "retired" | "donated")[];
            can: {
                update: boolean;
                transition: boolean;
                move: boolean;
            };
        };
        AssetList: {
            items: components["schemas"]["Asset"][];
            total: number;
        };
        EquipmentSummary: {
            total: number;
            byCategory: {
                /** Format: uuid */
                categoryId: string;
                code: string;
                nameFr: string;
                nameEn: string;
                /** @enum {string} */
                role: "projection" | "teacher_computer" | "pupil_device" | "desktop" | "document_camera" | "network_ap" | "network_switch" | "server" | "printer" | "cart" | "hotspot" | "accessory" | "other";
                byStatus: {
                    [key: string]: number;
                };
                total: number;
            }[];
        };
        LabelsInput: {
            ids?: string[];
            tags?: string[];
            /**
             * @default a4-3x8
             * @enum {string}
             */
            layout: "a4-3x8" | "a4-4x10" | "a4-2x7";
            /** @default 0 */
            skip: number;
        };
        AssetImportReport: {
            /** @enum {string} */
            format: "socle" | "snipeit" | "glpi";
            columns: {
                [key: string]: string;
            };
            rowsRead: number;
            valid: number;
            created: number;
            rejected: {
                line: number;
                column: string;
                reason: string;
                value?: string;
            }[];
            rejectedCount: number;
            categoriesCreated: string[];
            modelsCreated: string[];
            dryRun: boolean;
            written: boolean;
        };
        AssetImportPreview: {
            headers: string[];
            detectedFormat: ("socle" | "snipeit" | "glpi") | null;
            columns: {
                [key: string]: string;
            };
            fields: ("tag" | "serial" | "category" | "model" | "modelNumber" | "manufacturer" | "location" | "room" | "status" | "purchaseDate" | "purchaseCost" | "supplier" | "orderRef" | "invoiceRef" | "warrantyEnd" | "warrantyMonths" | "notes")[];
            sample: {
                [key: string]: string;
            }[];
        };
        WarrantyDigest: {
            days: number;
            until: string;
            total: number;
            items: {
                /** Format: uuid */
                id: string;
                tag: string;
                model: string;
                warrantyEnd: string;
                school: string | null;
            }[];
        };
        Notification: {
            /** Format: uuid */
            id: string;
            kind: string;
            payload: {
                [key: string]: unknown;
            };
            createdAt: string;
        };
        /** @description What became of the mails of a family link */
        FamilyLinkMail: {
            /** @enum {string} */
            status: "sent" | "already_sent" | "partial" | "failed" | "no_email" | "not_configured";
            recipients: number;
            sent: number;
            duplicates: number;
            failed: number;
        };
        CreateLoanCampaignInput: {
            name: string;
            reason: string;
            startsOn?: string | null;
            endsOn?: string | null;
            dueDate?: string | null;
            schoolIds: string[];
        };
        /** @description A crisis campaign: loans to families while schools are closed */
        LoanCampaign: {
            /** Format: uuid */
            id: string;
            name: string;
            reason: string;
            startsOn: string | null;
            endsOn: string | null;
            dueDate: string | null;
            /** @enum {string} */
            status: "open" | "closed";
            schools: {
                /** Format: uuid */
                id: string;
                uai: string;
                name: string;
                /** @enum {string} */
                priorityEducation: "none" | "REP" | "REP+";
            }[];
            openedAt: string;
            openedBy: {
                /** Format: uuid */
                id: string;
                displayName: string;
            } | null;
            closedAt: string | null;
            can: {
                confirm: boolean;
                close: boolean;
            };
        };
        LoanCampaignProposal: {
            /** Format: uuid */
            campaignId: string;
            computedAt: string;
            pairs: {
                request: {
                    /** Format: uuid */
                    id: string;
                    school: {
                        /** Format: uuid */
                        id: string;
                        uai: string;
                        name: string;
                        /** @enum {string} */
                        priorityEducation: "none" | "REP" | "REP+";
                    };
                    household: {
                        /** Format: uuid */
                        id: string;
                        pseudonym: string;
                    };
                    /** @enum {string} */
                    status: "pending" | "approved";
                    createdAt: string;
                    needsConnectivity: boolean;
                    categoryId: string | null;
                    categoryName: string | null;
                };
                device: {
                    /** Format: uuid */
                    id: string;
                    tag: string;
                    model: string;
                    category: string;
                    role: string;
                    /** @enum {string} */
                    status: "in_stock" | "in_cart";
                    schoolId: string | null;
                    cartTag: string | null;
                    stockLocation: string | null;
                    /** @enum {string} */
                    source: "school" | "central" | "other_school";
                };
                hotspot: {
                    /** Format: uuid */
                    id: string;
                    tag: string;
                    model: string;
                    category: string;
                    role: string;
                    /** @enum {string} */
                    status: "in_stock" | "in_cart";
                    schoolId: string | null;
                    cartTag: string | null;
                    stockLocation: string | null;
                    /** @enum {string} */
                    source: "school" | "central" | "other_school";
                } | null;
                warnings: "no_hotspot"[];
                assetIds: string[];
            }[];
            unmatched: {
                request: {
                    /** Format: uuid */
                    id: string;
                    school: {
                        /** Format: uuid */
                        id: string;
                        uai: string;
                        name: string;
                        /** @enum {string} */
                        priorityEducation: "none" | "REP" | "REP+";
                    };
                    household: {
                        /** Format: uuid */
                        id: string;
                        pseudonym: string;
                    };
                    /** @enum {string} */
                    status: "pending" | "approved";
                    createdAt: string;
                    needsConnectivity: boolean;
                    categoryId: string | null;
                    categoryName: string | null;
                };
                /** @enum {string} */
                reason: "no_device_available";
            }[];
            leftover: {
                devices: number;
                hotspots: number;
            };
        };
        ConfirmLoanCampaignInput: {
            pairs: {
                /** Format: uuid */
                requestId: string;
                assetIds: string[];
            }[];
            /** Format: date */
            dueDate?: string;
        };
        ConfirmLoanCampaignResult: {
            results: {
                /** Format: uuid */
                requestId: string;
                /** @enum {string} */
                outcome: "done" | "refused";
                loanId: string | null;
                reason: ("request_not_found" | "not_in_campaign" | "not_eligible" | "other_campaign" | "request_not_open" | "duplicate_request" | "unknown_asset" | "device_unavailable" | "device_taken" | "concurrent_change" | "refused") | null;
                code: string | null;
                detail: string | null;
                delivery: ("mail" | "paper") | null;
            }[];
            done: number;
            refused: number;
            mails: {
                queued: number;
                /** @enum {string} */
                status: "queued" | "none" | "jobs_disabled" | "failed";
            };
        };
        /** @description Live counts per school (poll it) */
        LoanCampaignDashboard: {
            /** Format: uuid */
            campaignId: string;
            at: string;
            schools: {
                school: {
                    /** Format: uuid */
                    id: string;
                    uai: string;
                    name: string;
                    /** @enum {string} */
                    priorityEducation: "none" | "REP" | "REP+";
                };
                requests: number;
                waiting: number;
                allocated: number;
                accepted: number;
                handedOver: number;
                returned: number;
                availableDevices: number;
            }[];
            totals: {
                requests: number;
                waiting: number;
                allocated: number;
                accepted: number;
                handedOver: number;
                returned: number;
                availableDevices: number;
            };
            centralStock: {
                availableDevices: number;
            };
        };
        ReturnDriveLoan: {
            /** Format: uuid */
            id: string;
            household: {
                /** Format: uuid */
                id: string;
                pseudonym: string;
            };
            dueDate: string;
            daysOverdue: number;
            handedOverAt: string | null;
            campaignId: string | null;
            items: {
                /** Format: uuid */
                assetId: string;
                tag: string;
                serial: string | null;
                model: string;
                role: string;
            }[];
        };
        ReturnDrive: {
            school: {
                /** Format: uuid */
                id: string;
                uai: string;
                name: string;
            };
            dueBy: string;
            loans: components["schemas"]["ReturnDriveLoan"][];
            counts: {
                dueStillOut: number;
                itemsStillOut: number;
                outNotYetDue: number;
            };
        };
        ReturnDriveScanInput: {
            /** Format: uuid */
            school: string;
            tags: string[];
            /**
             * @default ok
             * @enum {string}
             */
            condition: "ok" | "damaged" | "accessories_missing";
            /** @constant */
            wiped: true;
            destination?: {
                /** Format: uuid */
                stockLocationId?: string;
                /** Format: uuid */
                cartId?: string;
            };
        };
        ReturnDriveScanResult: {
            results: {
                tag: string;
                /** @enum {string} */
                outcome: "returned" | "refused";
                reason: ("unknown_tag" | "duplicate_scan" | "not_on_loan" | "not_handed_over" | "wrong_school" | "refused") | null;
                code: string | null;
                detail: string | null;
                loanId: string | null;
                loanStatus: string | null;
            }[];
            returned: number;
            refused: number;
        };
        CreateLoanIncidentInput: {
            /** @enum {string} */
            kind: "damage" | "loss" | "theft";
            /** Format: date */
            declaredOn: string;
            policeReportRef?: string | null;
            notes?: string | null;
            /** Format: uuid */
            assetId?: string;
            /** @default true */
            updateAsset: boolean;
        };
        UpdateLoanIncidentInput: {
            /** @enum {string} */
            outcome?: "pending" | "repaired" | "replaced" | "written_off" | "paid_by_insurance" | "found";
            /** Format: date */
            settledOn?: string;
            policeReportRef?: string | null;
            notes?: string | null;
        };
        LoanIncident: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            loanId: string;
            asset: {
                /** Format: uuid */
                id: string;
                tag: string;
            } | null;
            /** @enum {string} */
            kind: "damage" | "loss" | "theft";
            declaredOn: string;
            policeReportRef: string | null;
            notes: string | null;
            /** @enum {string} */
            outcome: "pending" | "repaired" | "replaced" | "written_off" | "paid_by_insurance" | "found";
            settledOn: string | null;
            locationActivatedAt: string | null;
            locationActivatedBy: string | null;
            createdAt: string;
            can: {
                update: boolean;
                activateLocation: boolean;
            };
        };
        HouseholdExport: {
            exportedAt: string;
            organisation: string;
            controllerNotice: string;
            household: {
                /** Format: uuid */
                id: string;
                pseudonym: string;
                /** @enum {string} */
                language: "fr" | "en";
                school: {
                    uai: string;
                    name: string;
                };
                createdAt: string;
                personalDataErasedAt: string | null;
            };
            pupil: {
                firstName: string;
                lastName: string;
                className: string | null;
            } | null;
            legalRepresentatives: {
                rank: number;
                firstName: string;
                lastName: string;
                addressLine: string;
                postcode: string;
                city: string;
                phone: string | null;
                email: string | null;
            }[];
            requests: {
                /** Format: uuid */
                id: string;
                status: string;
                need: {
                    category: string | null;
                    connectivity: boolean;
                };
                eligibility: {
                    eligible: boolean;
                    reasonCode: string;
                    decidedOn: string;
                };
                createdAt: string;
                reviewedAt: string | null;
            }[];
            loans: {
                /** Format: uuid */
                id: string;
                status: string;
                dueDate: string;
                allocatedAt: string;
                acceptance: {
                    via: string | null;
                    at: string | null;
                    nameTyped: string | null;
                    ipHashKept: boolean;
                };
                handedOverAt: string | null;
                conditionOut: string | null;
                conditionOutNotes: string | null;
                returnedAt: string | null;
                conditionIn: string | null;
                conditionInNotes: string | null;
                wipedAt: string | null;
                closedAt: string | null;
                devices: {
                    tag: string;
                    model: string;
                    serial: string | null;
                    role: string;
                    returnedAt: string | null;
                }[];
                documents: {
                    name: string;
                    createdAt: string;
                }[];
                incidents: {
                    kind: string;
                    declaredOn: string;
                    policeReportRef: string | null;
                    notes: string | null;
                    outcome: string;
                    settledOn: string | null;
                    locationActivatedAt: string | null;
                }[];
                messages: {
                    category: string;
                    body: string;
                    createdAt: string;
                    handledAt: string | null;
                }[];
            }[];
            mails: {
                template: string;
                recipient: string | null;
                subject: string;
                status: string;
                createdAt: string;
                sentAt: string | null;
            }[];
            events: {
                occurredAt: string;
                action: string;
                actorKind: string;
                entityType: string;
            }[];
        };
        HouseholdErased: {
            /** Format: uuid */
            id: string;
            pseudonym: string;
            erasedAt: string;
            cancelledRequests: number;
            files: number;
        };
        CreateLoanRequestInput: {
            /** Format: uuid */
            schoolId: string;
            classId?: string | null;
            pupil: {
                firstName: string;
                lastName: string;
            };
            household: {
                /**
                 * @default fr
                 * @enum {string}
                 */
                locale: "fr" | "en";
                contacts: {
                    firstName: string;
                    lastName: string;
                    addressLine: string;
                    postcode: string;
                    city: string;
                    phone?: string | null;
                    email?: string | null;
                }[];
            };
            need: {
                categoryId?: string | null;
                /** @default false */
                connectivity: boolean;
            };
            eligibility: {
                eligible: boolean;
                reasonCode: string;
                /** Format: date */
                decidedOn: string;
            };
        };
        HouseholdView: {
            /** Format: uuid */
            id: string;
            pseudonym: string;
            /** @enum {string} */
            locale: "fr" | "en";
            pupil: {
                firstName: string;
                lastName: string;
                className: string | null;
            } | null;
            contacts: {
                rank: number;
                firstName: string;
                lastName: string;
                addressLine: string;
                postcode: string;
                city: string;
                phone: string | null;
                email: string | null;
            }[] | null;
            purged: boolean;
        };
        LoanRequest: {
            /** Format: uuid */
            id: string;
            school: {
                /** Format: uuid */
                id: string;
                uai: string;
                name: string;
                priorityEducation: string;
            };
            household: components["schemas"]["HouseholdView"];
            need: {
                categoryId: string | null;
                categoryName: string | null;
                connectivity: boolean;
            };
            eligibility: {
                eligible: boolean;
                reasonCode: string;
                decidedOn: string;
            };
            /** @enum {string} */
            status: "pending" | "approved" | "rejected" | "allocated" | "cancelled";
            loanId: string | null;
            createdAt: string;
            can: {
                approve: boolean;
                allocate: boolean;
            };
        };
        AllocateLoanInput: {
            assetIds?: string[];
            tags?: string[];
            /** Format: date */
            dueDate?: string;
        };
        Loan: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            requestId: string;
            school: {
                /** Format: uuid */
                id: string;
                uai: string;
                name: string;
            };
            household: components["schemas"]["HouseholdView"];
            /** @enum {string} */
            status: "allocated" | "accepted" | "handed_over" | "returned" | "closed" | "cancelled";
            dueDate: string;
            overdue: boolean;
            items: {
                /** Format: uuid */
                assetId: string;
                tag: string;
                serial: string | null;
                model: string;
                role: string;
                open: boolean;
            }[];
            allocatedAt: string;
            acceptedVia: ("link" | "paper") | null;
            acceptedAt: string | null;
            handedOverAt: string | null;
            conditionOut: string | null;
            conditionOutNotes: string | null;
            returnedAt: string | null;
            conditionIn: string | null;
            conditionInNotes: string | null;
            wipedAt: string | null;
            closedAt: string | null;
            can: {
                seePersonalData: boolean;
                handover: boolean;
                return: boolean;
                sendLink: boolean;
            };
        };
        LoanHandoverInput: {
            tags: string[];
            /**
             * @default ok
             * @enum {string}
             */
            condition: "ok" | "damaged" | "accessories_missing";
            notes?: string | null;
        };
        LoanReturnInput: {
            tags: string[];
            /**
             * @default ok
             * @enum {string}
             */
            condition: "ok" | "damaged" | "accessories_missing";
            notes?: string | null;
            /** @constant */
            wiped: true;
            destination: {
                /** Format: uuid */
                stockLocationId?: string;
                /** Format: uuid */
                cartId?: string;
            };
        };
        FamilyLink: {
            url: string;
            expiresAt: string;
        };
        EligibilityReason: {
            code: string;
            labelFr: string;
            labelEn: string;
            eligible: boolean;
            active: boolean;
        };
        SaveEligibilityReasonInput: {
            code: string;
            labelFr: string;
            labelEn: string;
            eligible: boolean;
            /** @default true */
            active: boolean;
        };
        FamilyPage: {
            organisation: string;
            school: string;
            pupilFirstName: string | null;
            /** @enum {string} */
            status: "allocated" | "accepted" | "handed_over" | "returned" | "closed" | "cancelled";
            dueDate: string;
            devices: {
                tag: string;
                model: string;
                serial: string | null;
            }[];
            accepted: boolean;
            acceptedAt: string | null;
            /** @enum {string} */
            locale: "fr" | "en";
            returnInstructions: string;
        };
        FamilyAcceptInput: {
            name: string;
            /** @constant */
            confirm: true;
        };
        Organisation: {
            /** Format: uuid */
            id: string;
            slug: string;
            name: string;
            settings: {
                /** @default [] */
                communes: string[];
                /**
                 * @default all
                 * @enum {string}
                 */
                technicianScope: "all" | "assigned";
                /** @default {ORG}-{YYYY}-{00000} */
                assetTagPattern: string;
                /** @default 60 */
                warrantyNoticeDays: number;
                /** @default false */
                loanAutoApprove: boolean;
                /** @default 07-04 */
                loanDueMonthDay: string;
                /** @default 90 */
                loanRetentionDays: number;
                /** @default 14 */
                loanReminderDaysBefore: number;
                /** @default  */
                dpoContact: string;
                /**
                 * @default {
                 *       "fr": "",
                 *       "en": ""
                 *     }
                 */
                loanConventionTemplate: {
                    /** @default  */
                    fr: string;
                    /** @default  */
                    en: string;
                };
                helpdesk?: {
                    sla: {
                        urgent: {
                            /** @default 1 */
                            responseHours: number;
                            /** @default 8 */
                            resolutionHours: number;
                        };
                        high: {
                            /** @default 4 */
                            responseHours: number;
                            /** @default 16 */
                            resolutionHours: number;
                        };
                        normal: {
                            /** @default 8 */
                            responseHours: number;
                            /** @default 40 */
                            resolutionHours: number;
                        };
                        low: {
                            /** @default 16 */
                            responseHours: number;
                            /** @default 80 */
                            resolutionHours: number;
                        };
                    };
                    workingHours: {
                        /**
                         * @default [
                         *       {
                         *         "from": "08:00",
                         *         "to": "12:00"
                         *       },
                         *       {
                         *         "from": "13:30",
                         *         "to": "17:30"
                         *       }
                         *     ]
                         */
                        mon: {
                            from: string;
                            to: string;
                        }[];
                        /**
                         * @default [
                         *       {
                         *         "from": "08:00",
                         *         "to": "12:00"
                         *       },
                         *       {
                         *         "from": "13:30",
                         *         "to": "17:30"
                         *       }
                         *     ]
                         */
                        tue: {
                            from: string;
                            to: string;
                        }[];
                        /**
                         * @default [
                         *       {
                         *         "from": "08:00",
                         *         "to": "12:00"
                         *       },
                         *       {
                         *         "from": "13:30",
                         *         "to": "17:30"
                         *       }
                         *     ]
                         */
                        wed: {
                            from: string;
                            to: string;
                        }[];
                        /**
                         * @default [
                         *       {
                         *         "from": "08:00",
                         *         "to": "12:00"
                         *       },
                         *       {
                         *         "from": "13:30",
                         *         "to": "17:30"
                         *       }
                         *     ]
                         */
                        thu: {
                            from: string;
                            to: string;
                        }[];
                        /**
                         * @default [
                         *       {
                         *         "from": "08:00",
                         *         "to": "12:00"
                         *       },
                         *       {
                         *         "from": "13:30",
                         *         "to": "17:30"
                         *       }
                         *     ]
                         */
                        fri: {
                            from: string;
                            to: string;
                        }[];
                        /** @default [] */
                        sat: {
                            from: string;
                            to: string;
                        }[];
                        /** @default [] */
                        sun: {
                            from: string;
                            to: string;
                        }[];
                    };
                    /** @default [] */
                    closedDays: {
                        /** Format: date */
                        from: string;
                        /** Format: date */
                        to: string;
                        /** @default  */
                        label: string;
                    }[];
                    /** @default 14 */
                    reopenDays: number;
                };
                /** @default false */
                demo: boolean;
            };
            can: {
                update: boolean;
            };
        };
        UpdateOrganisationInput: {
            name?: string;
            settings?: {
                communes?: string[];
                /** @enum {string} */
                technicianScope?: "all" | "assigned";
                assetTagPattern?: string;
                warrantyNoticeDays?: number;
                loanAutoApprove?: boolean;
                loanDueMonthDay?: string;
                loanRetentionDays?: number;
                loanReminderDaysBefore?: number;
                dpoContact?: string;
                loanConventionTemplate?: {
                    fr: string;
                    en: string;
                };
            };
        };
        /** @enum {string} */
        ContractProcedure: "appel_offres_ouvert" | "appel_offres_restreint" | "procedure_adaptee" | "procedure_negociee" | "accord_cadre" | "marche_subsequent" | "ugap" | "sans_publicite" | "other";
        /** @enum {string} */
        PurchaseOrderStatus: "draft" | "ordered" | "partly_received" | "received" | "cancelled";
        ContractLot: {
            number: number;
            label: string;
        };
        CreateContractInput: {
            reference: string;
            title: string;
            procedure: components["schemas"]["ContractProcedure"];
            notifiedOn?: string | null;
            startsOn?: string | null;
            endsOn?: string | null;
            lots?: components["schemas"]["ContractLot"][];
            ceilingCents?: number | null;
            ugap?: boolean;
            supplierId?: string | null;
            notes?: string;
        };
        UpdateContractInput: {
            reference?: string;
            title?: string;
            procedure?: components["schemas"]["ContractProcedure"];
            notifiedOn?: string | null;
            startsOn?: string | null;
            endsOn?: string | null;
            lots?: components["schemas"]["ContractLot"][];
            ceilingCents?: number | null;
            ugap?: boolean;
            supplierId?: string | null;
            notes?: string;
        };
        Contract: {
            /** Format: uuid */
            id: string;
            reference: string;
            title: string;
            procedure: components["schemas"]["ContractProcedure"];
            notifiedOn: string | null;
            startsOn: string | null;
            endsOn: string | null;
            lots: {
                number: number;
                label: string;
            }[];
            ceilingCents: number | null;
            ugap: boolean;
            supplierId: string | null;
            supplierName: string | null;
            notes: string;
            generated: boolean;
            orderedCents: number;
            draftCents: number;
            overCeiling: boolean;
            orderCount: number;
            createdAt: string;
            updatedAt: string;
        };
        NewPurchaseOrderLine: {
            modelId?: string | null;
            description: string;
            quantity: number;
            unitPriceCents: number;
            vatRateBp?: number;
            schoolId?: string | null;
            costItemId?: string | null;
        };
        CreatePurchaseOrderInput: {
            number: string;
            /** Format: uuid */
            supplierId: string;
            contractId?: string | null;
            lotNumber?: number | null;
            programmeId?: string | null;
            costItemId?: string | null;
            /** Format: date */
            orderedOn: string;
            expectedOn?: string | null;
            notes?: string;
            lines?: components["schemas"]["NewPurchaseOrderLine"][];
        };
        UpdatePurchaseOrderInput: {
            number?: string;
            /** Format: uuid */
            supplierId?: string;
            contractId?: string | null;
            lotNumber?: number | null;
            programmeId?: string | null;
            costItemId?: string | null;
            /** Format: date */
            orderedOn?: string;
            expectedOn?: string | null;
            notes?: string;
            lines?: components["schemas"]["NewPurchaseOrderLine"][];
        };
        InvoiceDiscrepancy: {
            /** @enum {string} */
            kind: "quantity_over_received" | "quantity_over_ordered" | "unit_price" | "header_total" | "header_vat";
            /** Format: uuid */
            invoiceId: string;
            invoiceLineId: string | null;
            orderLineId: string | null;
            expected: number;
            actual: number;
        };
        PurchaseOrderLine: {
            /** Format: uuid */
            id: string;
            position: number;
            modelId: string | null;
            modelName: string | null;
            description: string;
            quantity: number;
            unitPriceCents: number;
            vatRateBp: number;
            htCents: number;
            vatCents: number;
            schoolId: string | null;
            schoolName: string | null;
            costItemId: string | null;
            receivedQuantity: number;
            invoicedQuantity: number;
        };
        PurchaseOrderSummary: {
            /** Format: uuid */
            id: string;
            number: string;
            status: components["schemas"]["PurchaseOrderStatus"];
            /** Format: uuid */
            supplierId: string;
            supplierName: string;
            contractId: string | null;
            contractReference: string | null;
            lotNumber: number | null;
            programmeId: string | null;
            costItemId: string | null;
            orderedOn: string;
            expectedOn: string | null;
            notes: string;
            generated: boolean;
            version: number;
            htCents: number;
            vatCents: number;
            ttcCents: number;
            quantity: number;
            receivedQuantity: number;
            invoicedHtCents: number;
            hasDiscrepancies: boolean;
            createdAt: string;
            updatedAt: string;
        };
        PurchaseOrderList: {
            items: components["schemas"]["PurchaseOrderSummary"][];
            total: number;
        };
        DeliveredAsset: {
            /** Format: uuid */
            id: string;
            tag: string;
            serial: string | null;
            /** Format: uuid */
            orderLineId: string;
        };
        Delivery: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            orderId: string;
            receivedOn: string;
            noteRef: string | null;
            stockLocationId: string | null;
            stockLocationName: string | null;
            receivedBy: string | null;
            receivedByName: string | null;
            createdAt: string;
            lines: {
                /** Format: uuid */
                orderLineId: string;
                quantity: number;
            }[];
            assets: components["schemas"]["DeliveredAsset"][];
        };
        PurchaseOrder: {
            /** Format: uuid */
            id: string;
            number: string;
            status: components["schemas"]["PurchaseOrderStatus"];
            /** Format: uuid */
            supplierId: string;
            supplierName: string;
            contractId: string | null;
            contractReference: string | null;
            lotNumber: number | null;
            programmeId: string | null;
            costItemId: string | null;
            orderedOn: string;
            expectedOn: string | null;
            notes: string;
            generated: boolean;
            version: number;
            htCents: number;
            vatCents: number;
            ttcCents: number;
            quantity: number;
            receivedQuantity: number;
            invoicedHtCents: number;
            hasDiscrepancies: boolean;
            createdAt: string;
            updatedAt: string;
            lines: components["schemas"]["PurchaseOrderLine"][];
            deliveries: components["schemas"]["Delivery"][];
            invoices: {
                /** Format: uuid */
                id: string;
                number: string;
                invoiceDate: string;
                htCents: number;
                ttcCents: number;
                paidOn: string | null;
            }[];
            discrepancies: components["schemas"]["InvoiceDiscrepancy"][];
            actions: {
                editLines: boolean;
                place: boolean;
                cancel: boolean;
                delete: boolean;
                receive: boolean;
                invoice: boolean;
            };
        };
        CreateDeliveryInput: {
            /** Format: date */
            receivedOn: string;
            noteRef?: string | null;
            stockLocationId?: string | null;
            lines: {
                /** Format: uuid */
                orderLineId: string;
                quantity: number;
                serials?: string[];
            }[];
        };
        NewInvoiceLine: {
            orderLineId?: string | null;
            description: string;
            quantity: number;
            unitPriceCents: number;
            vatRateBp: number;
            vatCents?: number;
        };
        CreateInvoiceInput: {
            /** Format: uuid */
            supplierId: string;
            orderId?: string | null;
            number: string;
            /** Format: date */
            invoiceDate: string;
            htCents: number;
            vatCents: number;
            ttcCents: number;
            paidOn?: string | null;
            mandateNumber?: string | null;
            notes?: string;
            lines: components["schemas"]["NewInvoiceLine"][];
        };
        UpdateInvoiceInput: {
            /** Format: uuid */
            supplierId?: string;
            orderId?: string | null;
            number?: string;
            /** Format: date */
            invoiceDate?: string;
            htCents?: number;
            vatCents?: number;
            ttcCents?: number;
            paidOn?: string | null;
            mandateNumber?: string | null;
            notes?: string;
            lines?: components["schemas"]["NewInvoiceLine"][];
        };
        SetInvoiceFileInput: {
            fileId: string | null;
        };
        InvoiceSummary: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            supplierId: string;
            supplierName: string;
            supplierSiret: string;
            orderId: string | null;
            orderNumber: string | null;
            number: string;
            invoiceDate: string;
            htCents: number;
            vatCents: number;
            ttcCents: number;
            paidOn: string | null;
            mandateNumber: string | null;
            fileId: string | null;
            notes: string;
            generated: boolean;
            lineCount: number;
            allocatedLines: number;
            hasDiscrepancies: boolean;
            createdAt: string;
            updatedAt: string;
        };
        InvoiceList: {
            items: components["schemas"]["InvoiceSummary"][];
            total: number;
        };
        InvoiceLine: {
            /** Format: uuid */
            id: string;
            position: number;
            orderLineId: string | null;
            description: string;
            quantity: number;
            unitPriceCents: number;
            vatRateBp: number;
            htCents: number;
            vatCents: number;
            expenseLineId: string | null;
            programmeId: string | null;
            costItemId: string | null;
        };
        Invoice: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            supplierId: string;
            supplierName: string;
            supplierSiret: string;
            orderId: string | null;
            orderNumber: string | null;
            number: string;
            invoiceDate: string;
            htCents: number;
            vatCents: number;
            ttcCents: number;
            paidOn: string | null;
            mandateNumber: string | null;
            fileId: string | null;
            notes: string;
            generated: boolean;
            lineCount: number;
            allocatedLines: number;
            hasDiscrepancies: boolean;
            createdAt: string;
            updatedAt: string;
            lines: components["schemas"]["InvoiceLine"][];
            discrepancies: components["schemas"]["InvoiceDiscrepancy"][];
        };
        AllocateInvoiceInput: {
            /** Format: uuid */
            programmeId: string;
            lines: {
                /** Format: uuid */
                invoiceLineId: string;
                /** Format: uuid */
                costItemId: string;
                /** @enum {string} */
                eligibility?: "eligible" | "partly" | "not_eligible";
                eligibleCents?: number | null;
                eligibilityReason?: string | null;
                schools?: "by_assets" | {
                    /** Format: uuid */
                    schoolId: string;
                    amountCents: number;
                }[];
            }[];
        };
        /** @enum {string} */
        DigitalServiceKind: "ent" | "cloud" | "school_server" | "resources" | "software" | "mdm" | "filtering" | "other";
        /** @enum {string} */
        DigitalServicePricing: "per_school" | "per_pupil" | "per_seat";
        /** @enum {string} */
        SubscriptionStatus: "active" | "future" | "ended";
        CreateDigitalServiceInput: {
            name: string;
            kind: components["schemas"]["DigitalServiceKind"];
            supplierId?: string | null;
            description?: string;
            pricing?: components["schemas"]["DigitalServicePricing"];
            unitPriceCents?: number | null;
            archived?: boolean;
        };
        UpdateDigitalServiceInput: {
            name?: string;
            kind?: components["schemas"]["DigitalServiceKind"];
            supplierId?: string | null;
            description?: string;
            pricing?: components["schemas"]["DigitalServicePricing"];
            unitPriceCents?: number | null;
            archived?: boolean;
        };
        DigitalService: {
            /** Format: uuid */
            id: string;
            name: string;
            kind: components["schemas"]["DigitalServiceKind"];
            supplierId: string | null;
            supplierName: string | null;
            description: string;
            pricing: components["schemas"]["DigitalServicePricing"];
            unitPriceCents: number | null;
            archived: boolean;
            activeSubscriptions: number;
            subscriptionCount: number;
            can: {
                update: boolean;
                delete: boolean;
            };
            createdAt: string;
            updatedAt: string;
        };
        CreateSubscriptionInput: {
            /** Format: uuid */
            schoolId: string;
            /** Format: uuid */
            serviceId: string;
            seats?: number | null;
            /** Format: date */
            startsOn: string;
            endsOn?: string | null;
            yearlyCostCents?: number | null;
            contractId?: string | null;
            notes?: string;
        };
        UpdateSubscriptionInput: {
            /** Format: uuid */
            serviceId?: string;
            seats?: number | null;
            /** Format: date */
            startsOn?: string;
            endsOn?: string | null;
            yearlyCostCents?: number | null;
            contractId?: string | null;
            notes?: string;
        };
        SchoolSubscription: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            schoolId: string;
            schoolName: string;
            schoolUai: string;
            /** Format: uuid */
            serviceId: string;
            serviceName: string;
            kind: components["schemas"]["DigitalServiceKind"];
            serviceArchived: boolean;
            seats: number | null;
            startsOn: string;
            endsOn: string | null;
            yearlyCostCents: number | null;
            contractId: string | null;
            contractReference: string | null;
            notes: string;
            status: components["schemas"]["SubscriptionStatus"];
            can: {
                update: boolean;
                delete: boolean;
            };
            createdAt: string;
            updatedAt: string;
        };
        Health: {
            /** @constant */
            status: "ok";
        };
        Ready: {
            /** @constant */
            status: "ready";
            /** @enum {string} */
            database: "pglite" | "postgres";
            migrations: {
                applied: number;
                expected: number;
            };
        };
        PublicInfo: {
            organisationName: string | null;
            contactEmail: string | null;
            /** @enum {string} */
            accessibilityStatus: "non_evalue" | "partiel" | "total";
            map: {
                tileUrl: string;
                attribution: string;
            };
            version: string;
        };
        /** @enum {string} */
        TrainingAudience: "teachers" | "families" | "periscolaire" | "technicians";
        /** @enum {string} */
        TrainingStatus: "planned" | "held" | "cancelled";
        TrainingMaterial: {
            label: string;
            /** Format: uri */
            url: string;
        };
        CreateTrainingSessionInput: {
            audience: components["schemas"]["TrainingAudience"];
            topic: string;
            description?: string;
            /** Format: date-time */
            startsAt: string;
            durationMinutes: number;
            schoolId?: string | null;
            roomId?: string | null;
            place?: string | null;
            online?: boolean;
            onlineUrl?: string | null;
            trainer: string;
            capacity?: number | null;
            materials?: components["schemas"]["TrainingMaterial"][];
        };
        UpdateTrainingSessionInput: {
            topic?: string;
            description?: string;
            /** Format: date-time */
            startsAt?: string;
            durationMinutes?: number;
            schoolId?: string | null;
            roomId?: string | null;
            place?: string | null;
            online?: boolean;
            onlineUrl?: string | null;
            trainer?: string;
            capacity?: number | null;
            materials?: components["schemas"]["TrainingMaterial"][];
            /** @enum {string} */
            status?: "planned" | "cancelled";
        };
        TrainingRegistration: {
            /** Format: uuid */
            id: string;
            userId: string | null;
            traineeId: string | null;
            name: string | null;
            schoolId: string | null;
            schoolName: string | null;
            attended: boolean | null;
            createdAt: string;
            can: {
                unregister: boolean;
            };
        };
        TrainingFeedbackSummary: {
            count: number;
            average: number | null;
            distribution: number[];
        };
        TrainingSession: {
            /** Format: uuid */
            id: string;
            audience: components["schemas"]["TrainingAudience"];
            topic: string;
            description: string;
            startsAt: string;
            endsAt: string;
            durationMinutes: number;
            schoolId: string | null;
            schoolName: string | null;
            roomId: string | null;
            roomName: string | null;
            place: string | null;
            online: boolean;
            onlineUrl: string | null;
            trainer: string;
            capacity: number | null;
            materials: components["schemas"]["TrainingMaterial"][];
            status: components["schemas"]["TrainingStatus"];
            registered: number;
            seatsLeft: number | null;
            attendees: number | null;
            headCount: number | null;
            feedback: components["schemas"]["TrainingFeedbackSummary"];
            registeredSelf: boolean;
            can: {
                update: boolean;
                delete: boolean;
                register: boolean;
                recordAttendance: boolean;
                giveFeedback: boolean;
            };
            createdAt: string;
            updatedAt: string;
        };
        TrainingSessionDetail: {
            /** Format: uuid */
            id: string;
            audience: components["schemas"]["TrainingAudience"];
            topic: string;
            description: string;
            startsAt: string;
            endsAt: string;
            durationMinutes: number;
            schoolId: string | null;
            schoolName: string | null;
            roomId: string | null;
            roomName: string | null;
            place: string | null;
            online: boolean;
            onlineUrl: string | null;
            trainer: string;
            capacity: number | null;
            materials: components["schemas"]["TrainingMaterial"][];
            status: components["schemas"]["TrainingStatus"];
            registered: number;
            seatsLeft: number | null;
            attendees: number | null;
            headCount: number | null;
            feedback: components["schemas"]["TrainingFeedbackSummary"];
            registeredSelf: boolean;
            can: {
                update: boolean;
                delete: boolean;
                register: boolean;
                recordAttendance: boolean;
                giveFeedback: boolean;
            };
            createdAt: string;
            updatedAt: string;
            registrations: components["schemas"]["TrainingRegistration"][];
        };
        CreateTrainingRegistrationInput: {
            /** Format: uuid */
            userId?: string;
            name?: string;
            /** Format: uuid */
            schoolId?: string;
        };
        TrainingAttendanceInput: {
            entries?: {
                /** Format: uuid */
                registrationId: string;
                attended: boolean;
            }[];
            headCount?: number;
        };
        TrainingFeedbackInput: {
            scores: number[];
        };
        TrainedTeachersBySchool: {
            /** Format: uuid */
            schoolId: string;
            uai: string;
            name: string;
            teachers: number | null;
            trained: number;
            shareBp: number | null;
        };
        TrainedTeachersReport: {
            on: string;
            windowStart: string;
            schools: components["schemas"]["TrainedTeachersBySchool"][];
        };
        User: {
            /** Format: uuid */
            id: string;
            email: string;
            displayName: string;
            roles: ("admin" | "manager" | "technician" | "finance" | "director" | "teacher" | "periscolaire" | "auditor")[];
            active: boolean;
            /** @enum {string} */
            locale: "fr" | "en";
            schools: {
                /** Format: uuid */
                id: string;
                uai: string;
                name: string;
            }[];
            hasPassword: boolean;
            lastLoginAt: string | null;
            createdAt: string;
            can: {
                update: boolean;
                setPassword: boolean;
            };
        };
        CreateUserInput: {
            /** Format: email */
            email: string;
            displayName: string;
            roles: ("admin" | "manager" | "technician" | "finance" | "director" | "teacher" | "periscolaire" | "auditor")[];
            /**
             * @default fr
             * @enum {string}
             */
            locale: "fr" | "en";
            /** @default [] */
            schoolIds: string[];
            password?: string;
        };
        UpdateUserInput: {
            displayName?: string;
            roles?: ("admin" | "manager" | "technician" | "finance" | "director" | "teacher" | "periscolaire" | "auditor")[];
            /** @enum {string} */
            locale?: "fr" | "en";
            active?: boolean;
            schoolIds?: string[];
        };
        SetPasswordInput: {
            password: string;
        };
        UserList: {
            items: components["schemas"]["User"][];
            total: number;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
