/**
 * Core metadata is a few kilobytes; long descriptions reach a few hundred. No real METADATA or
 * PKG-INFO comes near 16 MiB, so a member that inflates past it is refused as a bomb.
 */
export const MAX_MEMBER_BYTES = 16 * 1024 * 1024;
