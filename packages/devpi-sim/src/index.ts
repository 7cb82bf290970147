export const DEVPI_SIM_VERSION = '0.1.0';
