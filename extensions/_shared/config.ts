/** The app's backend. Must equal `application_url` in shopify.app.toml (one place for every extension). */
export const APP_URL = "https://amend.example.com";
