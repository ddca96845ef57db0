/** Acceptance vocabulary (pure): the value lists the tables check. */

/** A 延期验收 request: pending, granted (the due date moved) or refused (it stayed). */
export const EXTENSION_STATES = ['requested', 'granted', 'refused'] as const;
export type ExtensionState = (typeof EXTENSION_STATES)[number];
