/** Obligation vocabulary (pure): the states and reminder kinds the tables check. */

export const OBLIGATION_STATES = ['open', 'met', 'overdue', 'extended', 'waived'] as const;
export type ObligationState = (typeof OBLIGATION_STATES)[number];

export const REMINDER_KINDS = ['before', 'due', 'overdue'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];
