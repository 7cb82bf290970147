export const DASHBOARD_API_VERSION = '0.1.0';
