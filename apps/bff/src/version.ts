export const BFF_VERSION = '0.1.0';
