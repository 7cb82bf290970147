export const DEVPI_CLIENT_VERSION = '0.1.0';
